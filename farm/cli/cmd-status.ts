import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { auditTree, openTreeFromTarball } from '../audit/index.js';
import { BuildCache, type CacheEntry } from '../cache/index.js';
import { isKeyInputs, recipeFingerprint, recipeInputsOf } from '../keys/index.js';
import type { Project } from '../project/load.js';
import { readStatusRecord, writeStatusRecord, type RecordedBuild, type StatusRecord } from '../project/status-record.js';
import type { EvaluatedRecipe } from '../recipe/types.js';
import { loadProject } from '../project/load.js';
import { formatBytes, formatMs } from '../report/index.js';
import { workspacePaths } from '../workspace/paths.js';
import { readStatusNotes } from '../project/status-notes.js';
import { createFetcher, SourceStore } from '../sources/index.js';
import { mirrorsFor } from './mirrors.js';
import { out, type CliContext } from './io.js';
import type { ArgsOf } from './spec.js';
import type { STATUS } from './spec-status.js';

interface Row {
  readonly name: string;
  readonly version: string;
  readonly mirror: string;
  readonly built: string;
  readonly audit: string;
  readonly size: string;
  readonly time: string;
  readonly note: string;
}

/**
 * `stasis-farm status`: a per-package record of real runs — sources in the mirror, built in the
 * dev stage, audit of the output, size, build time — from this machine's cache, and from the
 * status record (docs/status-record.json) for packages built by an earlier `--write` run, here or
 * on another machine, whose recipe has not changed since. Printed, or written as a Markdown table
 * with --write, which also records what this machine built.
 */
export async function status(ctx: CliContext, { values }: ArgsOf<typeof STATUS>): Promise<number> {
  const project = await loadProject(ctx.root, { all: true });
  const recordFile = join(dirname(resolve(ctx.root, values.write ?? join('docs', 'status.md'))), RECORD_FILE);
  const facts = await machineFacts(ctx, project, recordFile);
  const record: Record<string, RecordedBuild> = {};
  const rows: Row[] = [];
  for (const [name, evaluated] of [...project.recipes].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const { row, recorded } = await packageRow(name, evaluated, facts);
    rows.push(row);
    if (recorded !== undefined) record[name] = recorded;
  }
  if (ctx.json) {
    out(ctx, JSON.stringify(rows));
    return 0;
  }
  const { text, counts } = statusTable(rows);
  if (values.write !== undefined) {
    await writeFile(resolve(ctx.root, values.write), text);
    await writeStatusRecord(recordFile, record);
    out(ctx, `${values.write}: ${counts}`);
  } else out(ctx, text);
  return 0;
}

/** What this machine and the repository say about the packages. */
interface Facts {
  /** The newest dev-stage build of each package in this machine's cache. */
  readonly builds: ReadonlyMap<string, CacheEntry>;
  /** Packages whose last build failed, as the executor recorded them. */
  readonly failures: Awaited<ReturnType<BuildCache['failures']>>;
  /** What an --offline build would find, in the source store or a local mirror. */
  readonly sources: ReturnType<typeof createFetcher>;
  /** Why a package does not build here, written by hand beside the generated table. */
  readonly notes: Readonly<Record<string, string>>;
  /** Builds an earlier --write recorded. */
  readonly recorded: StatusRecord;
  readonly today: string;
}

async function machineFacts(ctx: CliContext, project: Project, recordFile: string): Promise<Facts> {
  const paths = workspacePaths(ctx.root, 'dev');
  const mirrors = mirrorsFor(ctx, project.config.defaults.mirrors).filter((m) => !/^https?:/.test(m));
  const cache = new BuildCache(paths.cache);
  return {
    builds: await cache.newest(),
    failures: await cache.failures(),
    sources: createFetcher({ store: new SourceStore(paths.store), mirrors, offline: true, sink: ctx.sink }),
    notes: Object.fromEntries(await readStatusNotes(ctx.root)),
    recorded: await readStatusRecord(recordFile),
    today: new Date().toISOString().slice(0, 10),
  };
}

/**
 * One package's row: built here (the cache holds a build of this version from this recipe), or
 * recorded (an earlier --write recorded one of the same recipe), or why not. With what to record.
 */
async function packageRow(name: string, evaluated: EvaluatedRecipe, facts: Facts): Promise<{ row: Row; recorded: RecordedBuild | undefined }> {
  const { recipe } = evaluated;
  const present = recipe.sources.length - (await facts.sources.missingOffline(recipe.sources.map((source) => ({ pkg: name, source })))).length;
  const mirror = recipe.sources.length === 0 ? 'local files' : present === recipe.sources.length ? 'yes' : present === 0 ? 'no' : `${present}/${recipe.sources.length}`;
  const base = { name, version: recipe.version, mirror, note: facts.notes[name] ?? '' };
  const fingerprint = recipeFingerprint(recipeInputsOf(evaluated));
  const b = facts.builds.get(name);
  if (b !== undefined && b.meta.version === recipe.version && entryFingerprint(b) === fingerprint) {
    const audit = await auditColumn(b, recipe.builderTool === true, recipe.static ? [] : [name]);
    const { outputSha256: output, bytes, durationMs: ms } = b.meta;
    const row = { ...base, built: `yes (${recipe.version})`, audit, size: formatBytes(bytes), time: formatMs(ms) };
    return { row, recorded: { version: recipe.version, recipe: fingerprint, output, bytes, ms, audit, date: facts.today } };
  }
  const earlier = facts.recorded[name];
  if (earlier !== undefined && earlier.version === recipe.version && earlier.recipe === fingerprint) {
    const built = `recorded ${earlier.date} (${earlier.version})${earlier.from === undefined ? '' : ` from ${earlier.from}`}`;
    const row = { ...base, built, audit: earlier.audit, size: formatBytes(earlier.bytes), time: formatMs(earlier.ms) };
    return { row, recorded: earlier };
  }
  const failure = facts.failures.get(name);
  const built =
    b !== undefined && b.meta.version !== recipe.version
      ? `older ${b.meta.version}`
      : b !== undefined
        ? 'only an earlier recipe'
        : failure !== undefined
          ? `failed (${failure.reason})`
          : 'no';
  return { row: { ...base, built, audit: '-', size: '-', time: '-' }, recorded: undefined };
}

/** The Markdown page and its counts line. */
function statusTable(rows: readonly Row[]): { text: string; counts: string } {
  const header = ['package', 'version', 'sources in mirror', 'built (dev)', 'audit', 'output size', 'build time', 'notes'];
  const table = [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${[r.name, r.version, r.mirror, r.built, r.audit, r.size, r.time, r.note].join(' | ')} |`),
  ];
  const count = (p: (r: Row) => boolean): number => rows.filter(p).length;
  const counts =
    `${rows.length} packages; sources in the mirror: ${count((r) => r.mirror === 'yes' || r.mirror === 'local files')}; ` +
    `built here: ${count((r) => r.built.startsWith('yes'))}; recorded by an earlier run (same recipe): ${count((r) => r.built.startsWith('recorded'))}; ` +
    `audit clean: ${count((r) => r.audit.startsWith('clean'))}; builder tools (dev stage only, never installed): ${count((r) => r.audit.startsWith('builder tool'))}.`;
  const text =
    `# Package status\n\nGenerated by \`stasis-farm status --write\` from this machine's source store, mirrors and dev-stage build cache, ` +
    `and from ${RECORD_FILE} beside it: builds that an earlier \`--write\` recorded (on this machine or another, on the date shown), kept while ` +
    `the recipe, its patches, files, sources and the options it reads are unchanged. Do not edit by hand (notes come from docs/status-notes.yaml).\n\n${counts}\n\n${table.join('\n')}\n`;
  return { text, counts };
}

const RECORD_FILE = 'status-record.json';

/** The recipe fingerprint of what a cache entry was built from (undefined for an entry without key inputs). */
function entryFingerprint(entry: CacheEntry): string | undefined {
  return isKeyInputs(entry.meta.inputs) ? recipeFingerprint(entry.meta.inputs) : undefined;
}

async function auditColumn(entry: CacheEntry, builderTool: boolean, sucksPackages: readonly string[]): Promise<string> {
  if (builderTool) return 'builder tool: never installed, no rootfs audit';
  const report = await auditTree(openTreeFromTarball(entry.tarPath), { sucksPackages: [...sucksPackages] });
  return report.findings.length === 0
    ? `clean (${report.elfFiles} ELF)`
    : `${report.findings.length} finding(s): ${[...new Set(report.findings.map((f) => f.rule))].join(', ')}`;
}
