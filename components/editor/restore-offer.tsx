'use client';

import type { LocalDraft } from './local-draft-store';

/** Offers back changes this device kept but never saved. */
export function RestoreOffer({ offer, onRestore, onDiscard }: { offer: LocalDraft; onRestore: () => void; onDiscard: () => void }) {
  return (
    <div className="restore-offer" role="alert">
      <p>This device has changes to this article that were not saved (kept {new Date(offer.keptAt).toLocaleString('en-GB')}).</p>
      <button type="button" onClick={onRestore}>
        Restore them
      </button>{' '}
      <button type="button" className="link-button" onClick={onDiscard}>
        Discard them
      </button>
    </div>
  );
}
