import type { MediaView } from '@/lib/media/media-view';

/** An issue's cover from the media library, sized by the browser from its WebP copies. */
export function IssueCover({ cover, title, sizes, isPriority = false, className }: { cover: MediaView; title: string; sizes: string; isPriority?: boolean; className?: string }) {
  return (
    // eslint-disable-next-line @next/next/no-img-element -- the library already serves resized copies with a srcset.
    <img
      src={cover.url}
      srcSet={cover.srcset || undefined}
      sizes={sizes}
      width={cover.width}
      height={cover.height}
      alt={cover.alt || `Cover of ${title}`}
      loading={isPriority ? 'eager' : 'lazy'}
      fetchPriority={isPriority ? 'high' : undefined}
      decoding="async"
      className={className}
    />
  );
}
