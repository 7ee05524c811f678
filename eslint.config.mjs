import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

// The layers run app → components → lib → db; nothing imports upward. Each rule also catches a relative
// path that climbs into the forbidden folder ('../../app/…').
const reaching = (folders) => `^(@/|(\\.\\./)+)(${folders.join('|')})(/|$)`;

const SCHEMA_TYPES = {
  regex: reaching(['db/schema']),
  message: 'take domain types from lib/ (e.g. lib/entities/entity-types.ts re-exports EntityKind), not from the database schema.',
};
const DATABASE = {
  // Everything in db/ but the schema, which has its own advice above.
  regex: '^(@/|(\\.\\./)+)db(/(?!schema(/|$))|$)',
  message: 'pages and components never touch the database: go through a lib/ domain function.',
};
const APP_FROM_COMPONENTS = {
  regex: reaching(['app']),
  message: 'components/ is below app/: pass the server action down as a prop from the page, and keep shared types in lib/.',
};
const ABOVE_LIB = {
  regex: reaching(['app', 'components']),
  message: 'lib/ is below app/ and components/: return plain data and let the caller render or act on it.',
};
const ABOVE_DB = {
  regex: reaching(['lib', 'components', 'app', 'scripts']),
  message: 'db/ holds the schema, the client and its migrator only: pass what it needs in as an argument, or move the code to lib/ or scripts/.',
};

// Reader pages ship no client code of their own (docs/adr/015-reader-pages-without-client-code.md): a plain anchor
// loads the next page from the kept-page cache, where next/link would add its client chunk and prefetch every link in view.
const READER_LINK = {
  name: 'next/link',
  message: 'reader pages link with a plain <a href>: next/link adds a client chunk and prefetches every link in view.',
};

const layer = (files, patterns, paths = []) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns, paths }] } });
const READER_FILES = ['app/(site)/**', 'app/(home)/**', 'app/error.tsx', 'app/not-found.tsx', 'app/global-error.tsx'];

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ['.next/**', 'node_modules/**', 'data/**', 'drizzle/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  layer(['app/**', 'proxy.ts', 'instrumentation.ts'], [SCHEMA_TYPES, DATABASE]),
  layer(['components/**'], [APP_FROM_COMPONENTS, SCHEMA_TYPES, DATABASE]),
  layer(READER_FILES, [SCHEMA_TYPES, DATABASE], [READER_LINK]),
  layer(['components/site/**'], [APP_FROM_COMPONENTS, SCHEMA_TYPES, DATABASE], [READER_LINK]),
  layer(['lib/**'], [ABOVE_LIB]),
  layer(['db/**'], [ABOVE_DB]),
  {
    files: ['app/**/*.tsx', 'components/**/*.tsx'],
    // ImageResponse draws the social card from style objects; it has no stylesheet to use.
    ignores: ['app/(site)/articles/[[]slug]/social.png/route.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='style']", message: 'no inline style: put it in a CSS module (or app/globals.css) and pass a className.' },
      ],
    },
  },
  // Standalone pages answer at /<slug> (app/(site)/[page]), so this rule takes every site path for a page; reader
  // pages link with plain anchors on purpose (READER_LINK above), each one a whole page from the kept-page cache.
  { files: [...READER_FILES, 'components/site/**'], rules: { '@next/next/no-html-link-for-pages': 'off' } },
  // Cycles form among the domain modules; checking lib/ alone keeps the lint run short.
  { files: ['lib/**'], rules: { 'import/no-cycle': ['error', { ignoreExternal: true }] } },
];

export default config;
