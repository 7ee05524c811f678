import { defineConfig } from 'vitest/config';
import { sharedResolve } from './vitest.shared.mts';

export default defineConfig({
  resolve: sharedResolve,
  test: {
    include: ['tests/trust/**/*.trust.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 600_000,
    globalSetup: ['tests/trust/support/global-setup.ts'],
  },
});
