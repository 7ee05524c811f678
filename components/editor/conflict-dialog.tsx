'use client';

import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { ServerCopy } from '@/lib/articles/save-article';

type Props = {
  mine: { title: string; html: string };
  theirs: ServerCopy;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
};

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', day: 'numeric', month: 'short' });

/**
 * Both versions side by side, in a modal that needs an answer (Escape does not dismiss it); whichever is
 * chosen, the other stays in the history.
 */
export function ConflictDialog({ mine, theirs, onKeepMine, onTakeTheirs }: Props) {
  return (
    <Dialog isOpen role="alertdialog" title="Someone else saved this article while you were writing" describedBy="conflict-help" className="conflict-dialog">
      <p id="conflict-help">
        {theirs.updatedBy ?? 'Another editor'} saved version {theirs.version} at {timeFormat.format(new Date(theirs.updatedAt))}. Choose which
        text to continue with. The other one is kept in the history either way.
      </p>
      <div className="conflict-columns">
        <ConflictColumn heading="Your version" title={mine.title} html={mine.html} action="Keep mine" onChoose={onKeepMine} />
        <ConflictColumn heading="Their version" title={theirs.title} html={theirs.html} action="Take theirs" onChoose={onTakeTheirs} />
      </div>
    </Dialog>
  );
}

function ConflictColumn({ heading, title, html, action, onChoose }: { heading: string; title: string; html: string; action: string; onChoose: () => void }) {
  return (
    <div>
      <h3>{heading}</h3>
      <p className="conflict-title">{title}</p>
      <div className="conflict-text" dangerouslySetInnerHTML={{ __html: html }} />
      <Button onClick={onChoose}>{action}</Button>
    </div>
  );
}
