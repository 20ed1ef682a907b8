import { defineCommand, defineGroup } from './command.js';
import type { CliCommand } from './spec.js';
import { BOOT } from './spec-boot.js';
import { BUILD } from './spec-build.js';
import { CACHE, CACHE_VERIFY } from './spec-cache.js';
import { CHALLENGE } from './spec-challenge.js';
import { COMPARE } from './spec-compare.js';
import { CONFIG, CONFIG_DIFF } from './spec-config.js';
import { DISK } from './spec-disk.js';
import { INSTALL } from './spec-install.js';
import { FETCH } from './spec-fetch.js';
import { GC } from './spec-gc.js';
import { GRAPH } from './spec-graph.js';
import { IMAGE, IMAGE_BOOTSTRAP, IMAGE_COPY, IMAGE_ENSURE, IMAGE_IMPORT, IMAGE_LIST, IMAGE_LOAD } from './spec-image.js';
import { MIRROR, MIRROR_EXPORT, MIRROR_PRUNE, MIRROR_SERVE, MIRROR_TORRENT, MIRROR_VERIFY } from './spec-mirror.js';
import { PLAN } from './spec-plan.js';
import { RELEASE } from './spec-release.js';
import { REPORT } from './spec-report.js';
import { SIGN } from './spec-sign.js';
import { STATUS } from './spec-status.js';
import { TESTS } from './spec-tests.js';
import { VERIFY } from './spec-verify.js';
import { WHY } from './spec-why.js';

/**
 * Every command: its spec (parser and help), and where its implementation is. A command's
 * module, and the engine, archives, Lua or qemu code it needs, is imported only when it runs:
 * `--version`, `--help` and a usage error load none of them.
 */
export const COMMANDS: Readonly<Record<string, CliCommand>> = {
  graph: defineCommand(GRAPH, async () => (await import('./cmd-graph.js')).graph),
  plan: defineCommand(PLAN, async () => (await import('./cmd-plan.js')).plan),
  why: defineCommand(WHY, async () => (await import('./cmd-why.js')).why),
  fetch: defineCommand(FETCH, async () => (await import('./cmd-fetch.js')).fetch),
  build: defineCommand(BUILD, async () => (await import('./cmd-build.js')).build),
  image: defineGroup(IMAGE, [
    defineCommand(IMAGE_ENSURE, async () => (await import('./cmd-image.js')).ensure),
    defineCommand(IMAGE_BOOTSTRAP, async () => (await import('./cmd-image.js')).bootstrap),
    defineCommand(IMAGE_IMPORT, async () => (await import('./cmd-image.js')).importTarball),
    defineCommand(IMAGE_LIST, async () => (await import('./cmd-image.js')).list),
    defineCommand(IMAGE_COPY, async () => (await import('./cmd-image-move.js')).copy),
    defineCommand(IMAGE_LOAD, async () => (await import('./cmd-image-move.js')).load),
  ]),
  release: defineCommand(RELEASE, async () => (await import('./cmd-release.js')).release),
  tests: defineCommand(TESTS, async () => (await import('./cmd-tests.js')).tests),
  report: defineCommand(REPORT, async () => (await import('./cmd-report.js')).report),
  mirror: defineGroup(MIRROR, [
    defineCommand(MIRROR_EXPORT, async () => (await import('./cmd-mirror.js')).exportSources),
    defineCommand(MIRROR_VERIFY, async () => (await import('./cmd-mirror.js')).verify),
    defineCommand(MIRROR_PRUNE, async () => (await import('./cmd-mirror.js')).prune),
    defineCommand(MIRROR_SERVE, async () => (await import('./cmd-mirror.js')).serve),
    defineCommand(MIRROR_TORRENT, async () => (await import('./cmd-mirror.js')).torrent),
  ]),
  status: defineCommand(STATUS, async () => (await import('./cmd-status.js')).status),
  config: defineGroup(CONFIG, [defineCommand(CONFIG_DIFF, async () => (await import('./cmd-config.js')).diff)]),
  compare: defineCommand(COMPARE, async () => (await import('./cmd-compare.js')).compare),
  boot: defineCommand(BOOT, async () => (await import('./cmd-boot.js')).boot),
  disk: defineCommand(DISK, async () => (await import('./cmd-disk.js')).disk),
  install: defineCommand(INSTALL, async () => (await import('./cmd-install.js')).install),
  cache: defineGroup(CACHE, [defineCommand(CACHE_VERIFY, async () => (await import('./cmd-cache.js')).verify)]),
  gc: defineCommand(GC, async () => (await import('./cmd-gc.js')).gc),
  sign: defineCommand(SIGN, async () => (await import('./cmd-sign.js')).sign),
  verify: defineCommand(VERIFY, async () => (await import('./cmd-verify.js')).verify),
  challenge: defineCommand(CHALLENGE, async () => (await import('./cmd-challenge.js')).challenge),
};
