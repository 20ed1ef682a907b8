import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO } from './farm.js';

/** The CI templates a user copies, relative to the repository. */
export const TEMPLATE_FILES = { github: 'ci/github-actions.yml', gitlab: 'ci/gitlab-ci.yml' } as const;

/** Where both templates put the farm checkout, relative to the user's repository. */
export const FARM_DIR = 'stasis-farm';

/** The first of the farm's steps: everything before it is the runner's part (the tools, the farm's checkout and install). */
export const FIRST_FARM_STEP = `sh ${FARM_DIR}/ci/tree.sh`;

/** One command line of a template, in the order the runner runs it. */
export interface TemplateStep {
  readonly line: string;
  /** Run after a failed line too: GitHub's `if: ${{ !cancelled() }}`, GitLab's after_script. */
  readonly always: boolean;
}

export interface Template {
  readonly file: string;
  /** Every command line of the job, in order. */
  readonly steps: readonly TemplateStep[];
  /** The job's STASIS_* variables and their defaults. */
  readonly variables: Readonly<Record<string, string>>;
  /** The paths kept as artifacts. */
  readonly artifacts: readonly string[];
  /** The paths cached between runs. */
  readonly cached: readonly string[];
}

type Table = Record<string, unknown>;

const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

function table(v: unknown, what: string): Table {
  if (!isTable(v)) throw new Error(`${what}: not a mapping`);
  return v;
}

function lines(v: unknown, what: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((l) => typeof l === 'string')) throw new Error(`${what}: not a list of command lines`);
  return v.map((l) => l.trim());
}

/** The STASIS_* entries of a variables mapping, as strings. */
function stasisVariables(...maps: unknown[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const map of maps.filter(isTable)) {
    for (const [k, v] of Object.entries(map)) if (k.startsWith('STASIS_')) out[k] = String(v);
  }
  return out;
}

/** The one job of a parsed file: the only entry of `jobs` (GitHub), the only top-level entry with a script (GitLab). */
function onlyJob(jobs: Table, file: string): Table {
  const found = Object.entries(jobs).filter(([, v]) => isTable(v));
  if (found.length !== 1) throw new Error(`${file}: ${found.length} jobs, the template has one`);
  return found[0]?.[1] as Table;
}

async function readYaml(file: string): Promise<Table> {
  return table(parse(await readFile(join(REPO, file), 'utf8')), file);
}

export async function readGitHubTemplate(): Promise<Template> {
  const file = TEMPLATE_FILES.github;
  const doc = await readYaml(file);
  const job = onlyJob(table(doc['jobs'], `${file}: jobs`), file);
  if (!Array.isArray(job['steps'])) throw new Error(`${file}: the job has no steps`);
  const steps = (job['steps'] as unknown[]).map((s, i) => table(s, `${file}: step ${i + 1}`));
  const withOf = (s: Table): Table => (isTable(s['with']) ? s['with'] : {});
  const uses = (s: Table, action: string): boolean => typeof s['uses'] === 'string' && s['uses'].startsWith(`${action}@`);
  const pathsOf = (s: Table): string[] =>
    text(withOf(s)['path'])
      .split('\n')
      .map((p) => p.trim())
      .filter((p) => p !== '');
  return {
    file,
    steps: steps.filter((s) => typeof s['run'] === 'string').map((s) => ({ line: (s['run'] as string).trim(), always: /!cancelled\(\)|always\(\)/.test(text(s['if'])) })),
    variables: stasisVariables(doc['env'], job['env']),
    artifacts: steps.filter((s) => uses(s, 'actions/upload-artifact')).flatMap(pathsOf),
    cached: steps.filter((s) => uses(s, 'actions/cache') || uses(s, 'actions/cache/restore')).flatMap(pathsOf),
  };
}

export async function readGitLabTemplate(): Promise<Template> {
  const file = TEMPLATE_FILES.gitlab;
  const doc = await readYaml(file);
  const jobs = Object.fromEntries(Object.entries(doc).filter(([k, v]) => !k.startsWith('.') && isTable(v) && v['script'] !== undefined));
  const job = onlyJob(jobs, file);
  const before = lines(job['before_script'], `${file}: before_script`);
  const script = lines(job['script'], `${file}: script`);
  const after = lines(job['after_script'], `${file}: after_script`);
  const artifacts = isTable(job['artifacts']) ? lines(job['artifacts']['paths'], `${file}: artifacts.paths`) : [];
  const caches = Array.isArray(job['cache']) ? job['cache'] : [job['cache']];
  return {
    file,
    steps: [...before, ...script].map((line) => ({ line, always: false })).concat(after.map((line) => ({ line, always: true }))),
    variables: stasisVariables(doc['variables'], job['variables']),
    artifacts,
    cached: caches.filter(isTable).flatMap((c) => lines(c['paths'], `${file}: cache.paths`)),
  };
}

/** The farm's steps of a template: from the line that makes the Stasis tree on (the runner's part is before it). */
export function farmSteps(template: Template): readonly TemplateStep[] {
  const first = template.steps.findIndex((s) => s.line === FIRST_FARM_STEP);
  if (first < 0) throw new Error(`${template.file}: no step runs \`${FIRST_FARM_STEP}\``);
  return template.steps.slice(first);
}
