import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { articleJsonOf, COLLAB_FIELD } from '@/lib/collab/article-ydoc';
import { bytesOf, base64Of } from './base64';
import { DeviceCopy } from './device-copy';
import { wordsMissingFrom } from './lost-words';

export type CollabConnection = 'loading' | 'connected' | 'offline' | 'reconnecting' | 'closed';
export type PersonHere = { origin: string; name: string; color: string };
type RelativePositionJson = ReturnType<typeof Y.relativePositionToJSON>;
type Caret = { anchor: RelativePositionJson; head: RelativePositionJson };
type RemotePresence = PersonHere & { caret: Caret | null };

/** What the editor shows of the shared document's connection; replaced, never changed in place. */
export type CollabView = {
  /** The document the editor binds to; a new one after the server refused a change. */
  doc: Y.Doc;
  awareness: Awareness;
  /** Bumped whenever `doc` is replaced, so the editor is made again for it. */
  generation: number;
  /** The document holds text to edit (from the server, or kept on this device while offline). */
  isReady: boolean;
  connection: CollabConnection;
  /** Every local change has reached the server; when the last one did. */
  isSent: boolean;
  sentAt: string | null;
  others: PersonHere[];
  /** Why the shared text stopped (the server refused this writer), or a change that could not be merged. */
  message: string | null;
};

const SEND_DELAY_MS = 25;
const CARET_DELAY_MS = 30;
/** The longest a request waits for the next frame to be drawn. */
const AFTER_PAINT_LIMIT_MS = 50;
const CARET_HEARTBEAT_MS = 10_000;
const RETRY_MS = [500, 1000, 2000, 4000, 5000];
const LOCAL_LOAD_LIMIT_MS = 2000;

/**
 * The browser's side of an article's shared document (ADR 016): loads the server's state, keeps
 * every change in IndexedDB, sends local changes in order (one request at a time, retried while
 * offline), follows others' changes and carets on the server's event stream, and starts again
 * from the server's state when it refuses a change, telling the writer which words were not kept.
 */
export class CollabSession {
  readonly origin = randomId();
  private view: CollabView;
  private listeners = new Set<() => void>();
  private persistence: DeviceCopy | null = null;
  /** What the server is known to hold, per Yjs client: local changes after it are still to be sent. */
  private serverVector = new Map<number, number>();
  private seq = 0;
  private hasUnsent = false;
  /**
   * Local changes not yet sent, as the editor made them: sent merged, they carry only what was typed.
   * A diff against the server's state vector would carry the document's whole delete set every time.
   */
  private pending: Uint8Array[] = [];
  /** The next send is that diff instead: after joining with changes kept on the device from before, and after a refusal. */
  private isFullSendNeeded = true;
  private isSending = false;
  private sendTimer: ReturnType<typeof setTimeout> | undefined;
  private caretTimer: ReturnType<typeof setTimeout> | undefined;
  private caretSentAt = 0;
  /** The caret moved with a change not yet sent: it goes with that change rather than in a request of its own. */
  private isCaretRidingAlong = false;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private reopenTimer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private source: EventSource | null = null;
  private remoteIds = new Map<string, number>();
  private isStopped = false;
  /** The changes sent now are ones the server refused once and that were applied again. */
  private isSendingReapplied = false;

  constructor(private readonly articleId: number) {
    const doc = new Y.Doc();
    this.view = { doc, awareness: new Awareness(doc), generation: 0, isReady: false, connection: 'loading', isSent: true, sentAt: null, others: [], message: null };
  }

  get current(): CollabView {
    return this.view;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  async start(): Promise<void> {
    this.bind(this.view.doc, this.view.awareness);
    await this.keepOnDevice(this.view.doc);
    if (this.isStopped) return;
    if (hasText(this.view.doc)) this.show({ isReady: true });
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('pagehide', this.onLeave);
    this.heartbeat = setInterval(() => this.sendCaret(), CARET_HEARTBEAT_MS);
    await this.join();
  }

  stop(): void {
    if (this.isStopped) return;
    this.onLeave();
    this.isStopped = true;
    clearTimeout(this.sendTimer);
    clearTimeout(this.caretTimer);
    clearTimeout(this.reopenTimer);
    clearInterval(this.heartbeat);
    this.source?.close();
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('pagehide', this.onLeave);
    void this.persistence?.destroy();
    this.view.awareness.destroy();
    this.view.doc.destroy();
  }

  /**
   * Resolves true once the server has acknowledged every change made here so far, hurrying a send
   * that is only waiting for typing to pause; false while that cannot happen (offline, closed) or after `limitMs`.
   */
  whenSent(limitMs = 10_000): Promise<boolean> {
    if (this.isAllSent()) return Promise.resolve(true);
    if (this.hasUnsent && !this.isSending) this.scheduleSend(0);
    return new Promise((resolve) => {
      const done = (isSent: boolean) => {
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve(isSent);
      };
      const check = () => {
        if (this.isAllSent()) done(true);
        else if (this.isStopped || this.view.connection === 'closed' || this.view.connection === 'offline') done(false);
      };
      const timer = setTimeout(() => done(false), limitMs);
      this.listeners.add(check);
    });
  }

  private isAllSent(): boolean {
    return this.view.isReady && !this.hasUnsent && !this.isSending;
  }

  private get base(): string {
    return `/api/desk/articles/${this.articleId}/collab`;
  }

  private show(change: Partial<CollabView>): void {
    this.view = { ...this.view, ...change };
    this.listeners.forEach((listener) => listener());
  }

  private bind(doc: Y.Doc, awareness: Awareness): void {
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this || origin === this.persistence || doc !== this.view.doc) return;
      this.pending.push(update);
      this.hasUnsent = true;
      if (this.view.isSent) this.show({ isSent: false });
      this.scheduleSend(SEND_DELAY_MS);
    });
    awareness.on('update', (_changes: unknown, origin: unknown) => {
      if (origin !== 'local' || awareness !== this.view.awareness) return;
      this.scheduleCaret();
    });
  }

  /** Loads what this device kept of the article's shared text; IndexedDB missing or slow does not stop the editor. */
  private async keepOnDevice(doc: Y.Doc): Promise<void> {
    if (typeof indexedDB === 'undefined') return;
    try {
      this.persistence = new DeviceCopy(`masthead-article-${this.articleId}`, doc, { isFromServer: (origin) => origin === this });
      await Promise.race([this.persistence.whenSynced, new Promise((resolve) => setTimeout(resolve, LOCAL_LOAD_LIMIT_MS))]);
    } catch {
      this.persistence = null;
    }
  }

  /** Fetches the server's state; what this device holds beyond it is sent. Retried until it answers. */
  private async join(): Promise<void> {
    let response: Response;
    try {
      response = await fetch(this.base, { cache: 'no-store' });
    } catch {
      this.show({ connection: 'offline' });
      this.retry(() => void this.join());
      return;
    }
    const data = (await response.json().catch(() => ({}))) as { state?: string; seq?: number; error?: string };
    if (this.isStopped) return;
    if (!response.ok || data.state === undefined || data.seq === undefined) {
      if (response.status >= 500) {
        this.show({ connection: 'reconnecting' });
        this.retry(() => void this.join());
        return;
      }
      this.close(data.error ?? 'The shared text could not be opened; reload the page.');
      return;
    }
    this.failures = 0;
    const state = bytesOf(data.state);
    if (hasText(this.view.doc) && !sharesHistory(this.view.doc, state)) {
      // What this device kept belongs to an older shared document (one that was reset): start from the server's.
      await this.replaceDoc(state);
    } else {
      Y.applyUpdate(this.view.doc, state, this);
    }
    this.serverVector = vectorOf(state);
    this.seq = data.seq;
    const server = new Y.Doc();
    Y.applyUpdate(server, state);
    this.hasUnsent = !Y.equalSnapshots(Y.snapshot(server), Y.snapshot(this.view.doc));
    server.destroy();
    // What this device kept beyond the server's state came from IndexedDB, not from edits seen here.
    this.pending = [];
    this.isFullSendNeeded = this.hasUnsent;
    this.show({ isReady: true, isSent: !this.hasUnsent });
    this.follow();
    if (this.hasUnsent) this.scheduleSend(0);
    this.sendCaret();
  }

  private scheduleSend(delay: number): void {
    if (this.isStopped) return;
    clearTimeout(this.sendTimer);
    this.sendTimer = setTimeout(() => afterNextPaint(() => void this.send()), delay);
  }

  /** Sends everything the server does not have yet as one update; one request at a time, in order. */
  private async send(): Promise<void> {
    if (this.isSending || !this.hasUnsent || this.isStopped || this.view.connection === 'closed' || !this.view.isReady) return;
    const doc = this.view.doc;
    const sending = this.pending;
    const wasFull = this.isFullSendNeeded || sending.length === 0;
    const update = wasFull ? Y.encodeStateAsUpdate(doc, Y.encodeStateVector(this.serverVector)) : Y.mergeUpdates(sending);
    const sentVector = Y.decodeStateVector(Y.encodeStateVector(doc));
    this.pending = [];
    this.isFullSendNeeded = false;
    this.hasUnsent = false;
    this.isSending = true;
    /** Not taken: what was being sent goes first next time. */
    const keepForNextSend = () => {
      this.pending = [...sending, ...this.pending];
      this.isFullSendNeeded ||= wasFull;
      this.hasUnsent = true;
    };
    const caret = this.isCaretRidingAlong ? { caret: this.caretNow() } : {};
    if (this.isCaretRidingAlong) {
      this.isCaretRidingAlong = false;
      this.caretSentAt = Date.now();
    }
    let response: Response;
    try {
      response = await fetch(this.base, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ update: base64Of(update), origin: this.origin, ...caret }) });
    } catch {
      this.isSending = false;
      if (doc === this.view.doc) keepForNextSend();
      else this.hasUnsent = true;
      this.show({ connection: 'offline' });
      this.retry(() => this.scheduleSend(0));
      return;
    }
    this.isSending = false;
    const data = (await response.json().catch(() => ({}))) as { seq?: number; error?: string; kind?: string; state?: string };
    if (this.isStopped || doc !== this.view.doc) return;
    if (response.ok) {
      this.failures = 0;
      for (const [client, clock] of sentVector) this.serverVector.set(client, Math.max(clock, this.serverVector.get(client) ?? 0));
      this.isSendingReapplied = false;
      if (this.view.connection !== 'connected' && this.source) this.show({ connection: 'connected' });
      if (this.hasUnsent) this.scheduleSend(0);
      else {
        // A caret that moved while this was on its way, with nothing more to send: it goes on its own.
        if (this.isCaretRidingAlong) this.sendCaret();
        this.show({ isSent: true, sentAt: new Date().toISOString() });
      }
      return;
    }
    if (response.status === 422 && data.kind === 'resync' && data.state !== undefined) {
      await this.resync({ state: bytesOf(data.state), seq: data.seq ?? this.seq, reason: data.error ?? 'Your last change was not kept.' });
      return;
    }
    keepForNextSend();
    if (response.status >= 500 || response.status === 429) {
      this.show({ connection: 'reconnecting' });
      this.retry(() => this.scheduleSend(0));
      return;
    }
    this.close(data.error ?? 'Your changes could not be sent; reload the page.');
  }

  /**
   * The server refused a change: a new document from its state, then the changes not yet
   * acknowledged applied again if the text they make is still whole. Words that could not be
   * kept are named in the message, so nothing a writer typed disappears without a word.
   */
  private async resync({ state, seq, reason }: { state: Uint8Array; seq: number; reason: string }): Promise<void> {
    const old = this.view.doc;
    const unsent = Y.encodeStateAsUpdate(old, Y.encodeStateVector(this.serverVector));
    const before = plainTextOf(old);
    const retried = new Y.Doc();
    Y.applyUpdate(retried, state);
    let isReapplied = false;
    if (!this.isSendingReapplied) {
      try {
        Y.applyUpdate(retried, unsent);
        isReapplied = retried.store.pendingStructs === null && retried.store.pendingDs === null && articleJsonOf(retried).ok;
      } catch {
        isReapplied = false;
      }
    }
    retried.destroy();
    await this.replaceDoc(state);
    this.serverVector = vectorOf(state);
    this.seq = seq;
    // Sent again as a change of its own; refused a second time, it is not applied again.
    this.isSendingReapplied = isReapplied;
    if (isReapplied) Y.applyUpdate(this.view.doc, unsent, 'reapplied');
    const lost = wordsMissingFrom(before, plainTextOf(this.view.doc));
    this.show({ message: lost.length > 0 ? `${reason} These words of yours are not in the shared text: “${lost.join(' ')}”.` : null });
    this.source?.close();
    this.source = null;
    this.follow();
  }

  /** A new document (and awareness) holding `state`; what this device kept of the old one is cleared. */
  private async replaceDoc(state: Uint8Array): Promise<void> {
    const old = this.view;
    if (this.persistence) {
      await this.persistence.clearData().catch(() => {});
      this.persistence = null;
    }
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state, this);
    const awareness = new Awareness(doc);
    this.pending = [];
    this.isFullSendNeeded = true;
    this.bind(doc, awareness);
    this.remoteIds.clear();
    this.show({ doc, awareness, generation: old.generation + 1, isSent: true });
    await this.keepOnDevice(doc);
    old.awareness.destroy();
    old.doc.destroy();
  }

  /** Follows the event stream from the last seq this document holds; it ends every 25 s and is opened again. */
  private follow(): void {
    if (this.isStopped || this.view.connection === 'closed') return;
    clearTimeout(this.reopenTimer);
    this.source?.close();
    const source = new EventSource(`${this.base}/stream?since=${this.seq}&origin=${this.origin}`);
    this.source = source;
    const on = (event: string, handle: (data: Record<string, unknown>) => void) =>
      source.addEventListener(event, (message) => {
        if (this.source !== source) return;
        handle(JSON.parse((message as MessageEvent<string>).data) as Record<string, unknown>);
      });
    on('ready', () => {
      this.failures = 0;
      this.show({ connection: 'connected' });
      if (this.hasUnsent) this.scheduleSend(0);
    });
    on('update', (data) => this.receive(String(data.update), Number(data.seq)));
    on('state', (data) => this.receive(String(data.state), Number(data.seq)));
    on('awareness', (data) => this.showOthers(data.others as RemotePresence[]));
    on('end', () => {
      source.close();
      this.follow();
    });
    on('closed', (data) => {
      source.close();
      this.close(String(data.error ?? 'You can no longer edit this article here.'));
    });
    source.onerror = () => {
      if (this.source !== source) return;
      source.close();
      this.source = null;
      this.show({ connection: navigator.onLine ? 'reconnecting' : 'offline' });
      this.retry(() => this.follow(), () => this.source === null);
    };
  }

  private receive(encoded: string, seq: number): void {
    const update = bytesOf(encoded);
    Y.applyUpdate(this.view.doc, update, this);
    for (const [client, clock] of vectorOf(update)) this.serverVector.set(client, Math.max(clock, this.serverVector.get(client) ?? 0));
    this.seq = seq;
  }

  /** The others' names and carets, as the server knows them, put where the caret plugin reads them. */
  private showOthers(others: RemotePresence[]): void {
    const awareness = this.view.awareness;
    const seen = new Set<number>();
    const added: number[] = [];
    const updated: number[] = [];
    for (const other of others) {
      const id = this.remoteIdOf(other.origin);
      seen.add(id);
      (awareness.states.has(id) ? updated : added).push(id);
      awareness.states.set(id, { user: { name: other.name, color: other.color }, cursor: other.caret });
    }
    const removed = [...awareness.states.keys()].filter((id) => id !== awareness.clientID && !seen.has(id));
    removed.forEach((id) => awareness.states.delete(id));
    awareness.emit('change', [{ added, updated, removed }, 'remote']);
    awareness.emit('update', [{ added, updated, removed }, 'remote']);
    this.show({ others: others.map(({ origin, name, color }) => ({ origin, name, color })) });
  }

  private remoteIdOf(origin: string): number {
    let id = this.remoteIds.get(origin);
    if (id === undefined) {
      id = 1_000_000_000 + this.remoteIds.size;
      if (id === this.view.doc.clientID) id += 1;
      this.remoteIds.set(origin, id);
    }
    return id;
  }

  /** A caret that moved goes at once, unless one went in the last few milliseconds: then the latest follows shortly. */
  private scheduleCaret(): void {
    clearTimeout(this.caretTimer);
    const wait = this.caretSentAt + CARET_DELAY_MS - Date.now();
    if (wait <= 0) afterNextPaint(() => this.shareCaret());
    else this.caretTimer = setTimeout(() => this.shareCaret(), wait);
  }

  /** While typing, the caret goes with the change that moved it; on its own otherwise. */
  private shareCaret(): void {
    if (this.hasUnsent || this.isSending) this.isCaretRidingAlong = true;
    else this.sendCaret();
  }

  private sendCaret(): void {
    this.caretSentAt = Date.now();
    this.isCaretRidingAlong = false;
    if (this.isStopped || !this.view.isReady || this.view.connection === 'closed') return;
    void fetch(`${this.base}/awareness`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ origin: this.origin, caret: this.caretNow() }) }).catch(() => {});
  }

  private caretNow(): { anchor: unknown; head: unknown } | null {
    const cursor = (this.view.awareness.getLocalState() as { cursor?: { anchor: Y.RelativePosition; head: Y.RelativePosition } | null } | null)?.cursor;
    return cursor ? { anchor: Y.relativePositionToJSON(cursor.anchor), head: Y.relativePositionToJSON(cursor.head) } : null;
  }

  private close(message: string): void {
    this.source?.close();
    this.source = null;
    this.show({ connection: 'closed', message });
  }

  /** Runs `again` after a pause that grows with each failure in a row, unless `stillNeeded` says otherwise by then. */
  private retry(again: () => void, stillNeeded: () => boolean = () => true): void {
    const delay = RETRY_MS[Math.min(this.failures, RETRY_MS.length - 1)]!;
    this.failures += 1;
    setTimeout(() => {
      if (!this.isStopped && stillNeeded()) again();
    }, delay);
  }

  private onOnline = () => {
    this.failures = 0;
    if (!this.view.isReady || this.serverVector.size === 0) return;
    if (!this.source) this.follow();
    if (this.hasUnsent) this.scheduleSend(0);
  };

  private onOffline = () => {
    if (this.view.connection !== 'closed') this.show({ connection: 'offline' });
  };

  private onLeave = () => {
    if (this.isStopped) return;
    void fetch(`${this.base}/awareness`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ origin: this.origin, caret: null, leaving: true }), keepalive: true }).catch(() => {});
  };
}

function hasText(doc: Y.Doc): boolean {
  return doc.getXmlFragment(COLLAB_FIELD).length > 0;
}

function vectorOf(update: Uint8Array): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update));
}

/** True when the kept document and the server's come from one shared history (a writer they both know). */
function sharesHistory(doc: Y.Doc, serverState: Uint8Array): boolean {
  const server = vectorOf(serverState);
  for (const client of Y.decodeStateVector(Y.encodeStateVector(doc)).keys()) if (server.has(client)) return true;
  return server.size === 0;
}

/** The document's words, blocks separated by a space. */
function plainTextOf(doc: Y.Doc): string {
  const parts: string[] = [];
  const walk = (node: Y.XmlElement | Y.XmlFragment | Y.XmlText | Y.XmlHook) => {
    if (node instanceof Y.XmlText) {
      parts.push((node.toDelta() as { insert: unknown }[]).map((piece) => (typeof piece.insert === 'string' ? piece.insert : '')).join(''));
    } else if (node instanceof Y.XmlElement || node instanceof Y.XmlFragment) {
      node.toArray().forEach(walk);
      parts.push(' ');
    }
  };
  walk(doc.getXmlFragment(COLLAB_FIELD));
  return parts.join('');
}

function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Runs `work` once the browser has drawn its next frame, so a request made because of a keystroke is
 * not built and started inside the frame that shows the keystroke. A page that draws no frames (hidden,
 * or hidden in the meantime) runs it after a short timer instead.
 */
function afterNextPaint(work: () => void): void {
  let isDone = false;
  const once = () => {
    if (isDone) return;
    isDone = true;
    work();
  };
  const fallback = setTimeout(once, AFTER_PAINT_LIMIT_MS);
  if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') return;
  requestAnimationFrame(() =>
    setTimeout(() => {
      clearTimeout(fallback);
      once();
    }, 0),
  );
}
