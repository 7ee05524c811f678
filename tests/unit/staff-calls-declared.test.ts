import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accessOf, type StaffPermission } from '@/lib/staff/actions/staff-permission';
import { ACTIONS, ROUTES } from '../trust/support/authorization-table';

/**
 * Every desk server action and desk route handler goes through `staffAction` / `staffEndpoint`, and the
 * permission it declares agrees with the authorization matrix's row for it, so a new call can neither
 * skip the checks nor the matrix.
 */
type Declared = { exportName: string; wrapper: string; name: string; permission: string };

/** Calls on the desk that need no staff member, each with its reason. */
const NOT_STAFF_CALLS: Record<string, string> = {
  'app/desk/actions.ts#createFirstAdmin': 'the one-time setup, allowed only while there is no account at all',
  'app/desk/actions.ts#signOutAction': 'signing out asks nothing of whoever is signed in',
};

const DECLARATION = /export const (\w+) = (staffAction|staffEndpoint)\(\{\s*name: '([^']+)',\s*permission: '([^']+)'/g;
const ANY_EXPORT = /export (?:async )?(?:function|const|let|var) (\w+)/g;

/** The file's exported calls, and those exported any other way. */
export function readDeclarations(source: string): { declared: Declared[]; undeclared: string[] } {
  const declared = [...source.matchAll(DECLARATION)].map(([, exportName = '', wrapper = '', name = '', permission = '']) => ({ exportName, wrapper, name, permission }));
  const undeclared = [...source.matchAll(ANY_EXPORT)].map(([, exportName = '']) => exportName).filter((exportName) => !declared.some((call) => call.exportName === exportName));
  return { declared, undeclared };
}

const trackedFiles = (pattern: string) => [...new Set(execSync(`git ls-files -co --exclude-standard -- '${pattern}'`, { encoding: 'utf8' }).split('\n').filter(Boolean))];
const actionFiles = trackedFiles('app/desk/**/*.ts').filter((file) => /^['"]use server['"]/.test(readFileSync(file, 'utf8')));
const routeFiles = trackedFiles('app/api/desk/**/route.ts');

const HELPER_EXPORTS = /^(?!GET|POST|PUT|PATCH|DELETE)/;
const routeKey = (file: string, method: string) => `${method} /${file.replace(/^app\//, '').replace(/\/route\.ts$/, '')}`;

describe('staff calls', () => {
  it('finds the desk’s actions and routes', () => {
    expect(actionFiles.length).toBeGreaterThanOrEqual(7);
    expect(routeFiles.length).toBeGreaterThanOrEqual(15);
  });

  it('notices a call exported without the wrapper (so the check below can fail)', () => {
    const source = "'use server';\nexport const saveThing = staffAction({\n  name: 'thing.save',\n  permission: 'issue.manage',\n});\nexport async function sneakyAction() {}\n";
    expect(readDeclarations(source)).toEqual({ declared: [{ exportName: 'saveThing', wrapper: 'staffAction', name: 'thing.save', permission: 'issue.manage' }], undeclared: ['sneakyAction'] });
  });

  it('declares every desk server action and route handler with the staff wrapper', () => {
    const undeclared = [
      ...actionFiles.flatMap((file) => readDeclarations(readFileSync(file, 'utf8')).undeclared.map((name) => `${file}#${name}`)).filter((key) => !NOT_STAFF_CALLS[key]),
      ...routeFiles.flatMap((file) =>
        readDeclarations(readFileSync(file, 'utf8'))
          .undeclared.filter((name) => !HELPER_EXPORTS.test(name))
          .map((name) => routeKey(file, name)),
      ),
    ];
    expect(undeclared).toEqual([]);
  });

  it('gives each call a name of its own', () => {
    const names = [...actionFiles, ...routeFiles].flatMap((file) => readDeclarations(readFileSync(file, 'utf8')).declared.map((call) => call.name));
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it('lets exactly the roles the authorization matrix expects attempt each call', () => {
    const disagreements: string[] = [];
    const compare = (key: string, permission: string, row: { access: string } | undefined) => {
      const declared = accessOf(permission as StaffPermission);
      if (!row) disagreements.push(`${key}: no row in the authorization matrix`);
      else if (row.access !== declared) disagreements.push(`${key}: declares ${permission} (${declared}), the matrix expects ${row.access}`);
    };
    for (const file of actionFiles) for (const call of readDeclarations(readFileSync(file, 'utf8')).declared) compare(`${file}#${call.exportName}`, call.permission, ACTIONS[`${file}#${call.exportName}`]);
    for (const file of routeFiles) for (const call of readDeclarations(readFileSync(file, 'utf8')).declared) compare(routeKey(file, call.exportName), call.permission, ROUTES[routeKey(file, call.exportName)]);
    expect(disagreements).toEqual([]);
  });
});
