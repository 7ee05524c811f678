import type { CollabView } from './collab-session';
import type { CollabState } from './use-collab';

const CONNECTION_TEXT: Record<CollabView['connection'], string> = {
  loading: 'Connecting…',
  connected: 'Connected',
  offline: 'Offline — changes kept on this device',
  reconnecting: 'Reconnecting…',
  closed: 'Not connected',
};

/** The shared text's connection, who else is here with their caret colours, and what the writer must know. */
export function CollabHeader({ view }: { view: CollabState }) {
  const people = uniqueByName(view.others);
  return (
    <div className="collab-header">
      <p className={`collab-connection collab-connection-${view.connection}`} role="status" aria-live="polite" data-testid="collab-connection">
        {CONNECTION_TEXT[view.connection]}
      </p>
      {people.length > 0 ? (
        <ul className="collab-here" aria-label="Who is here">
          {people.map((person) => (
            <li key={person.origin}>
              <span className="collab-swatch" ref={(swatch) => swatch?.style.setProperty('background-color', person.color)} aria-hidden="true" />
              {person.name}
            </li>
          ))}
        </ul>
      ) : null}
      {view.message ? (
        <p className="collab-message" role="alert">
          {view.message}
        </p>
      ) : null}
    </div>
  );
}

function uniqueByName<T extends { name: string }>(people: T[]): T[] {
  const seen = new Set<string>();
  return people.filter((person) => !seen.has(person.name) && seen.add(person.name));
}
