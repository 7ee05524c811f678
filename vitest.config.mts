import { defineConfig } from 'vitest/config';
import { sharedResolve } from './vitest.shared.mts';

export default defineConfig({
  resolve: sharedResolve,
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    // next-auth imports `next/server` without an extension, which only a transformed module resolves.
    server: { deps: { inline: ['next-auth'] } },
  },
});
