import { FarmError } from '../errors/index.js';
import type { EvaluatedRecipe } from '../recipe/types.js';
import { EDGE_KINDS, edgesOf, recipeOf, type EdgeKind } from './edges.js';
import { didYouMean } from '../errors/suggest.js';

/** The profile config.lua selects, after `extends` has been resolved. */
export interface ProfileInput {
  readonly name: string;
  readonly packages: readonly string[];
}

/** Why a package that nobody asked for is in the selection. */
export interface PulledIn {
  /** The first package (in name order, nearest a requested one) that needs it. */
  readonly by: string;
  readonly via: EdgeKind;
}

/** What will be built and installed. */
export interface Selection {
  readonly profile: string;
  /** Profile packages plus include minus exclude, sorted. */
  readonly requested: readonly string[];
  /** `requested` closed over deps and build_deps: everything built and installed in the rootfs, sorted. */
  readonly packages: readonly string[];
  /** Every package in `packages` but not in `requested`, with the package that pulled it in. */
  readonly pulledIn: ReadonlyMap<string, PulledIn>;
  /** Names in exclude that were not selected anyway (excluding them changed nothing). */
  readonly unusedExcludes: readonly string[];
}

interface Named {
  readonly name: string;
  /** Where the name was written, e.g. `config.lua: include[2]` (Lua's 1-based index). */
  readonly origin: string;
}

const named = (names: readonly string[], origin: (i: number) => string): Named[] => names.map((name, i) => ({ name, origin: origin(i + 1) }));

/**
 * Select the packages to build: profile packages + include − exclude, closed over
 * `deps` and `build_deps` (Stasis is self-hosting: build dependencies are installed too).
 * Unknown names are an UNKNOWN_PACKAGE error naming where each was written;
 * excluding a package that something selected still needs is a CONFIG_INVALID error.
 */
export function selectPackages(recipes: ReadonlyMap<string, EvaluatedRecipe>, profile: ProfileInput, include: readonly string[], exclude: readonly string[]): Selection {
  const fromProfile = named(profile.packages, (i) => `profile "${profile.name}": packages[${i}]`);
  const included = named(include, (i) => `config.lua: include[${i}]`);
  const excluded = named(exclude, (i) => `config.lua: exclude[${i}]`);
  assertKnown(recipes, [...fromProfile, ...included, ...excluded]);
  assertNoOverlap(included, excluded);

  const excludedNames = new Set(exclude);
  const requested = [...new Set([...profile.packages, ...include])].filter((n) => !excludedNames.has(n)).sort();
  const { packages, parent } = closure(recipes, requested);

  const needed = excluded.filter((e) => packages.has(e.name));
  if (needed.length > 0) throw excludeNeeded(recipes, needed, packages, parent);

  const pulledIn = new Map<string, PulledIn>();
  for (const name of [...parent.keys()].sort()) {
    const edge = parent.get(name);
    if (edge !== undefined) pulledIn.set(name, edge);
  }
  return {
    profile: profile.name,
    requested,
    packages: [...packages].sort(),
    pulledIn,
    unusedExcludes: [...excludedNames].filter((n) => !profile.packages.includes(n)).sort(),
  };
}

/**
 * Select packages named on the command line (`stasis-farm build zlib curl`) from every
 * recipe, whatever the profile says, closed over `deps` and `build_deps` like a profile.
 * An unknown name is an UNKNOWN_PACKAGE error naming the argument.
 */
export function selectTargets(recipes: ReadonlyMap<string, EvaluatedRecipe>, targets: readonly string[]): Selection {
  if (targets.length === 0) throw new Error('selectTargets: no targets');
  assertKnown(
    recipes,
    named(targets, (i) => `command line: package ${i}`),
  );
  const requested = [...new Set(targets)].sort();
  const { packages, parent } = closure(recipes, requested);
  const pulledIn = new Map<string, PulledIn>();
  for (const name of [...parent.keys()].sort()) {
    const edge = parent.get(name);
    if (edge !== undefined) pulledIn.set(name, edge);
  }
  return { profile: 'command line', requested, packages: [...packages].sort(), pulledIn, unusedExcludes: [] };
}

function assertKnown(recipes: ReadonlyMap<string, EvaluatedRecipe>, names: readonly Named[]): void {
  const unknown = names.filter((n) => !recipes.has(n.name));
  if (unknown.length === 0) return;
  const lines = unknown.map((n) => `${n.origin}: unknown package "${n.name}"${didYouMean(n.name, recipes.keys())}`);
  throw new FarmError('UNKNOWN_PACKAGE', lines.join('\n'), { hint: 'packages are the folders under system/ that hold a pkg.lua' });
}

function assertNoOverlap(included: readonly Named[], excluded: readonly Named[]): void {
  for (const e of excluded) {
    const i = included.find((n) => n.name === e.name);
    if (i !== undefined) {
      throw new FarmError('CONFIG_INVALID', `config.lua: "${e.name}" is in both include and exclude (${i.origin}, ${e.origin})`);
    }
  }
}

/**
 * Breadth-first closure from the requested packages, visiting names in sorted order so
 * `parent` (the first package found needing each one) is stable. Unknown dependency
 * names in a recipe are an UNKNOWN_PACKAGE error naming the recipe and field.
 */
function closure(recipes: ReadonlyMap<string, EvaluatedRecipe>, roots: readonly string[]): { packages: Set<string>; parent: Map<string, PulledIn> } {
  const packages = new Set(roots);
  const parent = new Map<string, PulledIn>();
  const unknown: string[] = [];
  let frontier = [...roots];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const name of frontier) {
      const evaluated = recipeOf(recipes, name);
      for (const kind of EDGE_KINDS) {
        edgesOf(evaluated, kind).forEach((dep, i) => {
          if (!recipes.has(dep)) {
            unknown.push(`${evaluated.file}: ${kind}[${i + 1}]: unknown package "${dep}"${didYouMean(dep, recipes.keys())}`);
          } else if (!packages.has(dep)) {
            packages.add(dep);
            parent.set(dep, { by: name, via: kind });
            next.push(dep);
          }
        });
      }
    }
    frontier = next.sort();
  }
  if (unknown.length > 0) throw new FarmError('UNKNOWN_PACKAGE', unknown.join('\n'));
  return { packages, parent };
}

function excludeNeeded(
  recipes: ReadonlyMap<string, EvaluatedRecipe>,
  needed: readonly Named[],
  packages: ReadonlySet<string>,
  parent: ReadonlyMap<string, PulledIn>,
): FarmError {
  const lines = needed.map(({ name, origin }) => {
    const dependents = [...packages].sort().flatMap((p) => {
      const kinds = EDGE_KINDS.filter((k) => edgesOf(recipeOf(recipes, p), k).includes(name));
      return kinds.length === 0 ? [] : [`${p} (${kinds.join(', ')})`];
    });
    return `${origin}: "${name}" is needed by ${dependents.join(', ')}\n  via ${pathTo(name, parent).join(' -> ')}`;
  });
  return new FarmError('CONFIG_INVALID', lines.join('\n'), {
    hint: 'remove it from exclude, or exclude the packages that need it as well',
  });
}

/** The chain from a requested package down to `name`, following the closure's parents. */
function pathTo(name: string, parent: ReadonlyMap<string, PulledIn>): string[] {
  const path = [name];
  let at = parent.get(name);
  while (at !== undefined && !path.includes(at.by)) {
    path.unshift(at.by);
    at = parent.get(at.by);
  }
  return path;
}
