'use client';

import { useLayoutEffect, useRef } from 'react';
import type { PickerEntity } from './entity-search';

export type MentionMenuState = {
  items: PickerEntity[];
  selected: number;
  top: number;
  left: number;
  choose: (entity: PickerEntity) => void;
};

/** The list that opens at `@`: arrow keys move, Enter picks, Escape closes. */
export function MentionMenu({ state }: { state: MentionMenuState }) {
  const listRef = useRef<HTMLUListElement>(null);
  // The caret's place is known only at run time, so the menu is moved there directly rather than by a class.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    list.style.top = `${state.top}px`;
    list.style.left = `${state.left}px`;
  }, [state.top, state.left]);
  return (
    <ul ref={listRef} className="mention-menu" role="listbox" aria-label="Entities">
      {state.items.length === 0 ? <li className="meta">Keep typing a name…</li> : null}
      {state.items.map((entity, index) => (
        <li key={entity.id} role="option" aria-selected={index === state.selected}>
          <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={() => state.choose(entity)}>
            <strong>{entity.name}</strong> <span className="meta">{entity.detail}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
