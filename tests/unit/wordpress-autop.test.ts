import { describe, expect, it } from 'vitest';
import { autop } from '@/lib/migration/wordpress/autop';

describe('autop (classic WordPress bodies)', () => {
  it('turns blank-line separated text into paragraphs', () => {
    expect(autop('Treaties are kept by verification.\n\nTrust follows later.')).toBe(
      '<p>Treaties are kept by verification.</p>\n<p>Trust follows later.</p>',
    );
  });

  it('turns a single newline inside a paragraph into a line break', () => {
    expect(autop('Line one of the address\nLine two of the address')).toBe(
      '<p>Line one of the address<br />\nLine two of the address</p>',
    );
  });

  it('treats runs of blank lines, spaces and Windows line endings as one break', () => {
    expect(autop('First\r\n\r\n \r\n\r\nSecond')).toBe('<p>First</p>\n<p>Second</p>');
  });

  it('does not wrap block-level elements in paragraphs', () => {
    const html = autop('Intro text\n<h2>The inspection regime</h2>\nMore text\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<blockquote>Quoted</blockquote>');
    expect(html).toBe(
      '<p>Intro text</p>\n<h2>The inspection regime</h2>\n<p>More text</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<blockquote>Quoted</blockquote>',
    );
  });

  it('keeps inline markup inside the paragraph', () => {
    expect(autop('A <em>verified</em> cut of <a href="https://example.org">warheads</a>.')).toBe(
      '<p>A <em>verified</em> cut of <a href="https://example.org">warheads</a>.</p>',
    );
  });

  it('leaves pre blocks exactly as they are', () => {
    const html = autop('Before\n\n<pre>line 1\n\nline 2\n  indented</pre>\n\nAfter');
    expect(html).toBe('<p>Before</p>\n<pre>line 1\n\nline 2\n  indented</pre>\n<p>After</p>');
  });

  it('does not break lines inside a tag that spans lines', () => {
    expect(autop('See <a\nhref="https://example.org">the text</a> here')).toBe('<p>See <a href="https://example.org">the text</a> here</p>');
  });

  it('returns nothing for blank input', () => {
    expect(autop('  \n\n ')).toBe('');
  });
});
