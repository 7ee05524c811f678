'use client';

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
  return (
    <ul className="mention-menu" role="listbox" aria-label="Entities" style={{ top: state.top, left: state.left }}>
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
