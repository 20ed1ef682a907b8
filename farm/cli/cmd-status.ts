import { exists } from '../fs/exists.js';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { auditTree, openTreeFromTarball } from '../audit/index.js';
import type { CacheMeta } from '../cache/index.js';
import { loadProject } from '../project/load.js';
import { formatBytes, formatMs } from '../report/index.js';
import { workspacePaths } from '../workspace/paths.js';
import { readStatusNotes } from '../project/status-notes.js';
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

/** The newest dev-stage cache entry of each package. */
async function latestBuilds(cacheDir: string): Promise<Map<string, { meta: CacheMeta; dir: string; mtime: number }>> {
  const out = new Map<string, { meta: CacheMeta; dir: string; mtime: number }>();
  for (const name of await readdir(cacheDir).catch(() => [] as string[])) {
    if (!/^[0-9a-f]{64}$/.test(name)) continue;
    const dir = join(cacheDir, name);
    try {
      const meta = JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8')) as CacheMeta;
      const mtime = (await stat(join(dir, 'meta.json'))).mtimeMs;
      const seen = out.get(meta.pkg);
      if (seen === undefined || seen.mtime < mtime) out.set(meta.pkg, { meta, dir, mtime });
    } catch {
      // not an entry
    }
  }
  return out;
}

/**
 * `stasis-farm status`: a per-package record of real runs on this machine —
 * sources in the mirror, built in the dev stage, audit of the output, size,
 * build time — printed, or written as a Markdown table with --write.
 */
export async function status(ctx: CliContext, { values }: ArgsOf<typeof STATUS>): Promise<number> {
  const project = await loadProject(ctx.root, { all: true });
  const paths = workspacePaths(ctx.root, 'dev');
  const mirrors = mirrorsFor(ctx, project.config.defaults.mirrors).filter((m) => !/^https?:/.test(m));
  const builds = await latestBuilds(paths.cache);
  const failures = new Map<string, string>();
  for (const log of await readdir(paths.logs).catch(() => [] as string[])) {
    const text = await readFile(join(paths.logs, log), 'utf8').catch(() => '');
    const m = /\[stasis-farm: (exit code \d+|timed out[^\]]*|killed by the OOM[^\]]*)\]/.exec(text);
    if (m !== null) failures.set(log.replace(/\.log$/, ''), m[1] as string);
  }
  // Why a package does not build here, written by hand beside the generated table.
  const notes = Object.fromEntries(await readStatusNotes(ctx.root));
  const rows: Row[] = [];
  for (const name of [...project.recipes.keys()].sort()) {
    const recipe = project.recipes.get(name)?.recipe;
    if (recipe === undefined) continue;
    let present = 0;
    for (const s of recipe.sources) {
      const found = (await exists(join(paths.store, 'sha256', s.sha256))) || (await Promise.all(mirrors.map((m) => exists(join(m, s.file))))).some(Boolean);
      if (found) present++;
    }
    const mirror = recipe.sources.length === 0 ? 'local files' : present === recipe.sources.length ? 'yes' : present === 0 ? 'no' : `${present}/${recipe.sources.length}`;
    const b = builds.get(name);
    let built = b === undefined ? (failures.has(name) ? `failed (${failures.get(name)})` : 'no') : `yes (${b.meta.version})`;
    if (b !== undefined && b.meta.version !== recipe.version) built = `older ${b.meta.version}`;
    let audit = '-';
    if (b !== undefined) {
      const report = await auditTree(openTreeFromTarball(join(b.dir, 'output.tar')), { sucksPackages: recipe.static ? [] : [name] });
      audit = report.findings.length === 0 ? `clean (${report.elfFiles} ELF)` : `${report.findings.length} finding(s): ${[...new Set(report.findings.map((f) => f.rule))].join(', ')}`;
    }
    rows.push({
      name,
      version: recipe.version,
      mirror,
      built,
      audit,
      size: b === undefined ? '-' : formatBytes(b.meta.bytes),
      time: b === undefined ? '-' : formatMs(b.meta.durationMs),
      note: notes[name] ?? '',
    });
  }
  if (ctx.json) {
    out(ctx, JSON.stringify(rows));
    return 0;
  }
  const header = ['package', 'version', 'sources in mirror', 'built here (dev)', 'audit', 'output size', 'build time', 'notes'];
  const table = [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${[r.name, r.version, r.mirror, r.built, r.audit, r.size, r.time, r.note].join(' | ')} |`),
  ];
  const counts = `${rows.length} packages; sources in the mirror: ${rows.filter((r) => r.mirror === 'yes' || r.mirror === 'local files').length}; built here: ${rows.filter((r) => r.built.startsWith('yes')).length}; audit clean: ${rows.filter((r) => r.audit.startsWith('clean')).length}.`;
  const text = `# Package status\n\nGenerated by \`stasis-farm status --write\` from this machine's source store, mirrors and dev-stage build cache; do not edit by hand (notes come from docs/status-notes.yaml).\n\n${counts}\n\n${table.join('\n')}\n`;
  if (values.write !== undefined) {
    await writeFile(resolve(ctx.root, values.write), text);
    out(ctx, `${values.write}: ${counts}`);
  } else out(ctx, text);
  return 0;
}
