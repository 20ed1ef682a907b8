import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { writeFileAtomic } from '../fs/atomic.js';
import { renderRunReport, type LinkTo } from '../runreport/index.js';
import { readNewestRun, readRunRecord } from '../runs/index.js';
import { FARM_VERSION } from '../version.js';
import { workspacePaths } from '../workspace/paths.js';
import { out, type CliContext } from './io.js';
import type { ArgsOf } from './spec.js';
import type { REPORT } from './spec-report.js';

/**
 * Links from the page to the files a record names, relative to the page. A record made in
 * another place for this root (a copied project) names its files there: they are found here.
 */
function linksFrom(pageDir: string, root: string, recordedRoot: string | undefined): LinkTo {
  return (file) => {
    const here = recordedRoot !== undefined && file.startsWith(`${recordedRoot}/`) ? join(root, file.slice(recordedRoot.length)) : resolve(root, file);
    return relative(pageDir, here).split(sep).map(encodeURIComponent).join('/');
  };
}

/** `stasis-farm report`: the newest run record (or --run FILE) as one HTML page. */
export async function report(ctx: CliContext, { values }: ArgsOf<typeof REPORT>): Promise<number> {
  const paths = workspacePaths(ctx.root, 'dev');
  const record = values.run === undefined ? await readNewestRun(paths.runs) : await readRunRecord(resolve(ctx.root, values.run));
  const target = values.out === undefined ? join(paths.dir, 'report.html') : resolve(ctx.root, values.out);
  const page = renderRunReport(record, { linkTo: linksFrom(dirname(target), ctx.root, record.start?.root), farmVersion: FARM_VERSION });
  await writeFileAtomic(target, page);
  const run = record.file === undefined ? 'run' : basename(record.file);
  out(ctx, ctx.json ? JSON.stringify({ type: 'report', file: target, run: record.file }) : `report ${target} (${run})`);
  return 0;
}
