'use client';

import type { LocalDraft } from './local-draft-store';
import { Button } from '@/components/ui/button';

/** Offers back changes this device kept but never saved. */
export function RestoreOffer({ offer, onRestore, onDiscard }: { offer: LocalDraft; onRestore: () => void; onDiscard: () => void }) {
  return (
    <div className="restore-offer" role="alert">
      <p>This device has changes to this article that were not saved (kept {new Date(offer.keptAt).toLocaleString('en-GB')}).</p>
      <Button onClick={onRestore}>
        Restore them
      </Button>{' '}
      <Button variant="quiet" onClick={onDiscard}>
        Discard them
      </Button>
    </div>
  );
}
