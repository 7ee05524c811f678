import type { Metadata } from 'next';
import { connection } from 'next/server';
import { DeskShell } from '@/app/desk/desk-shell';
import { requireStaff } from '@/lib/staff/auth/current-staff';
import { NewArticleForm } from './new-article-form.client';

export const metadata: Metadata = { title: 'New article', robots: { index: false } };

export default async function NewArticlePage() {
  await connection();
  const staff = await requireStaff({ returnTo: '/desk/articles/new' });
  return (
    <DeskShell staff={staff}>
      <h1>New article</h1>
      <NewArticleForm />
    </DeskShell>
  );
}
