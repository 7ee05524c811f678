import type { Metadata } from 'next';
import { connection } from 'next/server';
import { DeskShell } from '@/app/desk/desk-shell';
import { ArticleEditor } from '@/components/editor/article-editor';
import { readOrNotFound } from '@/lib/articles/desk-page-guard';
import { getArticleForEdit, getEditorOptions } from '@/lib/articles/get-article-for-edit';
import { isCollabEnabled } from '@/lib/collab/collab-enabled';
import { requireStaff } from '@/lib/staff/auth/current-staff';

export const metadata: Metadata = { title: 'Edit article', robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

export default async function EditArticlePage({ params }: Props) {
  await connection();
  const { id } = await params;
  const staff = await requireStaff({ returnTo: `/desk/articles/${id}` });
  const article = readOrNotFound(() => getArticleForEdit({ id: Number(id), actor: staff }));
  if ('forbidden' in article) {
    return (
      <DeskShell staff={staff}>
        <h1>You cannot edit this article</h1>
        <p>{article.forbidden}</p>
      </DeskShell>
    );
  }
  return (
    <DeskShell staff={staff} isWide>
      {/* The editor's fields carry the title visibly; the page still needs one heading that names it. */}
      <h1 className="visually-hidden">Edit article: {article.title}</h1>
      <ArticleEditor article={article} options={getEditorOptions()} viewer={{ id: staff.id, name: staff.name, role: staff.role }} isCollabOn={isCollabEnabled()} />
    </DeskShell>
  );
}
