import { checkDistinct, readEngine, type PlacedEngine } from '../config/engines.js';
import type { BuildDefaults } from '../config/types.js';
import { FarmError } from '../errors/index.js';
import type { EngineSpec } from '../pool/types.js';
import { FieldReader } from '../validate/fields.js';
import type { PoolInput } from '../project/engines.js';
import type { CliContext } from './io.js';

export const ENGINE_FORMAT =
  'an engine is "URL [jobs=N] [memory=MIB] [features=a,b] [name=X] [tls=DIR]", URL one of unix:///path.sock, tcp://host:port, ssh://user@host: ' +
  '--engine "ssh://farm@builder2 jobs=8 memory=16384 features=kvm", repeated for more; STASIS_ENGINES holds such entries separated by ";" or newlines';

/** Where the engines of a run may come from, highest first. */
export interface EngineSources {
  /** --engine, each one engine. */
  readonly flags: readonly string[] | undefined;
  /** STASIS_ENGINES: entries separated by `;` or newlines (blank entries and `#` comments skipped). */
  readonly env: string | undefined;
  /** default.lua's `engines`, already validated. */
  readonly defaults: readonly EngineSpec[];
}

/**
 * The engine pool of a run: --engine if given, else STASIS_ENGINES if it holds an entry, else
 * default.lua's `engines` (one source, never a mix). Empty: the local engine alone, as without a
 * pool. Each entry is a URL, optionally followed by KEY=VALUE words (jobs, memory in MiB,
 * features comma-separated, name, tls); USAGE naming the entry and the key otherwise. Pure.
 */
export function resolveEngines({ flags, env, defaults }: EngineSources): readonly EngineSpec[] {
  if (flags !== undefined && flags.length > 0) return parseEntries(flags.map((text, i) => ({ text, label: `--engine ${i + 1}` })));
  const entries = (env ?? '')
    .split(/[;\n]/)
    .map((e) => e.trim())
    .filter((e) => e !== '' && !e.startsWith('#'));
  if (entries.length > 0) return parseEntries(entries.map((text, i) => ({ text, label: `STASIS_ENGINES entry ${i + 1}` })));
  return defaults;
}

/** The engine pool a command's --engine values, the CLI's STASIS_ENGINES and default.lua give (see resolveEngines). */
export function enginesFor(
  ctx: Pick<CliContext, 'env'>,
  values: { readonly engine?: readonly string[] | undefined },
  config: { readonly defaults: Pick<BuildDefaults, 'engines'> },
): readonly EngineSpec[] {
  return resolveEngines({ flags: values.engine, env: ctx.env['STASIS_ENGINES'], defaults: config.defaults.engines });
}

function parseEntries(entries: readonly { readonly text: string; readonly label: string }[]): EngineSpec[] {
  const errors: string[] = [];
  const placed: PlacedEngine[] = [];
  for (const { text, label } of entries) {
    const r = new FieldReader(label, 'USAGE', errors);
    const table = fieldsOf(r, text);
    const spec = table === undefined ? undefined : readEngine(r, table, '');
    if (spec !== undefined) placed.push({ spec, label, fail: (field, message) => r.fail(field, message) });
  }
  checkDistinct(placed);
  if (errors.length === 0) return placed.map((p) => p.spec);
  const message = errors.length === 1 ? (errors[0] as string) : `${errors.length} problems with the engines:\n  ${errors.join('\n  ')}`;
  throw new FarmError('USAGE', message, { hint: ENGINE_FORMAT });
}

/** `URL key=value ...` as the fields of a default.lua entry: numbers for jobs and memory when they are digits, features split at commas. */
function fieldsOf(r: FieldReader, text: string): Record<string, unknown> | undefined {
  const [url, ...words] = text.trim().split(/\s+/);
  if (url === undefined || url === '') {
    r.fail('', 'no engine URL');
    return undefined;
  }
  if (url.includes('=') && !url.includes('://')) {
    r.fail('', `starts with "${url}": the URL comes first`);
    return undefined;
  }
  const fields = new Map<string, unknown>([['url', url]]);
  for (const word of words) {
    const eq = word.indexOf('=');
    const key = word.slice(0, eq);
    if (eq <= 0) r.fail('', `"${word}" is not KEY=VALUE`);
    else if (fields.has(key)) r.fail(key, 'given twice');
    else fields.set(key, valueOf(key, word.slice(eq + 1)));
  }
  return Object.fromEntries(fields);
}

function valueOf(key: string, value: string): unknown {
  if ((key === 'jobs' || key === 'memory') && /^\d+$/.test(value)) return Number(value);
  if (key === 'features') return value.split(',');
  return value;
}

/**
 * The engine pool of a run as the build takes it: each engine of enginesFor with its adapter (made
 * at the CLI edge, connecting only when first used); undefined without engines (the local engine alone).
 */
export async function poolFor(
  ctx: Pick<CliContext, 'env' | 'engineAt'>,
  values: { readonly engine?: readonly string[] | undefined },
  config: { readonly defaults: Pick<BuildDefaults, 'engines'> },
): Promise<PoolInput[] | undefined> {
  const specs = enginesFor(ctx, values, config);
  if (specs.length === 0) return undefined;
  return Promise.all(specs.map(async (spec) => ({ spec, runtime: await ctx.engineAt(spec.url, { certPath: spec.tls }) })));
}
