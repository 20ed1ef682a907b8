import { defineConfig } from 'vitest/config';
import HeaviestFirst from './test/support/sequencer.js';

// Three tiers. unit: hermetic and fast (pure functions, the fake engine, small inline trees; it
// reads nothing outside the repository and runs no tool but the host's sh and coreutils).
// integration (*.integration.test.ts): outside tools (ssh-keygen, aria2c, cc, child processes),
// the whole system/ tree, and the shared source mirror named by STASIS_MIRROR. container
// (*.container.test.ts): real sources built in real containers. Without the mirror, ssh-keygen,
// aria2c or Docker their tests skip with a notice, except under CI, where that is a failure.
export default defineConfig({
  test: {
    // The heaviest container files first, so the two workers end together.
    sequence: { sequencer: HeaviestFirst },
    projects: [
      {
        test: {
          name: 'unit',
          // The tiers run one after another, unit first, then integration, then the container tier
          // (projects with different worker counts need their own group).
          sequence: { groupOrder: 0 },
          globalSetup: ['test/support/tmp-setup.ts', 'test/support/lua-worker-setup.ts'],
          setupFiles: ['test/support/lua-worker.ts'],
          include: ['test/**/*.test.ts', 'farm/**/*.test.ts'],
          exclude: ['**/*.container.test.ts', '**/*.integration.test.ts', 'node_modules/**', 'dist/**'],
          testTimeout: 20_000,
          // A worker per core (vitest's default leaves one of two cores to its main process), each
          // running its files one after another in one process: a fresh process per file cost more
          // than most files' tests. Files share only the Lua evaluation worker, which keeps nothing
          // from one call to the next.
          maxWorkers: '100%',
          isolate: false,
        },
      },
      {
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          globalSetup: ['test/support/tmp-setup.ts', 'test/support/lua-worker-setup.ts'],
          setupFiles: ['test/support/lua-worker.ts'],
          include: ['test/**/*.integration.test.ts', 'farm/**/*.integration.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'container',
          sequence: { groupOrder: 2 },
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
