import type { RevisionComparison } from '@/lib/articles/compare-revisions';

/** Two revisions' words, with insertions and deletions marked in the text. */
export function RevisionDiffView({ comparison }: { comparison: RevisionComparison }) {
  return (
    <section aria-labelledby="diff-title" className="revision-diff">
      <h2 id="diff-title">
        Changes from version {comparison.from.version} to version {comparison.to.version}
      </h2>
      <p className="meta">
        {comparison.text.addedWords} words added, {comparison.text.removedWords} words removed
      </p>
      {comparison.metaChanges.length > 0 ? (
        <dl className="meta-changes">
          {comparison.metaChanges.map((change) => (
            <div key={change.label}>
              <dt>{change.label}</dt>
              <dd>
                <del>{change.before || '—'}</del> → <ins>{change.after || '—'}</ins>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <div className="article-body">
        {comparison.text.blocks.map((block, index) => (
          <p key={index}>
            {block.map((segment, segmentIndex) =>
              segment.kind === 'added' ? (
                <ins key={segmentIndex}>{segment.text}</ins>
              ) : segment.kind === 'removed' ? (
                <del key={segmentIndex}>{segment.text}</del>
              ) : (
                <span key={segmentIndex}>{segment.text}</span>
              ),
            )}
          </p>
        ))}
      </div>
    </section>
  );
}
