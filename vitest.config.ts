import { defineConfig } from 'vitest/config';

// Two tiers: fast unit tests (no Docker) and the container tier, which builds real
// sources in real containers. Under CI the container tier fails when Docker is missing.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          globalSetup: ['test/support/tmp-setup.ts'],
          include: ['test/**/*.test.ts', 'farm/**/*.test.ts'],
          exclude: ['test/**/*.container.test.ts', 'node_modules/**', 'dist/**'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'container',
          include: ['test/**/*.container.test.ts'],
          // One directory per run for the fixtures several files share (test/support/shared.ts).
          globalSetup: ['test/support/tmp-setup.ts', 'test/support/global-setup.ts'],
          testTimeout: 900_000,
          hookTimeout: 900_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
