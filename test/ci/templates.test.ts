import { execFile } from 'node:child_process';
import { access, mkdir, mkdtemp, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../farm/cli/args.js';
import { COMMANDS } from '../../farm/cli/commands.js';
import { takeGlobals } from '../../farm/cli/globals.js';
import type { CommandSpec } from '../../farm/cli/spec.js';
import { FARM_DIR, farmSteps, FIRST_FARM_STEP, readGitHubTemplate, readGitLabTemplate, TEMPLATE_FILES, type Template } from '../support/ci-templates.js';
import { REPO } from '../support/farm.js';

const exec = promisify(execFile);
const TREE = FIRST_FARM_STEP.replace(/^sh /, '');
const FARM_CLI = `node ${FARM_DIR}/bin/stasis-farm.js `;

/** The arguments a template line gives the farm's CLI, as the shell expands them with `variables`. */
async function farmArgs(line: string, variables: Readonly<Record<string, string>>): Promise<string[]> {
  const { stdout } = await exec('sh', ['-c', `node() { shift; printf '%s\\0' "$@"; }\n${line}`], { env: { PATH: process.env['PATH'] ?? '', ...variables } });
  return stdout.split('\0').slice(0, -1);
}

/** The spec of the command (or subcommand) `args` name, and the arguments it parses. */
function commandOf(args: readonly string[]): { spec: CommandSpec; rest: readonly string[] } {
  const { rest } = takeGlobals(args);
  const [name, ...more] = rest;
  const command = COMMANDS[name ?? ''];
  if (command === undefined) throw new Error(`no command ${name}`);
  if (command.kind === 'command') return { spec: command.spec, rest: more };
  const [sub, ...subArgs] = more;
  const leaf = command.subcommands[sub ?? ''];
  if (leaf === undefined) throw new Error(`no subcommand ${name} ${sub}`);
  return { spec: leaf.spec, rest: subArgs };
}

// The CI templates a user copies (ci/) run the same lines; test/container/ci-templates.container.test.ts
// runs them with Docker. This file catches a drift between the two, or a line the farm would refuse, in
// a second and without Docker.
describe('the CI templates', () => {
  let github: Template;
  let gitlab: Template;
  let gitlabScript: string[];
  beforeAll(async () => {
    [github, gitlab] = await Promise.all([readGitHubTemplate(), readGitLabTemplate()]);
    const doc = parse(await readFile(join(REPO, TEMPLATE_FILES.gitlab), 'utf8')) as { stasis: { script: string[] } };
    gitlabScript = doc.stasis.script.map((l) => l.trim());
  });

  it('run the same lines in the same order, the same of them after a failure too', () => {
    expect(github.steps.length).toBeGreaterThan(0);
    expect(github.steps).toEqual(gitlab.steps);
    // GitLab's sections say where the farm's part starts: its script begins with the line both split at.
    expect(gitlabScript[0]).toBe(FIRST_FARM_STEP);
    expect(
      farmSteps(gitlab)
        .filter((s) => !s.always)
        .map((s) => s.line),
    ).toEqual(gitlabScript);
  });

  it('have the same STASIS_* variables with the same defaults, and cache the mirror directory they name', () => {
    expect(github.variables).toEqual(gitlab.variables);
    expect(Object.keys(gitlab.variables).sort()).toEqual(['STASIS_FARM_REF', 'STASIS_FARM_REPO', 'STASIS_MIRROR_DIR', 'STASIS_PROFILE']);
    const mirror = gitlab.variables['STASIS_MIRROR_DIR'] as string;
    expect(gitlab.cached.map((p) => p.replace(/\/$/, ''))).toContain(mirror);
    expect(github.cached).toContain('${{ env.STASIS_MIRROR_DIR }}');
  });

  it('keep the same paths as artifacts', () => {
    expect([...github.artifacts].sort()).toEqual([...gitlab.artifacts].sort());
    expect(gitlab.artifacts).toContain('workspace-release-stage-b/dist/');
  });

  it('have lines that stand alone: no cd a later line would rely on (GitLab runs them in one shell, GitHub each in its own)', () => {
    for (const { line } of gitlab.steps) {
      const outsideSubshells = line.replace(/\([^()]*\)/g, '()');
      expect(outsideSubshells, line).not.toMatch(/(^|[;&|]\s*)(cd|export|pushd)\s/);
    }
  });

  it('name files of the farm checkout that exist', async () => {
    const named = gitlab.steps.flatMap(({ line }) => [...line.matchAll(new RegExp(`(?:^|\\s)${FARM_DIR}/([\\w./-]+\\.(?:js|sh))`, 'g'))].map((m) => m[1] as string));
    expect(named).toContain('bin/stasis-farm.js');
    for (const file of named) await expect(access(join(REPO, file)), file).resolves.toBeUndefined();
  });

  it('give the farm arguments its commands accept, with the default profile and with one', async () => {
    const commands = farmSteps(gitlab).filter((s) => s.line.startsWith(FARM_CLI));
    expect(commands.length).toBeGreaterThan(0);
    for (const profile of ['', 'tiny']) {
      for (const { line } of commands) {
        const args = await farmArgs(line, { ...gitlab.variables, STASIS_PROFILE: profile });
        const { spec, rest } = commandOf(args);
        expect(() => parseCommandArgs(spec, rest), line).not.toThrow();
        if (profile === '') expect(args, line).not.toContain('--profile');
        else if (args.includes('--profile')) expect(args[args.indexOf('--profile') + 1]).toBe(profile);
      }
    }
    const used = await Promise.all(commands.map(async ({ line }) => commandOf(await farmArgs(line, gitlab.variables)).spec.name));
    expect(used).toEqual(['image ensure', 'build', 'tests', 'release', 'report', 'mirror export']);
  });
});

describe('ci/tree.sh', () => {
  /** A farm checkout with two recipes, a profile and the example default.lua; a user repository beside it. */
  async function checkout(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'stasis-ci-'));
    const farm = join(dir, 'farm');
    for (const pkg of ['zlib', 'make']) {
      await mkdir(join(farm, 'system', pkg, 'files'), { recursive: true });
      await writeFile(join(farm, 'system', pkg, 'pkg.lua'), `-- the farm's ${pkg}\n`);
      await writeFile(join(farm, 'system', pkg, 'files', 'x'), 'x\n');
    }
    await mkdir(join(farm, 'profiles'), { recursive: true });
    await writeFile(join(farm, 'profiles', 'tiny.lua'), '-- the farm profile\n');
    await mkdir(join(farm, 'configs'), { recursive: true });
    await writeFile(join(farm, 'configs', 'default.lua.example'), '-- the example\n');
    await mkdir(join(farm, 'ci'));
    await writeFile(join(farm, 'ci', 'tree.sh'), await readFile(join(REPO, 'ci', 'tree.sh')));
    const repo = join(dir, 'repo');
    await mkdir(join(repo, 'system', 'zlib'), { recursive: true });
    await writeFile(join(repo, 'system', 'zlib', 'pkg.lua'), '-- my zlib\n');
    await symlink(farm, join(repo, FARM_DIR));
    return repo;
  }

  it('adds the recipes and profiles the repository lacks and the example default.lua; the repository’s own files win', async () => {
    const repo = await checkout();
    await writeFile(join(repo, 'config.lua'), '-- mine\n');
    await exec('sh', [TREE], { cwd: repo });
    expect(await readdir(join(repo, 'system'))).toEqual(['make', 'zlib']);
    expect(await readFile(join(repo, 'system', 'zlib', 'pkg.lua'), 'utf8')).toBe('-- my zlib\n');
    expect(await readFile(join(repo, 'system', 'make', 'files', 'x'), 'utf8')).toBe('x\n');
    expect(await readFile(join(repo, 'profiles', 'tiny.lua'), 'utf8')).toBe('-- the farm profile\n');
    expect(await readFile(join(repo, 'default.lua'), 'utf8')).toBe('-- the example\n');

    await writeFile(join(repo, 'default.lua'), '-- my defaults\n');
    await exec('sh', [TREE], { cwd: repo });
    expect(await readFile(join(repo, 'default.lua'), 'utf8')).toBe('-- my defaults\n');
  });

  it('refuses a directory without config.lua (exit 3, as CONFIG_MISSING), changing nothing', async () => {
    const repo = await checkout();
    const refused = await exec('sh', [TREE], { cwd: repo }).then(
      () => undefined,
      (error: { code?: unknown; stderr?: unknown }) => error,
    );
    expect(refused?.code).toBe(3);
    expect(String(refused?.stderr)).toMatch(/no config\.lua/);
    expect((await readdir(repo)).sort()).toEqual([FARM_DIR, 'system']);
  });
});
