import { defineConfig } from 'vitest/config';
import { sharedResolve } from './vitest.shared.mts';

export default defineConfig({
  resolve: sharedResolve,
  test: {
    include: ['tests/bench/**/*.bench.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 600_000,
  },
});
