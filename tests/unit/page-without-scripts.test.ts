import { describe, expect, it } from 'vitest';
import { pageWithoutScripts } from '@/lib/site/page-without-scripts';

const JSON_LD = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Talks resume"}</script>';

/** A reader page as the production build renders it, trimmed to the parts that matter here. */
const rendered = [
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/site.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/webpack.js"/>',
  '<link rel="modulepreload" href="/_next/static/chunks/runtime.mjs"/>',
  '<link rel="preload" as="image" href="/api/media/7/cover.webp"/>',
  '<script src="/_next/static/chunks/main.js" async=""></script>',
  '<script nonce="abc">(() => { window.trustedTypes; })()</script>',
  '<link rel="canonical" href="https://example.org/articles/talks"/>',
  JSON_LD,
  '</head><body><article><h1>Talks resume</h1><p>Delegates met in Geneva.</p></article>',
  '<form action="/api/subscribe" method="post"><input name="email"/></form>',
  '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>',
  '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({})</script>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script type="module">import "/x.js"</script>',
  '<script TYPE="text/javascript">self.__next_f.push([1,"1:\\"$Sreact.fragment\\""])</script>',
  '</body></html>',
].join('');

describe('a kept reader page without scripts', () => {
  it('drops every script that runs and every script preload, and keeps the content, styles, links and data blocks', () => {
    const page = pageWithoutScripts(rendered);
    expect(page).not.toBeNull();
    expect(page).not.toMatch(/<script(?![^>]*application\/ld\+json)/i);
    expect(page).not.toMatch(/modulepreload|as="script"|__next_f|TURBOPACK|trustedTypes/);
    for (const kept of [
      JSON_LD,
      '<link rel="stylesheet" href="/_next/static/chunks/site.css" data-precedence="next"/>',
      '<link rel="preload" as="image" href="/api/media/7/cover.webp"/>',
      '<link rel="canonical" href="https://example.org/articles/talks"/>',
      '<article><h1>Talks resume</h1><p>Delegates met in Geneva.</p></article>',
      '<form action="/api/subscribe" method="post"><input name="email"/></form>',
    ]) {
      expect(page).toContain(kept);
    }
  });

  it('leaves a page whose content arrives in streamed parts alone: without its scripts those parts would stay hidden', () => {
    const streamed = rendered.replace(
      '<article>',
      '<!--$?--><template id="B:0"></template><p>Loading…</p><!--/$--><div hidden id="S:0"><article>',
    ).replace('</article>', '</article></div><script>$RC("B:0","S:0")</script>');
    expect(pageWithoutScripts(streamed)).toBeNull();
  });

  it('leaves a page alone that says it needs its scripts', () => {
    expect(pageWithoutScripts(rendered.replace('<body>', '<body data-needs-scripts="">'))).toBeNull();
  });
});
