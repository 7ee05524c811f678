import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';

/** How long changes that came from the server may wait to be written to the device together. */
const SERVER_CHANGES_WAIT_MS = 250;

/**
 * The article's shared text kept on this device (IndexedDB), so typing survives a lost connection or a
 * closed tab. y-indexeddb opens one IndexedDB transaction per change; with several writers that is one
 * per change arriving from each of them, a third of a millisecond of the page's time each. Changes from
 * the server are already kept there, so they are gathered and written together, merged, within
 * `SERVER_CHANGES_WAIT_MS`. The writer's own changes are written at once, with any gathered ones.
 */
export class DeviceCopy extends IndexeddbPersistence {
  private readonly writeNow: (update: Uint8Array, origin: unknown) => void;
  private readonly waiting: Uint8Array[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(name: string, doc: Y.Doc, { isFromServer }: { isFromServer: (origin: unknown) => boolean }) {
    super(name, doc);
    this.writeNow = this._storeUpdate;
    doc.off('update', this._storeUpdate);
    this._storeUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      this.waiting.push(update);
      if (!isFromServer(origin)) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), SERVER_CHANGES_WAIT_MS);
    };
    doc.on('update', this._storeUpdate);
  }

  /** Writes what is waiting, as one change. Until the database is open there is nothing to write: on opening, it stores the whole text. */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.waiting.length === 0) return;
    if (!this.db) {
      this.waiting.length = 0;
      return;
    }
    const update = this.waiting.length === 1 ? this.waiting[0]! : Y.mergeUpdates(this.waiting);
    this.waiting.length = 0;
    this.writeNow(update, null);
  }

  override destroy(): Promise<void> {
    this.flush();
    return super.destroy();
  }
}
