import { FarmError } from '../errors/index.js';
import type { EvaluatedRecipe } from '../recipe/types.js';
import type { Selection } from './selection.js';

/** Whether a package is a builder tool (`builder_tool = true`). */
export function isBuilderTool(recipes: ReadonlyMap<string, EvaluatedRecipe>, name: string): boolean {
  return recipes.get(name)?.recipe.builderTool === true;
}

/**
 * A builder tool (`builder_tool = true`) runs on the dev stage's builder: it is built in the
 * dev stage for the builds there and never installed. So no profile asks for it (a command line
 * may, in the dev stage), no package lists it in `deps`, and no package of stage a or b lists it
 * in `build_deps`. Every place that breaks this is named; recipe problems are RECIPE_INVALID,
 * a profile's CONFIG_INVALID.
 */
export function assertBuilderToolsPlaced(
  recipes: ReadonlyMap<string, EvaluatedRecipe>,
  selection: Selection,
  stage: string,
  options: { readonly requestedByName: boolean },
): void {
  const recipeProblems: string[] = [];
  for (const name of selection.packages) {
    const evaluated = recipes.get(name);
    if (evaluated === undefined) continue;
    evaluated.recipe.deps.forEach((dep, i) => {
      if (isBuilderTool(recipes, dep)) recipeProblems.push(`${evaluated.file}: deps[${i + 1}]: "${dep}" is a builder tool, never installed: list it in build_deps`);
    });
    if (stage === 'dev') continue;
    evaluated.recipe.buildDeps.forEach((dep, i) => {
      if (isBuilderTool(recipes, dep))
        recipeProblems.push(`${evaluated.file}: build_deps[${i + 1}]: "${dep}" is a builder tool, built only in the dev stage (this is stage ${stage})`);
    });
  }
  if (recipeProblems.length > 0) throw new FarmError('RECIPE_INVALID', recipeProblems.join('\n'), { hint: HINT });
  const requested = selection.requested.filter((name) => isBuilderTool(recipes, name));
  if (requested.length === 0) return;
  if (!options.requestedByName) {
    const lines = requested.map((name) => `profile "${selection.profile}": "${name}" is a builder tool (builder_tool = true), never installed in a rootfs`);
    throw new FarmError('CONFIG_INVALID', lines.join('\n'), {
      hint: 'a package that needs it lists it in build_deps for the dev stage; `stasis-farm build NAME` builds it alone',
    });
  }
  if (stage !== 'dev') {
    throw new FarmError('CONFIG_INVALID', requested.map((name) => `"${name}" is a builder tool, built only in the dev stage (this is stage ${stage})`).join('\n'));
  }
}

const HINT = 'a builder tool runs on the dev builder only: list it for the dev stage, e.g. build_deps = farm.stage == "dev" and { "tool" } or { }';
