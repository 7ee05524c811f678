'use client';

import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { foldDiacritics } from '@/lib/content/text/fold-diacritics';
import { useLabelText } from './use-label-text';
import styles from './select.module.css';

export type SelectOption = { value: string; label: string };

type Props = {
  options: readonly SelectOption[];
  /** Submitted with the form through a hidden input. */
  name?: string;
  id?: string;
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
  /** Adds a first choice with the value '' (e.g. "No section"). */
  emptyLabel?: string;
  disabled?: boolean;
  required?: boolean;
  /** What a person reads when they submit without choosing. */
  requiredMessage?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean | 'true';
  'aria-label'?: string;
  className?: string;
};

/**
 * A select after the WAI-ARIA combobox pattern: typing filters the list, arrows, Home and End move within it,
 * Enter chooses, Escape closes and Tab leaves. The chosen value travels with the form in a hidden input.
 */
export function Select({
  options,
  name,
  id,
  value,
  defaultValue = '',
  onChange,
  emptyLabel,
  disabled = false,
  required = false,
  requiredMessage = 'Choose one of the options in the list.',
  className,
  ...aria
}: Props) {
  const [ownValue, setOwnValue] = useState(defaultValue);
  const [query, setQuery] = useState<string | null>(null);
  const [activeIndex, setActiveIndex] = useState<number | null>(null);
  const [isRequiredShown, setIsRequiredShown] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const ownId = useId();
  const inputId = id ?? `${ownId}-input`;
  const listId = `${ownId}-list`;
  const messageId = `${ownId}-required`;
  const current = value ?? ownValue;
  const isOpen = activeIndex !== null;
  const labelText = useLabelText(inputRef);
  const accessibleName = aria['aria-label'] ?? labelText;

  const allOptions = emptyLabel === undefined ? options : [{ value: '', label: emptyLabel }, ...options];
  const chosen = allOptions.find((option) => option.value === current);
  const needle = query === null ? '' : fold(query.trim());
  const shown = needle ? allOptions.filter((option) => fold(option.label).includes(needle)) : allOptions;
  const isMissing = required && current === '';

  useLayoutEffect(() => {
    inputRef.current?.setCustomValidity(isMissing ? requiredMessage : '');
  }, [isMissing, requiredMessage]);

  useEffect(() => {
    if (activeIndex === null) return;
    listRef.current?.children[activeIndex]?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex]);

  const open = (index: number) => setActiveIndex(index);
  const close = () => {
    setActiveIndex(null);
    setQuery(null);
  };
  const choose = (option: SelectOption) => {
    close();
    setIsRequiredShown(false);
    if (option.value === current) return;
    if (value === undefined) setOwnValue(option.value);
    onChange?.(option.value);
  };
  const chosenIndex = Math.max(0, shown.findIndex((option) => option.value === current));
  const last = shown.length - 1;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const active = activeIndex === null ? null : shown[activeIndex];
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (event.altKey && event.key === 'ArrowUp') return active ? choose(active) : close();
      if (!isOpen) return open(chosenIndex);
      if (shown.length > 0) setActiveIndex(Math.min(last, Math.max(0, (activeIndex ?? 0) + (event.key === 'ArrowDown' ? 1 : -1))));
    } else if ((event.key === 'Home' || event.key === 'End') && isOpen) {
      event.preventDefault();
      if (shown.length > 0) setActiveIndex(event.key === 'Home' ? 0 : last);
    } else if (event.key === 'Enter' && isOpen) {
      // An open list takes Enter for itself, so a half-typed search never submits the form.
      event.preventDefault();
      if (active) choose(active);
    } else if (event.key === 'Escape' && isOpen) {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'Tab') {
      close();
    }
  };

  const onOptionClick = (event: MouseEvent, option: SelectOption) => {
    // Inside a <label>, the click would otherwise go on to the input and open the list again.
    event.preventDefault();
    choose(option);
    inputRef.current?.focus();
  };

  return (
    <div className={className ? `${styles.select} ${className}` : styles.select}>
      <input
        ref={inputRef}
        id={inputId}
        type="text"
        role="combobox"
        className={styles.input}
        value={query ?? chosen?.label ?? ''}
        placeholder={chosen ? undefined : 'Choose…'}
        disabled={disabled}
        required={required}
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={isOpen}
        aria-controls={listId}
        aria-activedescendant={isOpen && activeIndex >= 0 && shown[activeIndex] ? `${listId}-${activeIndex}` : undefined}
        aria-label={accessibleName}
        aria-invalid={aria['aria-invalid'] || (isRequiredShown && isMissing) || undefined}
        aria-describedby={[aria['aria-describedby'], isRequiredShown && isMissing ? messageId : null].filter(Boolean).join(' ') || undefined}
        onChange={(event) => {
          const text = event.target.value;
          setQuery(text);
          open(0);
        }}
        onFocus={(event) => event.currentTarget.select()}
        onClick={() => (isOpen ? close() : open(chosenIndex))}
        onBlur={close}
        onKeyDown={onKeyDown}
        onInvalid={() => setIsRequiredShown(true)}
      />
      <span className={styles.chevron} aria-hidden="true" />
      {name ? <input type="hidden" name={name} value={current} disabled={disabled} /> : null}
      <div className={styles.popup} hidden={!isOpen} onMouseDown={(event) => event.preventDefault()}>
        {/* Only an open list is in the page, so the control alone answers to its label. */}
        {isOpen ? (
          <ul ref={listRef} id={listId} role="listbox" aria-label={accessibleName} className={styles.list}>
            {shown.map((option, index) => (
              <li
                key={option.value}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={option.value === current}
                className={index === activeIndex ? `${styles.option} ${styles.active}` : styles.option}
                onMouseMove={() => index !== activeIndex && setActiveIndex(index)}
                onClick={(event) => onOptionClick(event, option)}
              >
                {option.label}
              </li>
            ))}
          </ul>
        ) : null}
        {isOpen && shown.length === 0 ? (
          <p className={styles.noMatch} role="status">
            No match
          </p>
        ) : null}
      </div>
      {isRequiredShown && isMissing ? (
        <span id={messageId} className="field-error" role="alert">
          {requiredMessage}
        </span>
      ) : null}
    </div>
  );
}

function fold(text: string): string {
  return foldDiacritics(text).toLowerCase();
}
