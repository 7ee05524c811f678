import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { DeskShell } from '@/app/desk/desk-shell';
import { DeskTable } from '@/components/desk/desk-table';
import { RevisionDiffView } from '@/components/desk/revision-diff-view';
import { compareRevisions, getRevisionOf } from '@/lib/articles/compare-revisions';
import { readOrNotFound } from '@/lib/articles/desk-page-guard';
import { listRevisions } from '@/lib/articles/list-revisions';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { renderArticleHtml } from '@/lib/content/render-article-html';
import { restoreRevisionAction } from '../../actions';
import { Button } from '@/components/ui/button';

export const metadata: Metadata = { title: 'History', robots: { index: false } };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ view?: string; from?: string; to?: string; restored?: string; error?: string }>;
};

const REASONS = {
  autosave: 'Autosave',
  save: 'Saved',
  submit: 'Submitted',
  publish: 'Published',
  restore: 'Restored',
  correction: 'Correction',
  import: 'Imported',
  conflict: 'Kept aside in a conflict',
} as const;

const stamp = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export default async function HistoryPage({ params, searchParams }: Props) {
  await connection();
  const { id } = await params;
  const query = await searchParams;
  const articleId = Number(id);
  const staff = await requireStaff({ returnTo: `/desk/articles/${id}/history` });
  const history = readOrNotFound(() => listRevisions({ articleId, actor: staff }));
  if ('forbidden' in history) return <DeskShell staff={staff}>{history.forbidden}</DeskShell>;
  const viewed = query.view ? readOrNotFound(() => getRevisionOf({ articleId, revisionId: Number(query.view) })) : null;
  const comparison =
    query.from && query.to ? readOrNotFound(() => compareRevisions({ articleId, fromId: Number(query.from), toId: Number(query.to), actor: staff })) : null;
  return (
    <DeskShell staff={staff} isWide>
      <p>
        <Link href={`/desk/articles/${id}`}>← Back to the editor</Link>
      </p>
      <h1>History</h1>
      <div aria-live="polite">
        {query.restored ? <p role="status" className="notice">Restored: the article is now at version {query.restored}.</p> : null}
        {query.error ? <p role="alert" className="form-error">{query.error}</p> : null}
      </div>
      <div className="history-layout">
        <form method="get" className="history-list" aria-label="Revisions">
          <DeskTable columns={['From', 'To', 'Version', 'What', 'Who', 'When (UTC)', 'Words', '']}>
            {history.map((revision, index) => (
              <tr key={revision.id}>
                <td>
                  <input type="radio" name="from" value={revision.id} defaultChecked={index === 1} aria-label={`Compare from version ${revision.version}`} />
                </td>
                <td>
                  <input type="radio" name="to" value={revision.id} defaultChecked={index === 0} aria-label={`Compare to version ${revision.version}`} />
                </td>
                <td>{revision.version}</td>
                <td>
                  {REASONS[revision.reason]}
                  {revision.note ? <span className="meta"> — {revision.note}</span> : null}
                </td>
                <td>{revision.authorName ?? '—'}</td>
                <td>{stamp.format(new Date(revision.updatedAt))}</td>
                <td>{revision.wordCount}</td>
                <td>
                  <Link href={`/desk/articles/${id}/history?view=${revision.id}`} aria-label={`View version ${revision.version}`}>
                    View
                  </Link>
                </td>
              </tr>
            ))}
          </DeskTable>
          {history.length > 1 ? <Button type="submit">Compare selected</Button> : null}
        </form>
        <div className="history-detail">
          {comparison && !('forbidden' in comparison) ? <RevisionDiffView comparison={comparison} /> : null}
          {viewed && !('forbidden' in viewed) ? (
            <section aria-labelledby="viewed-title">
              <h2 id="viewed-title">Version {viewed.version}</h2>
              <form action={restoreRevisionAction}>
                <input type="hidden" name="articleId" value={articleId} />
                <input type="hidden" name="revisionId" value={viewed.id} />
                <Button type="submit">Restore this version</Button>
              </form>
              <article className="article">
                <h1>{viewed.title}</h1>
                {viewed.dek ? <p className="dek">{viewed.dek}</p> : null}
                <div className="article-body" dangerouslySetInnerHTML={{ __html: renderArticleHtml(viewed.body) }} />
              </article>
            </section>
          ) : null}
        </div>
      </div>
    </DeskShell>
  );
}
