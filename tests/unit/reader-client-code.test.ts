import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What a reader's browser may be sent: the reader pages are server components, so the only code of ours that
 * reaches the browser is a `'use client'` module they import and what that module imports in turn. This walks
 * the import graph from every reader page and layout, as the bundler does, and names what it finds.
 * Figures for what ships: `tests/bench/page-weight.bench.test.ts` (docs/adr/015).
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.mjs', '.js', '/index.ts', '/index.tsx'];

/** The client modules reader pages may use, each because it earns its weight. */
const ALLOWED_CLIENT_MODULES = [
  // The subscribe page's form keeps what a reader typed and shows each field's error beside it.
  'app/(site)/subscribe/subscribe-form.client.tsx',
  // Next requires error boundaries to be client components.
  'app/error.tsx',
  'app/global-error.tsx',
];
const EDITOR_PACKAGES = /^(@tiptap\/|prosemirror-|yjs$|y-|@hocuspocus\/)/;
const STAFF_FOLDERS = /^(components\/(editor|desk)|app\/desk|app\/login)\//;

type ModuleFacts = { directive: 'client' | 'server' | null; files: string[]; packages: string[] };
const facts = new Map<string, ModuleFacts>();

function read(file: string): ModuleFacts {
  const known = facts.get(file);
  if (known) return known;
  const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const firstStatement = /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*\s*['"]use (client|server)['"]/.exec(source);
  const specifiers = [
    ...source.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/gm),
    ...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((match) => match[1]!);
  const result: ModuleFacts = { directive: (firstStatement?.[1] as 'client' | 'server' | undefined) ?? null, files: [], packages: [] };
  for (const specifier of specifiers) {
    if (/\.(css|svg|png)$/.test(specifier)) continue;
    const local = specifier.startsWith('@/') ? specifier.slice(2) : specifier.startsWith('.') ? path.join(path.dirname(file), specifier) : null;
    if (local === null) {
      result.packages.push(specifier);
      continue;
    }
    const resolved = EXTENSIONS.map((ending) => local + ending).find((candidate) => fs.statSync(path.join(ROOT, candidate), { throwIfNoEntry: false })?.isFile());
    if (!resolved) throw new Error(`${file}: cannot resolve ${specifier}`);
    result.files.push(resolved.split(path.sep).join('/'));
  }
  facts.set(file, result);
  return result;
}

/** Every module reachable from the entries; `intoServerActions: false` stops at `'use server'` files, which the browser only calls. */
function reachable(entries: string[], { intoServerActions }: { intoServerActions: boolean }): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const next of read(file).files) {
      if (!intoServerActions && read(next).directive === 'server') continue;
      queue.push(next);
    }
  }
  return seen;
}

function readerEntries(): string[] {
  const inGroup = (group: string) =>
    fs
      .readdirSync(path.join(ROOT, 'app', group), { recursive: true, encoding: 'utf8' })
      .filter((name) => /(^|\/)(page|layout|not-found|error|loading)\.tsx$/.test(name))
      .map((name) => `app/${group}/${name.split(path.sep).join('/')}`);
  return ['app/layout.tsx', 'app/error.tsx', 'app/global-error.tsx', 'app/not-found.tsx', ...inGroup('(home)'), ...inGroup('(site)')];
}

describe('the code reader pages send to the browser', () => {
  const entries = readerEntries();
  const serverGraph = reachable(entries, { intoServerActions: true });
  const clientModules = [...serverGraph].filter((file) => read(file).directive === 'client').sort();
  const clientGraph = reachable(clientModules, { intoServerActions: false });

  it('starts from every reader page', () => {
    expect(entries).toContain('app/(site)/articles/[slug]/page.tsx');
    expect(entries).toContain('app/(site)/sections/[slug]/page.tsx');
    expect(entries).toContain('app/(home)/page.tsx');
    expect(serverGraph.has('components/site/article-view.tsx')).toBe(true);
  });

  it('holds only the client modules that earn their weight', () => {
    expect(clientModules).toEqual([...ALLOWED_CLIENT_MODULES].sort());
  });

  it('holds no editor package in anything the browser gets', () => {
    const packages = [...clientGraph].flatMap((file) => read(file).packages.map((name) => `${file}: ${name}`));
    expect(packages.filter((entry) => EDITOR_PACKAGES.test(entry.split(': ')[1]!))).toEqual([]);
  });

  it('uses no next/link, a client component that also prefetches every link in view', () => {
    expect([...serverGraph].filter((file) => read(file).packages.includes('next/link'))).toEqual([]);
  });

  it('renders nothing from the deskor the editor', () => {
    expect([...serverGraph].filter((file) => STAFF_FOLDERS.test(file))).toEqual([]);
  });
});
