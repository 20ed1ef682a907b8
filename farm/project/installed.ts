import { isBuilderTool } from '../graph/index.js';
import type { EvaluatedRecipe } from '../recipe/types.js';

/** The packages a rootfs holds, in build order: all but the builder tools, which are built for the dev stage's other builds. */
export function installedPackages(recipes: ReadonlyMap<string, EvaluatedRecipe>, order: readonly string[]): string[] {
  return order.filter((pkg) => !isBuilderTool(recipes, pkg));
}
