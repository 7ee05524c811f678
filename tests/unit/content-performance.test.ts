import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { renderArticleHtml } from '@/lib/content/render-article-html';
import { validateArticleDoc } from '@/lib/content/validate-article-doc';

const BUDGET_MS = 50;
const WORDS = 'The agreement limits deployed strategic warheads and launchers under a regime of on-site inspections'.split(' ');

/** About 10,000 words in 200 paragraphs, with the formatting, links and footnotes a long feature carries. */
function longArticle(): JSONContent {
  const content: JSONContent[] = [];
  for (let index = 0; index < 200; index++) {
    const words = Array.from({ length: 50 }, (_, offset) => WORDS[(index + offset) % WORDS.length]);
    content.push(
      index % 20 === 0
        ? { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: `Section ${index / 20 + 1}` }] }
        : { type: 'horizontalRule' },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: words.slice(0, 20).join(' ') + ' ' },
          { type: 'text', text: words.slice(20, 30).join(' '), marks: [{ type: 'bold' }] },
          { type: 'text', text: ' ' + words.slice(30, 40).join(' ') + ' ' },
          { type: 'text', text: words.slice(40).join(' '), marks: [{ type: 'link', attrs: { href: `/articles/background-${index}` } }] },
          { type: 'footnote', attrs: { note: `Source ${index}: ${words.slice(0, 12).join(' ')}.` } },
        ],
      },
    );
  }
  return { type: 'doc', content };
}

/** Median of nine timed runs, after warm-up runs so the figure reflects a long-running server. */
function medianMilliseconds(run: () => unknown): number {
  for (let warmUp = 0; warmUp < 10; warmUp++) run();
  const times: number[] = [];
  for (let attempt = 0; attempt < 9; attempt++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[4]!;
}

describe('content performance on a 10,000-word article', () => {
  const article = longArticle();

  it(`renders in under ${BUDGET_MS} ms`, () => {
    expect(renderArticleHtml(article)).toContain('id="fn-200"');
    expect(medianMilliseconds(() => renderArticleHtml(article))).toBeLessThan(BUDGET_MS);
  });

  it(`validates in under ${BUDGET_MS} ms`, () => {
    expect(validateArticleDoc(article).ok).toBe(true);
    expect(medianMilliseconds(() => validateArticleDoc(article))).toBeLessThan(BUDGET_MS);
  });
});
