import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { FarmError } from '../errors/index.js';
import { compareStages } from '../release/compare.js';
import { comparisonToYaml, formatComparison } from '../release/compare-report.js';
import { loadExclusions } from '../release/exclusions.js';
import { loadSnapshot } from '../release/release.js';
import { parseFlags } from './args.js';
import { explainWithDiffoscope } from './diffoscope.js';
import { out, type CliContext } from './io.js';

export async function compareCommand(ctx: CliContext, args: readonly string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, { yaml: { type: 'string' }, exclusions: { type: 'string' }, diffoscope: { type: 'boolean' } }, 'compare');
  const [a, b] = positionals;
  if (a === undefined || b === undefined) throw new FarmError('USAGE', 'compare: two stage workspaces are needed (stasis-farm compare <a> <b>)');
  const cmp = compareStages(
    await loadSnapshot(resolve(ctx.root, a), a),
    await loadSnapshot(resolve(ctx.root, b), b),
    await loadExclusions(values.exclusions),
  );
  if (values.yaml !== undefined) await writeFile(resolve(ctx.root, values.yaml), comparisonToYaml(cmp));
  if (values.diffoscope === true) await explainWithDiffoscope(ctx, cmp, resolve(ctx.root, a), resolve(ctx.root, b));
  out(ctx, ctx.json ? JSON.stringify(cmp) : formatComparison(cmp, ctx.chalk));
  return cmp.pass ? 0 : 1;
}
