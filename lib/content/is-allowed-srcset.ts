import { isAllowedImageSrc } from './is-allowed-image-src';

const DESCRIPTOR = /^(?:[1-9]\d{0,4}w|\d{1,2}(?:\.\d{1,3})?x)$/;

/**
 * A srcset is allowed when it is empty, or when every candidate is an allowed image address
 * followed by at most one width (`800w`) or density (`2x`) descriptor.
 */
export function isAllowedSrcset(srcset: string): boolean {
  if (srcset.trim() === '') return true;
  return srcset.split(',').every((candidate) => {
    const [url, ...descriptors] = candidate.trim().split(/\s+/);
    if (url === undefined || !isAllowedImageSrc(url)) return false;
    if (descriptors.length > 1) return false;
    return descriptors.every((descriptor) => DESCRIPTOR.test(descriptor));
  });
}
