'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export type MenuItem = {
  id: string;
  label: string;
  /** What the item shows, when not its label. */
  content?: ReactNode;
  title?: string;
  /** For on/off items: shown as a checked menu item. */
  isChecked?: boolean;
  isDisabled?: boolean;
  onSelect: () => void;
};

type Props = {
  /** The button's accessible name, which also names the menu. */
  label: string;
  children: ReactNode;
  items: MenuItem[];
  className?: string;
  buttonClassName?: string;
};

/**
 * A button that opens a menu, after the WAI-ARIA menu button pattern: Enter, Space or the arrow keys open it,
 * arrows, Home and End move within it, Escape closes it and gives focus back to the button.
 */
export function MenuButton({ label, children, items, className, buttonClassName }: Props) {
  const [openAt, setOpenAt] = useState<number | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const buttonId = useId();
  const menuId = useId();
  const isOpen = openAt !== null;

  useEffect(() => {
    if (openAt === null) return;
    itemRefs.current[openAt]?.focus();
  }, [openAt]);

  useEffect(() => {
    if (!isOpen) return;
    const closeOnOutside = (event: PointerEvent) => {
      if (!wrapperRef.current?.contains(event.target as Node)) setOpenAt(null);
    };
    document.addEventListener('pointerdown', closeOnOutside);
    return () => document.removeEventListener('pointerdown', closeOnOutside);
  }, [isOpen]);

  const open = (index: number) => setOpenAt((index + items.length) % items.length);
  const close = ({ isFocusReturned }: { isFocusReturned: boolean }) => {
    setOpenAt(null);
    if (isFocusReturned) buttonRef.current?.focus();
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    open(event.key === 'ArrowDown' ? 0 : items.length - 1);
  };

  const choose = (item: MenuItem) => {
    if (item.isDisabled) return;
    close({ isFocusReturned: true });
    item.onSelect();
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (openAt === null) return;
    const moves: Record<string, number> = { ArrowDown: openAt + 1, ArrowUp: openAt - 1, Home: 0, End: items.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      open(moves[event.key]!);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close({ isFocusReturned: true });
    } else if (event.key === 'Tab') {
      close({ isFocusReturned: false });
    }
  };

  return (
    <div ref={wrapperRef} className={className ? `menu-button ${className}` : 'menu-button'}>
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        className={buttonClassName}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={isOpen}
        aria-controls={menuId}
        onClick={() => (isOpen ? close({ isFocusReturned: false }) : open(0))}
        onKeyDown={onButtonKeyDown}
      >
        {children}
      </button>
      <div role="menu" id={menuId} aria-labelledby={buttonId} className="menu" hidden={!isOpen} onKeyDown={onMenuKeyDown}>
        {items.map((item, index) => (
          <button
            key={item.id}
            ref={(element) => {
              itemRefs.current[index] = element;
            }}
            type="button"
            role={item.isChecked === undefined ? 'menuitem' : 'menuitemcheckbox'}
            aria-label={item.label}
            aria-checked={item.isChecked}
            aria-disabled={item.isDisabled || undefined}
            title={item.title}
            tabIndex={-1}
            className="menu-item"
            onClick={() => choose(item)}
          >
            {item.content ?? item.label}
          </button>
        ))}
      </div>
    </div>
  );
}
