import { exists } from '../fs/exists.js';
import { stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { auditDoneEvent, auditReportToYaml, auditTree, formatAuditReport, openTreeFromDirectory, openTreeFromTarball } from '../audit/index.js';
import { FarmError } from '../errors/index.js';
import { auditSuite } from '../junit/index.js';
import { loadProfile } from '../recipe/index.js';
import { readRootfsManifest } from '../rootfs/assemble.js';
import { workspacePaths } from '../workspace/paths.js';
import { auditOptionsFor } from './audit-options.js';
import { out, type CliContext } from './io.js';
import { writeJUnitFile } from './junit-file.js';
import type { ArgsOf } from './spec.js';
import type { TESTS } from './spec-tests.js';

/** `stasis-farm tests [PATH]`: audit workspace/preview, any directory, or a release tarball. */
export async function tests(ctx: CliContext, { values, positionals }: ArgsOf<typeof TESTS>): Promise<number> {
  // A preview does not record its profile, and the audit rules do not depend on one: a name is only checked.
  if (values.profile !== undefined) await loadProfile(ctx.root, values.profile, { stage: 'dev' }, '--profile');
  const paths = workspacePaths(ctx.root, 'dev');
  const target = positionals[0] === undefined ? paths.preview : resolve(ctx.root, positionals[0]);
  let st;
  try {
    st = await stat(target);
  } catch (error) {
    throw new FarmError('USAGE', `tests: ${target} does not exist`, { hint: positionals[0] === undefined ? 'build first: stasis-farm build' : undefined, cause: error });
  }
  let tree;
  if (st.isDirectory()) {
    const manifestFile = values.manifest ?? (target === paths.preview ? paths.previewManifest : `${target.replace(/\/+$/, '')}.manifest.json`);
    const manifest = (await exists(manifestFile)) ? await readRootfsManifest(manifestFile) : undefined;
    if (manifest === undefined) ctx.sink({ type: 'warn', message: `${target}: no farm manifest; owners and modes are read from disk` });
    tree = openTreeFromDirectory(target, manifest);
  } else tree = openTreeFromTarball(target);
  const report = await auditTree(tree, await auditOptionsFor(ctx, values.allowlist));
  if (values.yaml !== undefined) await writeFile(resolve(ctx.root, values.yaml), auditReportToYaml(report));
  if (values.junit !== undefined)
    await writeJUnitFile(ctx, values.junit, 'stasis-farm tests', [auditSuite(auditDoneEvent(report, positionals[0] ?? 'workspace/preview'))]);
  out(ctx, ctx.json ? JSON.stringify(report) : formatAuditReport(report, ctx.chalk));
  return report.findings.length === 0 ? 0 : 1;
}
