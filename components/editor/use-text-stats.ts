'use client';

import type { JSONContent } from '@tiptap/core';
import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { countWords } from '@/lib/content/derive-article-text';
import { settleTimer } from './settle-timer';

const RECOUNT_DELAY_MS = 500;

export type ArticleImage = { id: number; label: string };

/** Word count, the images in the text and a tick that moves on each change, recomputed shortly after typing pauses. */
export function useTextStats({ body, wordCount: initialWordCount, editorRef }: { body: JSONContent; wordCount: number; editorRef: RefObject<Editor | null> }) {
  const [wordCount, setWordCount] = useState(initialWordCount);
  const [images, setImages] = useState(() => imagesIn(body));
  const [changeTick, setChangeTick] = useState(0);
  const recount = useRef<ReturnType<typeof settleTimer> | null>(null);
  useEffect(() => () => recount.current?.cancel(), []);
  const scheduleRecount = useCallback(() => {
    recount.current ??= settleTimer(RECOUNT_DELAY_MS, () => {
      const current = editorRef.current;
      if (!current) return;
      setWordCount(countWords(current.getText({ blockSeparator: '\n\n' })));
      setImages(imagesIn(current.getJSON()));
      setChangeTick((tick) => tick + 1);
    });
    recount.current.poke();
  }, [editorRef]);

  const showImagesOf = useCallback((doc: JSONContent) => setImages(imagesIn(doc)), []);

  return { wordCount, images, changeTick, scheduleRecount, showImagesOf };
}

function imagesIn(doc: JSONContent): ArticleImage[] {
  const found: ArticleImage[] = [];
  const visit = (node: JSONContent) => {
    if (node.type === 'figure' && typeof node.attrs?.mediaId === 'number') {
      found.push({ id: node.attrs.mediaId, label: (node.attrs.alt as string) || (node.attrs.caption as string) || `Image ${node.attrs.mediaId}` });
    }
    node.content?.forEach(visit);
  };
  visit(doc);
  return found;
}
