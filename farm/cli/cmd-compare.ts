import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { compareStages } from '../release/compare.js';
import { comparisonToYaml, formatComparison } from '../release/compare-report.js';
import { loadExclusions } from '../release/exclusions.js';
import { loadSnapshot } from '../release/release.js';
import { explainWithDiffoscope } from './diffoscope.js';
import { out, type CliContext } from './io.js';
import type { ArgsOf } from './spec.js';
import type { COMPARE } from './spec-compare.js';

export async function compare(ctx: CliContext, { values, positionals }: ArgsOf<typeof COMPARE>): Promise<number> {
  // The spec asks for exactly two.
  const [a, b] = positionals as [string, string];
  const cmp = compareStages(await loadSnapshot(resolve(ctx.root, a), a), await loadSnapshot(resolve(ctx.root, b), b), await loadExclusions(values.exclusions));
  if (values.yaml !== undefined) await writeFile(resolve(ctx.root, values.yaml), comparisonToYaml(cmp));
  if (values.diffoscope === true) await explainWithDiffoscope(ctx, cmp, resolve(ctx.root, a), resolve(ctx.root, b));
  out(ctx, ctx.json ? JSON.stringify(cmp) : formatComparison(cmp, ctx.chalk));
  return cmp.pass ? 0 : 1;
}
