/** What became of one package in one stage of a run. */
export type Outcome = 'built' | 'failed' | 'cached' | 'cutoff' | 'skipped' | 'unfinished';

export interface PackageRun {
  readonly pkg: string;
  readonly outcome: Outcome;
  /** ms since the epoch. A package that ran no container (cached, cutoff, skipped) starts and ends when it was reported. */
  readonly start: number;
  readonly end: number;
  /** The build's own time (build-done), when it ran. */
  readonly ms?: number;
  /** Its output: files and bytes (built and cached packages). */
  readonly files?: number;
  readonly bytes?: number;
  /** Its build log (packages that ran a container). */
  readonly log?: string;
  /** Why it failed or was skipped. */
  readonly reason?: string;
  readonly logTail?: readonly string[];
}

/** The packages of one stage (a build is one stage, dev; a release three: dev, a, b). */
export interface StageRuns {
  readonly stage: string;
  /** ms since the epoch: stage-start, else the plan. */
  readonly start: number;
  /** stage-done, else the stage's last event (or the run's end). */
  readonly end: number;
  /** The packages the plan named, in build order. */
  readonly planned: readonly string[];
  /** What each package's build waits for (the plan's waitsFor). */
  readonly waitsFor: ReadonlyMap<string, readonly string[]>;
  /** In the order their outcome was reported. */
  readonly packages: readonly PackageRun[];
}

/** Packages that ran a container: a bar of the timeline. */
export function ranContainer(run: PackageRun): boolean {
  return run.outcome === 'built' || run.outcome === 'failed' || run.outcome === 'unfinished';
}

/** `dev`, `stage A`: how a stage is named in reports. */
export function stageLabel(stage: string): string {
  return stage === 'dev' ? 'dev' : `stage ${stage.toUpperCase()}`;
}
