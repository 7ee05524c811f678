import Link from 'next/link';

/** Previous and next links through the entity list, keeping the search and kind filter. */
export function EntityPagination({ page, pageCount, params }: { page: number; pageCount: number; params: Record<string, string> }) {
  if (pageCount <= 1) return null;
  const hrefFor = (target: number) => {
    const search = new URLSearchParams(Object.entries(params).filter(([, value]) => value !== ''));
    if (target > 1) search.set('page', String(target));
    const query = search.toString();
    return query ? `/desk/entities?${query}` : '/desk/entities';
  };
  return (
    <nav aria-label="Pages" className="pager">
      {page > 1 ? <Link href={hrefFor(page - 1)}>← Previous</Link> : null}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? <Link href={hrefFor(page + 1)}>Next →</Link> : null}
    </nav>
  );
}
