import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The layers run app → components → lib → db; `npm run lint` must refuse any import that points back up.
const repositoryRoot = path.resolve(import.meta.dirname, '../..');

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: repositoryRoot });
}, 60_000);

describe('the lint configuration keeps the layers', () => {
  it.each([
    { file: 'components/desk/issues/example.tsx', source: '@/app/desk/issues/actions', advice: 'pass the server action down as a prop' },
    { file: 'components/desk/issues/example.tsx', source: '../../../app/desk/issues/actions', advice: 'pass the server action down as a prop' },
    { file: 'lib/articles/example.ts', source: '@/app/desk/actions', advice: 'lib/ is below app/ and components/' },
    { file: 'lib/articles/example.ts', source: '@/components/ui/tabs', advice: 'lib/ is below app/ and components/' },
    { file: 'lib/articles/example.ts', source: '../../components/ui/tabs', advice: 'lib/ is below app/ and components/' },
    { file: 'db/example.ts', source: '@/lib/platform/config/get-config', advice: 'db/ holds the schema, the client and its migrator only' },
    { file: 'db/schema/example.ts', source: '../../lib/content/text/slugify', advice: 'db/ holds the schema, the client and its migrator only' },
    { file: 'db/example.ts', source: '@/components/ui/tabs', advice: 'db/ holds the schema, the client and its migrator only' },
    { file: 'db/example.ts', source: '@/app/desk/actions', advice: 'db/ holds the schema, the client and its migrator only' },
    { file: 'db/example.ts', source: '@/scripts/run-command', advice: 'db/ holds the schema, the client and its migrator only' },
    { file: 'app/desk/example/page.tsx', source: '@/db/schema', advice: 'take domain types from lib/' },
    { file: 'components/site/example.tsx', source: '@/db/schema/entities', advice: 'take domain types from lib/' },
    { file: 'components/site/example.tsx', source: '../../db/schema', advice: 'take domain types from lib/' },
    { file: 'proxy.ts', source: '@/db/schema', advice: 'take domain types from lib/' },
    { file: 'app/desk/example/page.tsx', source: '@/db/client', advice: 'go through a lib/ domain function' },
    { file: 'components/site/example.tsx', source: 'next/link', advice: 'reader pages link with a plain <a href>' },
    { file: 'app/(site)/example/page.tsx', source: 'next/link', advice: 'reader pages link with a plain <a href>' },
    { file: 'app/error.tsx', source: 'next/link', advice: 'reader pages link with a plain <a href>' },
  ])('$file may not import $source', async ({ file, source, advice }) => {
    const problems = await restrictedImports({ file, source });

    expect(problems).toHaveLength(1);
    expect(problems[0]!.severity).toBe(2);
    expect(problems[0]!.message).toContain(advice);
  });

  it.each([
    { file: 'app/desk/example/page.tsx', source: '@/components/desk/issues/issue-form' },
    { file: 'app/desk/example/page.tsx', source: '@/lib/entities/entity-types' },
    { file: 'components/desk/issues/example.tsx', source: '@/lib/issues/issue-action-state' },
    { file: 'components/desk/issues/example.tsx', source: '../dashboard/status-badge' },
    { file: 'lib/articles/example.ts', source: '@/db/schema' },
    { file: 'lib/articles/example.ts', source: '../entities/entity-types' },
    { file: 'db/example.ts', source: './schema' },
    { file: 'scripts/example.ts', source: '@/lib/platform/config/get-config' },
    { file: 'scripts/example.ts', source: '@/db/schema' },
    { file: 'proxy.ts', source: '@/lib/entities/entity-types' },
    { file: 'components/desk/example.tsx', source: 'next/link' },
    { file: 'app/desk/example/page.tsx', source: 'next/link' },
  ])('$file may import $source', async ({ file, source }) => {
    expect(await restrictedImports({ file, source })).toEqual([]);
  });

  it('refuses an upward import in a file that re-exports it', async () => {
    const [result] = await eslint.lintText("export type { EntityKind } from '@/db/schema';\n", {
      filePath: path.join(repositoryRoot, 'components/site/example.ts'),
    });

    expect(result!.messages.map((problem) => problem.ruleId)).toContain('no-restricted-imports');
  });
});

describe('the lint configuration refuses import cycles in lib/', () => {
  it('reports two lib modules that import each other, and not a one-way import', async () => {
    const folder = fs.mkdtempSync(path.join(repositoryRoot, 'lib', 'cycle-probe-'));
    try {
      fs.writeFileSync(path.join(folder, 'first.ts'), "import { second } from './second';\n\nexport const first = () => second();\n");
      fs.writeFileSync(path.join(folder, 'second.ts'), "import { first } from './first';\n\nexport const second = () => first();\n");
      fs.writeFileSync(path.join(folder, 'third.ts'), "import { first } from './first';\n\nexport const third = () => first();\n");

      fs.writeFileSync(path.join(folder, 'fourth.ts'), "import { third } from './third';\n\nexport const fourth = () => third();\n");

      const [cyclic, oneWay] = await eslint.lintFiles([path.join(folder, 'first.ts'), path.join(folder, 'fourth.ts')]);

      expect(cyclic!.messages.filter((problem) => problem.ruleId === 'import/no-cycle')).toHaveLength(1);
      expect(oneWay!.messages.filter((problem) => problem.ruleId === 'import/no-cycle')).toEqual([]);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

async function restrictedImports({ file, source }: { file: string; source: string }) {
  const [result] = await eslint.lintText(`import type { Example } from '${source}';\n\nexport type Shown = Example;\n`, {
    filePath: path.join(repositoryRoot, file),
  });
  expect(result!.fatalErrorCount).toBe(0);
  return result!.messages.filter((problem) => problem.ruleId === 'no-restricted-imports');
}
