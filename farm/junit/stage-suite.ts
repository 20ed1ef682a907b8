import { stageLabel, type PackageRun, type StageRuns } from '../timeline/index.js';
import type { TestCase, TestSuite } from './model.js';

function packageCase(run: PackageRun, classname: string): TestCase {
  const base = { classname, name: run.pkg };
  switch (run.outcome) {
    case 'built':
      return { ...base, ms: run.ms ?? run.end - run.start, result: { kind: 'pass' } };
    case 'cached':
    case 'cutoff':
      return {
        ...base,
        ms: 0,
        result: { kind: 'pass', output: run.outcome === 'cutoff' ? 'cached (early cutoff: its dependencies built to the same outputs)' : 'cached' },
      };
    case 'failed': {
      const text = [...(run.logTail ?? []), ...(run.log === undefined ? [] : [`full log: ${run.log}`])].join('\n');
      return { ...base, ms: run.end - run.start, result: { kind: 'failure', type: 'BUILD_FAILED', message: `build failed (${run.reason ?? 'unknown'})`, text } };
    }
    case 'skipped':
      return { ...base, result: { kind: 'skipped', message: run.reason ?? 'skipped' } };
    case 'unfinished':
      return {
        ...base,
        ms: run.end - run.start,
        result: { kind: 'error', type: 'INTERRUPTED', message: 'the build never finished (the run ended first)', text: run.log ?? '' },
      };
  }
}

/** One test case per package of the stage: built or cached pass, failed is a failure (with the log tail), skipped is skipped. */
export function stageSuite(stage: StageRuns): TestSuite {
  const classname = `build.${stage.stage}`;
  const cases = stage.packages.map((r) => packageCase(r, classname));
  const reported = new Set(stage.packages.map((r) => r.pkg));
  // Planned and never reported: the run ended before it came to them.
  for (const pkg of stage.planned)
    if (!reported.has(pkg)) cases.push({ classname, name: pkg, result: { kind: 'skipped', message: 'not reached (the run ended first)' } });
  return { name: `build ${stageLabel(stage.stage)}`, timestamp: new Date(stage.start).toISOString(), ms: stage.end - stage.start, cases };
}
