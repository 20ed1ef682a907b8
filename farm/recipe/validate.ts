import { FieldReader, describe } from '../validate/fields.js';
import { PLAIN_FILE, SHA256 } from '../validate/patterns.js';
import { MAX_OUTPUT_LIMIT_MIB } from '../validate/limits.js';
import { readFeatures, readMemoryBytes } from '../validate/needs.js';
import { renderBuildStyle } from './style.js';
import { STYLE_FIELDS, validateStyle } from './validate-style.js';
import { BUILD_STYLES, type BuildStyle, type Recipe, type SourceSpec } from './types.js';

export const RECIPE_FIELDS = [
  'name',
  'version',
  'description',
  'license',
  'homepage',
  'sources',
  'patches',
  'files',
  'build_deps',
  'deps',
  'build',
  'static',
  'toolchain',
  'timeout',
  'output_limit',
  'strip',
  'builder_tool',
  'fallback',
  'memory',
  'features',
  ...STYLE_FIELDS,
] as const;
const SOURCE_FIELDS = ['url', 'sha256', 'file', 'extract'] as const;

/**
 * The longest build a recipe may ask for, in seconds. The runtime arms a Node
 * timer with timeout * 1000 ms, and Node fires a timer above 2^31-1 ms (24.8
 * days) at once: 3000000 would have failed every build immediately.
 */
export const MAX_TIMEOUT_S = 7 * 24 * 3600;

const NAME = /^[a-z0-9][a-z0-9+._-]*$/;
const VERSION = /^[A-Za-z0-9][A-Za-z0-9.+_~-]*$/;
const URL_RE = /^(https?|ftp):\/\/[^\s/]+\/\S*$/;

/** The last path segment of a URL (percent-decoded when that is well-formed). */
export function fileFromUrl(url: string): string {
  const last =
    url
      .replace(/[?#].*$/, '')
      .split('/')
      .pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/**
 * A recipe table (already plain data) -> Recipe, or RECIPE_INVALID naming the
 * file and field of every problem. Pure: no file system access.
 */
export function validateRecipe(raw: unknown, file: string, folderName: string): Recipe {
  const r = new FieldReader(file, 'RECIPE_INVALID');
  const o = r.object(raw, '') ?? {};
  for (const key of Object.keys(o)) {
    if (!(RECIPE_FIELDS as readonly string[]).includes(key)) r.unknownKeys({ [key]: o[key] }, RECIPE_FIELDS, '');
  }
  const name = r.string(o, 'name', '', { pattern: NAME, what: 'a package name (lower case, digits, + . _ -)' }) ?? folderName;
  if (name !== folderName) r.fail('name', `"${name}" differs from its folder "system/${folderName}"`);
  // Fields are read in this order so that the problems are listed in it.
  const version = r.string(o, 'version', '', { pattern: VERSION, what: 'a version (no spaces or slashes)' }) ?? '0';
  const description = r.string(o, 'description', '') ?? '';
  const license = r.string(o, 'license', '') ?? '';
  const homepage = r.string(o, 'homepage', '', { optional: true, pattern: /^https?:\/\/\S+$/, what: 'an http(s) URL' });
  const sources = readSources(r, o);
  const patches = r.stringList(o, 'patches', '', { pattern: PLAIN_FILE, what: 'a file name beside pkg.lua' });
  const files = r.stringList(o, 'files', '', { pattern: PLAIN_FILE, what: 'a file name beside pkg.lua' });
  const { buildDeps, deps } = readDependencies(r, o, name);
  const toolchain = r.boolean(o, 'toolchain', '', true);
  const { style, build } = readBuild(r, o, toolchain);
  const recipe: Recipe = {
    name,
    version,
    description,
    license,
    homepage,
    sources,
    patches,
    files,
    buildDeps,
    deps,
    build,
    style,
    strip: r.boolean(o, 'strip', '', true),
    static: r.boolean(o, 'static', '', true),
    toolchain,
    timeout: r.integer(o, 'timeout', '', 3600, 1, { value: MAX_TIMEOUT_S, what: `${MAX_TIMEOUT_S} s (7 days)` }),
    outputLimit:
      o['output_limit'] === undefined ? undefined : r.integer(o, 'output_limit', '', 0, 1, { value: MAX_OUTPUT_LIMIT_MIB, what: `${MAX_OUTPUT_LIMIT_MIB} MiB (1 TiB)` }),
    // Present only when set, so that the keys of every other recipe stay as they were.
    ...(r.boolean(o, 'builder_tool', '', false) ? { builderTool: true as const } : {}),
    ...(r.boolean(o, 'fallback', '', false) ? { fallback: true as const } : {}),
    ...readNeeds(r, o),
  };
  if (recipe.builderTool === true && deps.length > 0) r.fail('deps', 'a builder tool is never installed, so it has no runtime deps (build_deps are fine)');
  r.throwIfAny();
  return recipe;
}

/** `memory` and `features`, each present only when given (a recipe without them is as before); neither enters the key (needs.ts). */
function readNeeds(r: FieldReader, o: Record<string, unknown>): Pick<Recipe, 'memoryBytes' | 'features'> {
  const memoryBytes = readMemoryBytes(r, o, '');
  const features = readFeatures(r, o, '');
  return { ...(memoryBytes === undefined ? {} : { memoryBytes }), ...(features.length === 0 ? {} : { features }) };
}

/** `sources`: required (possibly empty); no two sources end up with one file name. */
function readSources(r: FieldReader, o: Record<string, unknown>): SourceSpec[] {
  const sources: SourceSpec[] = [];
  const seenFiles = new Set<string>();
  if (o['sources'] === undefined) r.fail('sources', 'missing (required; use {} for a package made only of its own files)');
  r.list(o, 'sources', '').forEach((v, i) => {
    const source = readSource(r, v, `sources[${i + 1}]`, seenFiles);
    if (source !== undefined) sources.push(source);
  });
  return sources;
}

/** One entry of `sources`; undefined when it is not usable (its problems are recorded in `r`). */
function readSource(r: FieldReader, v: unknown, p: string, seenFiles: Set<string>): SourceSpec | undefined {
  const s = r.object(v, p);
  if (s === undefined) return undefined;
  r.unknownKeys(s, SOURCE_FIELDS, p);
  // No url: a mirror-only file (a repack, a generated file); it must be named.
  const url = r.string(s, 'url', p, { optional: s['file'] !== undefined, pattern: URL_RE, what: 'an http, https or ftp URL' });
  const sha256 = s['sha256'];
  if (sha256 === undefined) r.fail(`${p}.sha256`, 'missing (required: the sha256 of the upstream file)');
  else if (typeof sha256 !== 'string' || !SHA256.test(sha256)) r.fail(`${p}.sha256`, `expected 64 lower-case hex digits, got ${describe(sha256)}`);
  const fileName = r.string(s, 'file', p, { optional: true, pattern: PLAIN_FILE, what: 'a plain file name' }) ?? (url === undefined ? undefined : fileFromUrl(url));
  if (fileName !== undefined && !PLAIN_FILE.test(fileName)) r.fail(`${p}.file`, `cannot derive a file name from the URL; set file = "..."`);
  if (fileName !== undefined && seenFiles.has(fileName)) r.fail(`${p}.file`, `"${fileName}" is used by two sources`);
  if (fileName !== undefined) seenFiles.add(fileName);
  const extract = r.boolean(s, 'extract', p, true);
  if (typeof sha256 === 'string' && SHA256.test(sha256) && fileName !== undefined) return { ...(url === undefined ? {} : { url }), sha256, file: fileName, extract };
  return undefined;
}

/** `build_deps` and `deps`: package names, none twice, not the package itself. */
function readDependencies(r: FieldReader, o: Record<string, unknown>, name: string): { buildDeps: string[]; deps: string[] } {
  const buildDeps = r.stringList(o, 'build_deps', '', { pattern: NAME, what: 'a package name' });
  const deps = r.stringList(o, 'deps', '', { pattern: NAME, what: 'a package name' });
  for (const [field, list] of [
    ['build_deps', buildDeps],
    ['deps', deps],
  ] as const) {
    list.forEach((d, i) => {
      if (d === name) r.fail(`${field}[${i + 1}]`, 'a package cannot depend on itself');
      if (list.indexOf(d) !== i) r.fail(`${field}[${i + 1}]`, `"${d}" is listed twice`);
    });
  }
  return { buildDeps, deps };
}

/** The build script: written in `build`, or rendered from `build_style` (one of the two, not both). */
function readBuild(r: FieldReader, o: Record<string, unknown>, toolchain: boolean): { style: BuildStyle | undefined; build: string } {
  const style = validateStyle(r, o);
  if (style === undefined && o['build'] === undefined && o['build_style'] === undefined) {
    r.fail('build', `missing: write the build script, or name a build_style (${BUILD_STYLES.join(', ')})`);
    return { style, build: '' };
  }
  if (style === undefined) return { style, build: r.string(o, 'build', '', { optional: true }) ?? '' };
  if (o['build'] !== undefined) {
    r.fail('build', `set together with build_style "${style.name}", which renders the build script: keep one of them`);
    return { style, build: '' };
  }
  return { style, build: renderBuildStyle(style, toolchain) };
}
