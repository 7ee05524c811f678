import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** docs/architecture.md is the map of lib/: it must name every folder there is and nothing that is gone. */
const doc = readFileSync('docs/architecture.md', 'utf8');
const tableRows = doc
  .split('\n')
  .filter((line) => /^\| [^-|][^|]* \| `lib\//.test(line))
  .map((line) => line.split('|').map((cell) => cell.trim()))
  .map(([, domain = '', folder = '', parts = '', entries = '']) => ({ domain, folder, parts, entries }));

const codeNames = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');
const directories = (path: string) =>
  readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

describe('docs/architecture.md', () => {
  it('lists each lib/ domain folder and each of its parts, and nothing else', () => {
    const mapped = tableRows.map((row) => ({ folder: codeNames(row.folder)[0] ?? '', parts: codeNames(row.parts).sort() }));
    expect(mapped.map((row) => row.folder).sort()).toEqual(directories('lib').map((name) => `lib/${name}`));
    for (const row of mapped) expect({ folder: row.folder, parts: row.parts }).toEqual({ folder: row.folder, parts: directories(row.folder) });
  });

  it('names entry points that exist in the code', () => {
    const names = tableRows.flatMap((row) => codeNames(row.entries));
    expect(names.length).toBeGreaterThan(40);
    const exported = execSync("git grep -h -o -E 'export (async )?(function|const|class) ([A-Za-z]+|\\{[^}]*\\})' -- lib", { encoding: 'utf8' });
    const known = new Set(exported.split(/[^A-Za-z]+/));
    expect(names.filter((name) => !known.has(name))).toEqual([]);
  });

  it('points only at files and folders that exist', () => {
    const paths = [...doc.matchAll(/`((?:lib|app|components|db|scripts|docs|tests)\/[^`\s]*)`/g)]
      .map((match) => (match[1] ?? '').replace(/\/\*.*$/, '').replace(/\/$/, ''))
      .filter((path) => !path.includes('<'));
    expect(paths.length).toBeGreaterThan(20);
    expect(paths.filter((path) => !existsSync(path) && !existsSync(`${path}.ts`))).toEqual([]);
  });
});
