import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ArticleAuditLog } from '@/components/desk/article-audit-log';
import { DeskShell } from '@/app/desk/desk-shell';
import { readOrNotFound } from '@/lib/articles/desk-page-guard';
import { listArticleAuditEntries } from '@/lib/staff/audit/list-article-audit-entries';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { getSiteSettings } from '@/lib/platform/settings/site-settings';

export const metadata: Metadata = { title: 'Article audit log', robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ before?: string }> };

/** Everyone who may open the article may read its log: editors, admins and the article's own authors. */
export default async function ArticleAuditPage({ params, searchParams }: Props) {
  await connection();
  const { id } = await params;
  const { before } = await searchParams;
  const staff = await requireStaff({ returnTo: `/desk/articles/${id}/audit` });
  const log = readOrNotFound(() => listArticleAuditEntries({ actor: staff, articleId: Number(id), before: Number(before) || null }));
  if ('forbidden' in log) return <DeskShell staff={staff}>{log.forbidden}</DeskShell>;
  const { timeZone } = getSiteSettings();
  return (
    <DeskShell staff={staff}>
      <p>
        <Link href={`/desk/articles/${id}`}>← Back to the editor</Link>
      </p>
      <h1>Audit log: {log.articleTitle}</h1>
      <p className="meta">Times are in {timeZone}.</p>
      <ArticleAuditLog entries={log.entries} timeZone={timeZone} olderHref={log.nextBefore ? `/desk/articles/${id}/audit?before=${log.nextBefore}` : null} />
    </DeskShell>
  );
}
