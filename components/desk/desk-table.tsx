import type { ReactNode } from 'react';

/** A column's header: its name, or its name and a class for the header cell (a right-aligned number, say). */
export type DeskTableColumn = string | { name: string; className?: string };

/**
 * A desk list as a table: an optional caption (usually the count), one header row naming the
 * columns, and the rows given as children. `hasActions` adds a last column for each row's buttons,
 * named for screen readers only. A table without a caption may be named by `label` or by the id of
 * its heading in `labelledBy`.
 */
export function DeskTable({
  columns,
  caption,
  captionClassName = 'meta',
  label,
  labelledBy,
  hasActions = false,
  children,
}: {
  columns: DeskTableColumn[];
  caption?: ReactNode;
  /** `null` for a caption without a class. */
  captionClassName?: string | null;
  label?: string;
  labelledBy?: string;
  hasActions?: boolean;
  children: ReactNode;
}) {
  return (
    <table className="desk-table" aria-label={label} aria-labelledby={labelledBy}>
      {caption === undefined ? null : <caption className={captionClassName ?? undefined}>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((column, index) => {
            const { name, className } = typeof column === 'string' ? { name: column, className: undefined } : column;
            // Two columns may share a name (two tiers called the same), so the place is the key.
            return (
              <th key={index} scope="col" className={className}>
                {name}
              </th>
            );
          })}
          {hasActions ? (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
