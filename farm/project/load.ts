import { loadConfig } from '../config/index.js';
import type { LoadedConfig } from '../config/types.js';
import { assertBuilderToolsPlaced, buildOrder, selectPackages, selectTargets, type BuildOrder, type Selection } from '../graph/index.js';
import { loadProfile, loadRecipes } from '../recipe/index.js';
import type { EvaluatedRecipe } from '../recipe/types.js';
import type { ConfigProblem } from '../rootfs/preflight.js';
import { EvalCache } from '../evalcache/index.js';
import { workspacePaths, type StageName } from '../workspace/paths.js';
import { untilInterrupted } from '../errors/index.js';
import { installedPackages } from './installed.js';
import { preflightRootfs } from './preflight.js';

/** Everything the Lua files say, evaluated, validated and ordered. */
export interface Project {
  readonly root: string;
  readonly stage: StageName;
  readonly config: LoadedConfig;
  readonly recipes: ReadonlyMap<string, EvaluatedRecipe>;
  readonly profile: { readonly name: string; readonly description: string; readonly packages: readonly string[] };
  readonly selection: Selection;
  readonly order: BuildOrder;
  /** What the rootfs holds, in build order: `order` without the builder tools, which are never installed. */
  readonly installed: readonly string[];
  /**
   * What config.lua asks of the rootfs that the profile's packages give only in part (a getty
   * without busybox, a zone without tzdata, an exclude that removes nothing): shown by the
   * commands, refusing nothing. Empty for `--all` and for packages named on the command line.
   */
  readonly warnings: readonly ConfigProblem[];
}

export interface LoadOptions {
  readonly stage?: StageName;
  /** Override config.lua's profile (e.g. `--profile tiny`); config.lua's include and exclude still apply. */
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
  /**
   * The evaluation cache of config.lua, default.lua, the profiles and the recipes: by default the
   * project's (workspace/eval-cache/); `false` evaluates every file.
   */
  readonly evalCache?: EvalCache | false;
}

export async function loadProject(root: string, options: LoadOptions = {}): Promise<Project> {
  return untilInterrupted(load(root, options), options.signal);
}

async function load(root: string, options: LoadOptions): Promise<Project> {
  const stage = options.stage ?? 'dev';
  const cache = options.evalCache === false ? undefined : (options.evalCache ?? new EvalCache(workspacePaths(root, stage).evalCache, root));
  const config = await loadConfig(root, { cache });
  const recipes = await loadRecipes(root, config, { stage }, { cache });
  const all = options.all === true;
  const profile = all
    ? { name: 'all', description: 'every package with a recipe', packages: [...recipes.keys()].sort() }
    : await loadProfile(root, options.profile ?? config.system.profile, { stage }, options.profile === undefined ? undefined : '--profile', cache);
  const targets = options.targets ?? [];
  // A profile, config.lua's or --profile's, is what a rootfs is made of: config.lua's include and exclude apply to either.
  const forRootfs = targets.length === 0 && !all;
  const selection =
    targets.length > 0 ? selectTargets(recipes, targets) : selectPackages(recipes, profile, all ? [] : config.system.include, all ? [] : config.system.exclude);
  // `--all` and a command line name packages to build, not a rootfs.
  assertBuilderToolsPlaced(recipes, selection, stage, { requestedByName: !forRootfs });
  const order = buildOrder(recipes, selection.packages);
  // Refused here, before a source is fetched or a container made, if the rootfs could not be assembled.
  const installed = installedPackages(recipes, order.order);
  const warnings = forRootfs ? preflightRootfs(config.system, recipes, selection, installed) : [];
  return { root, stage, config, recipes, profile, selection, order, installed, warnings };
}
