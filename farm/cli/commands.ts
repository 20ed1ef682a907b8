import { buildCommand } from './cmd-build.js';
import { fetchCommand } from './cmd-fetch.js';
import { graphCommand } from './cmd-graph.js';
import { imageCommand } from './cmd-image.js';
import { planCommand } from './cmd-plan.js';
import { whyCommand } from './cmd-why.js';
import { releaseCommand } from './cmd-release.js';
import { compareCommand } from './cmd-compare.js';
import { testsCommand } from './cmd-tests.js';
import { mirrorCommand } from './cmd-mirror.js';
import { statusCommand } from './cmd-status.js';
import { configCommand } from './cmd-config.js';
import { bootCommand } from './cmd-boot.js';
import { cacheCommand } from './cmd-cache.js';
import { gcCommand } from './cmd-gc.js';
import { signCommand } from './cmd-sign.js';
import { verifyCommand } from './cmd-verify.js';
import { challengeCommand } from './cmd-challenge.js';
import type { CliCommand } from './spec.js';

export const COMMANDS: Readonly<Record<string, CliCommand>> = {
  graph: graphCommand,
  plan: planCommand,
  why: whyCommand,
  fetch: fetchCommand,
  build: buildCommand,
  image: imageCommand,
  release: releaseCommand,
  tests: testsCommand,
  mirror: mirrorCommand,
  status: statusCommand,
  config: configCommand,
  compare: compareCommand,
  boot: bootCommand,
  cache: cacheCommand,
  gc: gcCommand,
  sign: signCommand,
  verify: verifyCommand,
  challenge: challengeCommand,
};
