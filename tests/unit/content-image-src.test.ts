import { describe, expect, it } from 'vitest';
import { isAllowedImageSrc } from '@/lib/content/is-allowed-image-src';
import { isAllowedSrcset } from '@/lib/content/is-allowed-srcset';

describe('isAllowedImageSrc', () => {
  it.each(['/api/media/12/original.webp', '/api/media/12/800.webp?v=3'])('allows %s', (src) => {
    expect(isAllowedImageSrc(src)).toBe(true);
  });

  it.each([
    ['https://images.example.org/port.jpg', 'an image on another site, which the reader site would not load'],
    ['javascript:alert(1)', 'a script'],
    ['data:image/png;base64,AAAA', 'inline data'],
    ['http://images.example.org/port.jpg', 'plain http'],
    ['file:///C:/Users/editor/image001.png', 'a local file'],
    ['//evil.example/x.jpg', 'a protocol-relative address'],
    ['/articles/slug', 'a site path outside the media library'],
    ['/api/media/../desk/secret', 'a path climbing out of the media library'],
    ['/api/media/%2e%2e/desk', 'an encoded climb out of the media library'],
    [' /api/media/1.webp', 'surrounding whitespace'],
    ['https://a.example/x.jpg 2x', 'an embedded descriptor'],
    ['', 'nothing'],
  ])('refuses %s (%s)', (src) => {
    expect(isAllowedImageSrc(src)).toBe(false);
  });
});

describe('isAllowedSrcset', () => {
  it('allows an empty srcset', () => {
    expect(isAllowedSrcset('')).toBe(true);
  });

  it('allows media-library candidates with width or density descriptors', () => {
    expect(isAllowedSrcset('/api/media/12/400.webp 400w, /api/media/12/800.webp 800w')).toBe(true);
    expect(isAllowedSrcset('/api/media/12/a.jpg 1x,/api/media/12/a@2x.jpg 2x')).toBe(true);
    expect(isAllowedSrcset('/api/media/12/400.webp')).toBe(true);
  });

  it('refuses a candidate on another site', () => {
    expect(isAllowedSrcset('/api/media/12/400.webp 400w, https://cdn.example.org/a.jpg 800w')).toBe(false);
  });

  it('refuses a protocol-relative candidate', () => {
    expect(isAllowedSrcset('/api/media/12/400.webp 400w, //evil.example/x.jpg 800w')).toBe(false);
  });

  it('refuses a javascript: candidate', () => {
    expect(isAllowedSrcset('javascript:alert(1) 1x')).toBe(false);
  });

  it('refuses malformed descriptors and empty candidates', () => {
    expect(isAllowedSrcset('/api/media/12/400.webp 400px')).toBe(false);
    expect(isAllowedSrcset('/api/media/12/400.webp 400w 2x')).toBe(false);
    expect(isAllowedSrcset('/api/media/12/400.webp 400w,')).toBe(false);
  });
});
