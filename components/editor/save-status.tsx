import type { SaveStatus } from './use-autosave';

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

export function describeSaveStatus(status: SaveStatus): string {
  switch (status.kind) {
    case 'saved':
      return status.at ? `Saved at ${timeFormat.format(new Date(status.at))}` : 'All changes saved';
    case 'dirty':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'offline':
      return 'Offline — kept on this device';
    case 'conflict':
      return 'Conflict';
    case 'error':
      return `Not saved: ${status.message}`;
  }
}

export function SaveStatusLine({ status }: { status: SaveStatus }) {
  return (
    <p className={`save-status save-status-${status.kind}`} role="status" aria-live="polite" data-testid="save-status">
      {describeSaveStatus(status)}
    </p>
  );
}
