import type { ServerCopy } from '@/lib/articles/save-article';

type Props = {
  mine: { title: string; html: string };
  theirs: ServerCopy;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
};

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', day: 'numeric', month: 'short' });

/** Both versions side by side; whichever is chosen, the other stays in the history. */
export function ConflictDialog({ mine, theirs, onKeepMine, onTakeTheirs }: Props) {
  return (
    <section className="conflict" role="alertdialog" aria-labelledby="conflict-title" aria-describedby="conflict-help">
      <h2 id="conflict-title">Someone else saved this article while you were writing</h2>
      <p id="conflict-help">
        {theirs.updatedBy ?? 'Another editor'} saved version {theirs.version} at {timeFormat.format(new Date(theirs.updatedAt))}. Choose which
        text to continue with. The other one is kept in the history either way.
      </p>
      <div className="conflict-columns">
        <div>
          <h3>Your version</h3>
          <p className="conflict-title">{mine.title}</p>
          <div className="conflict-text" dangerouslySetInnerHTML={{ __html: mine.html }} />
          <button type="button" onClick={onKeepMine}>
            Keep mine
          </button>
        </div>
        <div>
          <h3>Their version</h3>
          <p className="conflict-title">{theirs.title}</p>
          <div className="conflict-text" dangerouslySetInnerHTML={{ __html: theirs.html }} />
          <button type="button" onClick={onTakeTheirs}>
            Take theirs
          </button>
        </div>
      </div>
    </section>
  );
}
