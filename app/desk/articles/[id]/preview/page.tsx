import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { SiteHeader } from '@/components/site/site-header';
import { ArticleView } from '@/components/site/article-view';
import { readOrNotFound } from '@/lib/articles/desk-page-guard';
import { getArticlePreview } from '@/lib/articles/get-article-preview';
import { requireStaff } from '@/lib/staff/auth/current-staff';

export const metadata: Metadata = { title: 'Preview', robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

/** The reader's template around the working copy: what readers will see once this is published. */
export default async function PreviewPage({ params }: Props) {
  await connection();
  const { id } = await params;
  const staff = await requireStaff({ returnTo: `/desk/articles/${id}/preview` });
  const preview = readOrNotFound(() => getArticlePreview({ id: Number(id), actor: staff }));
  if ('forbidden' in preview) return <p>{preview.forbidden}</p>;
  return (
    <>
      <p className="preview-banner" role="note">
        Preview of the working copy — not public. <Link href={`/desk/articles/${id}`}>Back to the editor</Link>
      </p>
      <SiteHeader />
      <main id="main" className="site-main">
        <ArticleView {...preview} />
      </main>
    </>
  );
}
