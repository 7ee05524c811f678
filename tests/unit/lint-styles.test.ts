import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// Styles live in stylesheets; `npm run lint` refuses a `style` prop in app/ and components/.
const repositoryRoot = path.resolve(import.meta.dirname, '../..');

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: repositoryRoot });
}, 60_000);

async function styleProblems({ file, source }: { file: string; source: string }) {
  const [result] = await eslint.lintText(source, { filePath: path.join(repositoryRoot, file) });
  return result!.messages.filter((problem) => problem.message.includes('style'));
}

const INLINE = "export function Box() {\n  return <div style={{ margin: 0 }}>Box</div>;\n}\n";
const CLASSED = "export function Box() {\n  return <div className=\"box\">Box</div>;\n}\n";

describe('the lint configuration keeps styles out of markup', () => {
  it.each(['app/desk/example/page.tsx', 'components/desk/example.tsx', 'components/ui/example.tsx'])('refuses an inline style in %s and names the fix', async (file) => {
    const problems = await styleProblems({ file, source: INLINE });

    expect(problems).toHaveLength(1);
    expect(problems[0]!.severity).toBe(2);
    expect(problems[0]!.message).toContain('CSS module');
  });

  it.each(['app/desk/example/page.tsx', 'components/desk/example.tsx'])('accepts the className twin in %s', async (file) => {
    expect(await styleProblems({ file, source: CLASSED })).toEqual([]);
  });

  it('lets the social card image keep its style objects, which ImageResponse needs', async () => {
    expect(await styleProblems({ file: 'app/(site)/articles/[slug]/social.png/route.tsx', source: INLINE })).toEqual([]);
  });
});
