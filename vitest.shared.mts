import path from 'node:path';

/** Module resolution shared by the test and benchmark configurations. */
export const sharedResolve = {
  alias: {
    '@': path.resolve(import.meta.dirname),
    'server-only': path.resolve(import.meta.dirname, 'tests/support/server-only.ts'),
  },
};
