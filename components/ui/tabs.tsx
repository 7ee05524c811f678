'use client';

import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export type TabItem<Id extends string> = { id: Id; label: ReactNode; panel: ReactNode };

type Props<Id extends string> = {
  /** Names the tab list for assistive technology. */
  label: string;
  items: TabItem<Id>[];
  selectedId: Id;
  onSelect: (id: Id) => void;
  className?: string;
};

/**
 * Tabs after the WAI-ARIA pattern: arrow keys, Home and End move between tabs and select them, each panel is
 * named by its tab. Every panel stays mounted, so what it loads or holds survives switching away.
 */
export function Tabs<Id extends string>({ label, items, selectedId, onSelect, className }: Props<Id>) {
  const baseId = useId();
  const tabRefs = useRef(new Map<Id, HTMLButtonElement>());
  const tabId = (id: Id) => `${baseId}-tab-${id}`;
  const panelId = (id: Id) => `${baseId}-panel-${id}`;

  const moveTo = (index: number) => {
    const target = items[(index + items.length) % items.length]!;
    onSelect(target.id);
    tabRefs.current.get(target.id)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: items.length - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    moveTo(next);
  };

  return (
    <div className={className ? `tabs ${className}` : 'tabs'}>
      <div role="tablist" aria-label={label} className="tab-list">
        {items.map((item, index) => {
          const isSelected = item.id === selectedId;
          return (
            <button
              key={item.id}
              ref={(element) => {
                if (element) tabRefs.current.set(item.id, element);
                else tabRefs.current.delete(item.id);
              }}
              type="button"
              role="tab"
              id={tabId(item.id)}
              className="tab"
              aria-selected={isSelected}
              aria-controls={panelId(item.id)}
              tabIndex={isSelected ? 0 : -1}
              onClick={() => onSelect(item.id)}
              onKeyDown={(event) => onKeyDown(event, index)}
            >
              {item.label}
            </button>
          );
        })}
      </div>
      {items.map((item) => (
        <div key={item.id} role="tabpanel" id={panelId(item.id)} aria-labelledby={tabId(item.id)} className="tab-panel" hidden={item.id !== selectedId} tabIndex={0}>
          {item.panel}
        </div>
      ))}
    </div>
  );
}
