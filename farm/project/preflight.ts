import type { SystemConfig } from '../config/types.js';
import type { Selection } from '../graph/index.js';
import type { EvaluatedRecipe } from '../recipe/types.js';
import { checkSystemConfig, configProblemsError, type ConfigProblem } from '../rootfs/preflight.js';

/**
 * config.lua against the packages a profile selects, right after the selection and before
 * anything is fetched or built: the checks the assembly runs again on the built packages
 * (rootfs/preflight.ts). Any error refuses the project (CONFIG_INVALID listing them all);
 * the warnings are returned for the command to show.
 */
export function preflightRootfs(
  config: SystemConfig,
  recipes: ReadonlyMap<string, EvaluatedRecipe>,
  selection: Selection,
  installed: readonly string[],
): readonly ConfigProblem[] {
  const packages = new Set(installed);
  const problems = checkSystemConfig({ config, packages, recipes, unusedExcludes: selection.unusedExcludes });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    throw configProblemsError(
      errors,
      `config.lua cannot be assembled from the packages of profile "${selection.profile}"${withIncludes(config)}; nothing was fetched or built`,
    );
  }
  return problems.filter((p) => p.severity === 'warning');
}

/** ` with config.lua's include and exclude`, when it has either. */
function withIncludes(config: SystemConfig): string {
  const parts = [config.include.length > 0 ? 'include' : undefined, config.exclude.length > 0 ? 'exclude' : undefined].filter((p) => p !== undefined);
  return parts.length === 0 ? '' : ` with config.lua's ${parts.join(' and ')}`;
}
