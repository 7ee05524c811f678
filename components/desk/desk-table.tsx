import type { ReactNode } from 'react';

/**
 * A desk list as a table: an optional caption (usually the count), one header row naming the
 * columns, and the rows given as children. `hasActions` adds a last column for each row's buttons,
 * named for screen readers only.
 */
export function DeskTable({ columns, caption, hasActions = false, children }: { columns: string[]; caption?: ReactNode; hasActions?: boolean; children: ReactNode }) {
  return (
    <table className="desk-table">
      {caption === undefined ? null : <caption className="meta">{caption}</caption>}
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
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
