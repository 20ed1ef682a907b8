import { defineConfig } from 'vitest/config';
import HeaviestFirst from './test/support/sequencer.js';

// Two tiers: fast unit tests (no Docker) and the container tier, which builds real
// sources in real containers. Under CI the container tier fails when Docker is missing.
export default defineConfig({
  test: {
    // The heaviest container files first, so the two workers end together.
    sequence: { sequencer: HeaviestFirst },
    projects: [
      {
        test: {
          name: 'unit',
          // The unit tier runs first, then the container tier (two projects with different worker
          // counts need their own group).
          sequence: { groupOrder: 0 },
          globalSetup: ['test/support/tmp-setup.ts'],
          include: ['test/**/*.test.ts', 'farm/**/*.test.ts'],
          exclude: ['test/**/*.container.test.ts', 'node_modules/**', 'dist/**'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'container',
          sequence: { groupOrder: 1 },
          include: ['test/**/*.container.test.ts'],
          // One directory per run for the fixtures several files share (test/support/shared.ts).
          globalSetup: ['test/support/tmp-setup.ts', 'test/support/global-setup.ts'],
          testTimeout: 900_000,
          hookTimeout: 900_000,
          // Two files at a time: a release spends long stretches on one core (musl -> tcc -> busybox
          // is a chain, each built with make -j1 when two packages may run), so a second file fills
          // the other. Files see only their own containers and workspaces (test/support/farm.ts).
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
    ],
  },
});
