import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { compareStages } from '../release/compare.js';
import { comparisonToYaml, formatComparison } from '../release/compare-report.js';
import { loadExclusions } from '../release/exclusions.js';
import { loadSnapshot } from '../release/release.js';
import { defineCommand } from './command.js';
import { explainWithDiffoscope } from './diffoscope.js';
import { out, type CliContext } from './io.js';
import type { ArgsOf, CommandSpec } from './spec.js';

const COMPARE = {
  name: 'compare',
  summary: 'compare two stage workspaces or manifests, per package and per file',
  description: 'Exit 0 when they are the same (but for exclusions), 1 when they differ.',
  positionals: [
    { name: 'A', description: 'a stage workspace (e.g. workspace-release-stage-a) or its manifest' },
    { name: 'B', description: 'the other one' },
  ],
  options: {
    yaml: { type: 'string', value: 'FILE', description: 'also write the comparison as YAML to FILE' },
    exclusions: { type: 'string', value: 'FILE', description: 'accepted differences: a YAML list of {package, path?, reason}' },
    diffoscope: { type: 'boolean', description: 'explain differing files with diffoscope (when installed)' },
  },
} as const satisfies CommandSpec;

export const compareCommand = defineCommand(COMPARE, compare);

async function compare(ctx: CliContext, { values, positionals }: ArgsOf<typeof COMPARE>): Promise<number> {
  // The spec asks for exactly two.
  const [a, b] = positionals as [string, string];
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
