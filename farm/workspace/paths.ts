import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';

export type StageName = 'dev' | 'a' | 'b';

/** Where a stage keeps its things. The source store is shared by all stages. */
export interface WorkspacePaths {
  readonly root: string;
  readonly stage: StageName;
  readonly dir: string;
  readonly preview: string;
  readonly previewManifest: string;
  readonly cache: string;
  readonly logs: string;
  readonly tmp: string;
  readonly keys: string;
  readonly manifest: string;
  readonly store: string;
  /** The evaluation cache of the project's Lua files (evalcache/ owns its layout); shared by all stages, as the store is. */
  readonly evalCache: string;
  readonly dist: string;
  /** Records of the build and release runs (runs/ owns their layout); only the dev workspace keeps them. */
  readonly runs: string;
  /** Short stable id used to label this workspace's containers. */
  readonly id: string;
}

export function stageDirName(stage: StageName): string {
  return stage === 'dev' ? 'workspace' : `workspace-release-stage-${stage}`;
}

/** The records a stage workspace directory holds of its last build: manifest.yaml and the preview's file manifest. */
export function stageRecords(dir: string): { readonly manifest: string; readonly previewManifest: string } {
  return { manifest: join(dir, 'manifest.yaml'), previewManifest: join(dir, 'preview.manifest.json') };
}

export function workspacePaths(projectRoot: string, stage: StageName, storeOverride?: string): WorkspacePaths {
  const root = resolve(projectRoot);
  const dir = join(root, stageDirName(stage));
  const records = stageRecords(dir);
  return {
    root,
    stage,
    dir,
    preview: join(dir, 'preview'),
    previewManifest: records.previewManifest,
    cache: join(dir, 'cache'),
    logs: join(dir, 'logs'),
    tmp: join(dir, 'tmp'),
    keys: join(dir, 'keys'),
    manifest: records.manifest,
    store: storeOverride ?? join(root, 'workspace', 'sources'),
    evalCache: join(root, 'workspace', 'eval-cache'),
    dist: join(dir, 'dist'),
    runs: join(dir, 'runs'),
    id: createHash('sha256').update(dir).digest('hex').slice(0, 12),
  };
}
