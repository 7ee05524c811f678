import 'server-only';
import { getMedia } from '@/lib/media/get-media';
import { listMedia } from '@/lib/media/list-media';
import type { MediaView } from '@/lib/media/media-view';

export type CoverOption = { id: number; label: string; url: string; alt: string };

/** Images from the library the issue form offers as covers, newest first, always including the current cover. */
export function listCoverOptions({ currentId = null }: { currentId?: number | null } = {}): CoverOption[] {
  const images = listMedia({ limit: 200 });
  if (currentId !== null && !images.some((image) => image.id === currentId)) {
    const current = getMedia(currentId);
    if (current) images.push(current);
  }
  return images.map(toOption);
}

function toOption(image: MediaView): CoverOption {
  return { id: image.id, label: image.alt || image.caption || image.originalName, url: image.url, alt: image.alt };
}
