import path from 'node:path';

/** Module resolution shared by the test and benchmark configurations. */
export const sharedResolve = {
  alias: {
    '@': path.resolve(__dirname),
    'server-only': path.resolve(__dirname, 'tests/support/server-only.ts'),
  },
};
