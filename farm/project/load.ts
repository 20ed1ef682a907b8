import { loadConfig } from '../config/index.js';
import type { LoadedConfig } from '../config/types.js';
import { assertBuilderToolsPlaced, buildOrder, selectPackages, selectTargets, type BuildOrder, type Selection } from '../graph/index.js';
import { loadProfile, loadRecipes } from '../recipe/index.js';
import type { EvaluatedRecipe } from '../recipe/types.js';
import type { StageName } from '../workspace/paths.js';
import { untilInterrupted } from '../errors/index.js';

/** Everything the Lua files say, evaluated, validated and ordered. */
export interface Project {
  readonly root: string;
  readonly stage: StageName;
  readonly config: LoadedConfig;
  readonly recipes: ReadonlyMap<string, EvaluatedRecipe>;
  readonly profile: { readonly name: string; readonly description: string; readonly packages: readonly string[] };
  readonly selection: Selection;
  readonly order: BuildOrder;
}

export interface LoadOptions {
  readonly stage?: StageName;
  /** Override config.lua's profile (e.g. `--profile tiny`). */
  readonly profile?: string | undefined;
  /** Evaluate every recipe but select all packages (mirror export --all, status). */
  readonly all?: boolean;
  /**
   * Select these packages (and what they need) from every recipe instead of the
   * profile: `stasis-farm build zlib curl`. Empty or absent: the profile.
   */
  readonly targets?: readonly string[];
  /** Aborting gives up the evaluation at once (it holds nothing to clean up). */
  readonly signal?: AbortSignal;
}

export async function loadProject(root: string, options: LoadOptions = {}): Promise<Project> {
  return untilInterrupted(load(root, options), options.signal);
}

async function load(root: string, options: LoadOptions): Promise<Project> {
  const stage = options.stage ?? 'dev';
  const config = await loadConfig(root);
  const recipes = await loadRecipes(root, config, { stage });
  const profileName = options.profile ?? config.system.profile;
  const profile =
    options.all === true
      ? { name: 'all', description: 'every package with a recipe', packages: [...recipes.keys()].sort() }
      : await loadProfile(root, profileName, { stage }, options.profile === undefined ? undefined : '--profile');
  const targets = options.targets ?? [];
  const selection =
    targets.length > 0
      ? selectTargets(recipes, targets)
      : selectPackages(
          recipes,
          profile,
          options.all === true || options.profile !== undefined ? [] : config.system.include,
          options.all === true || options.profile !== undefined ? [] : config.system.exclude,
        );
  // `--all` and a command line name packages to build, not a rootfs.
  assertBuilderToolsPlaced(recipes, selection, stage, { requestedByName: options.all === true || targets.length > 0 });
  const order = buildOrder(recipes, selection.packages);
  return { root, stage, config, recipes, profile, selection, order };
}
