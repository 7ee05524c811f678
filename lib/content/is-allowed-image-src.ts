const MEDIA_PATH_PREFIX = '/api/media/';
const LOCAL_ORIGIN = 'https://masthead.invalid';

/**
 * Images come from this site's media library (`/api/media/…`) and nowhere else: the reader site's
 * Content-Security-Policy loads images only from this origin, so any other address would show as a
 * broken figure. Whitespace and commas are refused too, so every allowed address is also safe
 * inside a srcset.
 */
export function isAllowedImageSrc(src: string): boolean {
  if (src === '' || /[\s,\u0000-\u001f\u007f\\]/.test(src)) return false;
  if (!src.startsWith(MEDIA_PATH_PREFIX)) return false;
  try {
    // Resolving the path catches `..` and encoded dot segments that would climb out of the media library.
    const url = new URL(src, LOCAL_ORIGIN);
    return url.origin === LOCAL_ORIGIN && url.pathname.startsWith(MEDIA_PATH_PREFIX);
  } catch {
    return false;
  }
}
