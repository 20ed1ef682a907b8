import { computeKeys, type PackageKey } from '../keys/index.js';
import { stripStepSha256 } from '../pkgbuild/strip.js';
import { toolchainEnv, type ImageToolchain } from '../toolchain/index.js';
import { FARM_VERSION } from '../version.js';
import type { Project } from './load.js';

/** Cache keys of every package in the project for one builder image. */
export function projectKeys(project: Project, builder: { readonly id: string } & ImageToolchain): Map<string, PackageKey> {
  return computeKeys(project.order, project.recipes, {
    farmVersion: FARM_VERSION,
    builderImage: builder.id,
    stage: project.stage,
    toolchainEnv: toolchainEnv(project.config.defaults, builder),
    stripStepSha256: stripStepSha256(),
  });
}
