import Link from 'next/link';

/** Newer and older links under a paged desk list, newest first; nothing when the list fits on one page. */
export function DeskPager({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages" className="pager">
      {page > 1 ? <Link href={hrefFor(page - 1)}>← Newer</Link> : null}
      {page < pageCount ? <Link href={hrefFor(page + 1)}>Older →</Link> : null}
    </nav>
  );
}
