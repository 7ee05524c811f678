'use client';

import { useRef, useState } from 'react';
import type { PickerEntity } from './entity-search';

export type ManualTag = { id: number; kind: PickerEntity['kind']; name: string };

/** Entities the article is about without naming them in the text. */
export function useManualTags({ initial, onChange }: { initial: ManualTag[]; onChange: () => void }) {
  const [manualTags, setManualTags] = useState(initial);
  const manualTagsRef = useRef(initial);
  const changeManualTags = (next: ManualTag[]) => {
    manualTagsRef.current = next;
    setManualTags(next);
    onChange();
  };
  return { manualTags, manualTagsRef, changeManualTags };
}
