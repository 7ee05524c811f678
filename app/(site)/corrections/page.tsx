import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { CorrectionNote } from '@/components/site/correction-note';
import styles from '@/components/site/corrections.module.css';
import { listCorrections } from '@/lib/articles/list-corrections';

// Metadata and page ask for the same page in one request: read it once.
const load = cache((page: number) => listCorrections({ page }));

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  await connection();
  const page = parsePage((await searchParams).page);
  if (page === null || !load(page)) return {};
  const title = page > 1 ? `Corrections (page ${page})` : 'Corrections';
  const description = 'Every correction, clarification and update to articles published by Masthead, newest first.';
  return {
    title,
    description,
    alternates: { canonical: correctionsHref(page) },
    openGraph: { type: 'website', title, description, url: correctionsHref(page) },
  };
}

export default async function CorrectionsPage({ searchParams }: Props) {
  await connection();
  const page = parsePage((await searchParams).page);
  const listed = page === null ? null : load(page);
  if (!listed) notFound();
  return (
    <article className="article">
      <h1>Corrections</h1>
      <p className="dek">When we get something wrong, we correct it and say so here and on the article.</p>
      {listed.corrections.length === 0 ? (
        <p>No corrections have been published.</p>
      ) : (
        <ol className={styles.list}>
          {listed.corrections.map((correction) => (
            <li key={correction.id}>
              <h2>
                <a href={`/articles/${correction.article.slug}`}>{correction.article.title}</a>
              </h2>
              <CorrectionNote {...correction} />
            </li>
          ))}
        </ol>
      )}
      {listed.pageCount > 1 ? (
        <nav aria-label="Pages of corrections" className={styles.pagination}>
          {listed.page > 1 ? (
            <a rel="prev" href={correctionsHref(listed.page - 1)}>
              Newer corrections
            </a>
          ) : null}
          <span>
            Page {listed.page} of {listed.pageCount}
          </span>
          {listed.page < listed.pageCount ? (
            <a rel="next" href={correctionsHref(listed.page + 1)}>
              Older corrections
            </a>
          ) : null}
        </nav>
      ) : null}
    </article>
  );
}

/** The first page has no `?page`, so it has one address. */
function correctionsHref(page: number): string {
  return page > 1 ? `/corrections?page=${page}` : '/corrections';
}

function parsePage(value: string | string[] | undefined): number | null {
  if (value === undefined) return 1;
  if (typeof value !== 'string' || !/^[1-9]\d{0,5}$/.test(value)) return null;
  return Number(value);
}
