import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { farmSteps, readGitHubTemplate, readGitLabTemplate, type Template } from '../support/ci-templates.js';
import { containerTierReady } from '../support/farm.js';
import { FIXTURE_MS, sharedTinyRelease, type SharedCiRun } from '../support/shared.js';
import { xmlProblem } from '../support/xml.js';

const exec = promisify(execFile);
const ready = await containerTierReady();
const PACKAGES = ['busybox', 'make', 'musl', 'tcc'];

// The CI templates a user copies (ci/), run here: their farm steps, in order, in a runner's checkout of a
// repository that holds only config.lua, with STASIS_PROFILE=tiny and the source mirror a cache would
// restore. That run is the test run's shared tiny release (test/support/shared.ts), which trust and ddc
// take on; this file only looks at what the steps left, where the templates' artifacts and cache take it.
describe.skipIf(!ready)('the CI templates run here, line for line', () => {
  let tiny: SharedCiRun;
  let gitlab: Template;
  let github: Template;
  beforeAll(async () => {
    [gitlab, github] = await Promise.all([readGitLabTemplate(), readGitHubTemplate()]);
    tiny = await sharedTinyRelease();
  }, FIXTURE_MS);

  const out = (file: string): string => join(tiny.root, 'stasis-out', file);

  it('ran every farm step of both templates, in order, each with exit 0', () => {
    const lines = farmSteps(gitlab).map((s) => s.line);
    expect(farmSteps(github).map((s) => s.line)).toEqual(lines);
    expect(tiny.steps.map((s) => s.line)).toEqual(lines);
    for (const s of tiny.steps) expect(s.code, `${s.line}\n${s.stdout.slice(-3000)}${s.stderr.slice(-3000)}`).toBe(0);
  });

  it('wrote the three JUnit files, well-formed, with a passing case per package built and per package compared', async () => {
    for (const name of ['junit-build.xml', 'junit-tests.xml', 'junit-release.xml']) {
      const xml = await readFile(out(name), 'utf8');
      expect(xmlProblem(xml), name).toBeUndefined();
      expect(xml, name).toMatch(/<testsuites[^>]* failures="0" errors="0"/);
    }
    const build = await readFile(out('junit-build.xml'), 'utf8');
    const release = await readFile(out('junit-release.xml'), 'utf8');
    for (const pkg of PACKAGES) {
      expect(build).toContain(`name="${pkg}"`);
      expect(release).toContain(`name="${pkg}"`);
    }
  });

  it('wrote report.html, whose log links resolve inside the paths kept as artifacts', async () => {
    const html = await readFile(out('report.html'), 'utf8');
    expect(html.trimStart()).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain('<svg');
    const logs = [...html.matchAll(/href="(\.\.\/[^"]+)"/g)].map((m) => decodeURIComponent(m[1] as string));
    expect(logs.length).toBeGreaterThan(0);
    const kept = gitlab.artifacts.map((p) => p.replace(/\/$/, ''));
    for (const link of logs) {
      const file = join('stasis-out', link);
      expect(
        kept.some((p) => file.startsWith(`${p}/`)),
        `${file} is not among the artifacts ${kept.join(', ')}`,
      ).toBe(true);
      await expect(stat(join(tiny.root, file))).resolves.toBeDefined();
    }
  });

  it('left every path the templates keep as artifacts; the release there verifies against its SHA256SUMS', async () => {
    expect([...github.artifacts].sort()).toEqual([...gitlab.artifacts].sort());
    for (const path of gitlab.artifacts) expect((await stat(join(tiny.root, path))).isDirectory(), path).toBe(true);
    const dist = join(tiny.root, 'workspace-release-stage-b', 'dist');
    const sums = await exec('sha256sum', ['--check', '--strict', 'SHA256SUMS'], { cwd: dist });
    expect(sums.stdout).toMatch(/\.tar(\.\w+)?: OK/);
    expect(sums.stdout).toMatch(/manifest\.yaml: OK/);
  });

  it('left the cached mirror directory holding every source of the release, with its index', async () => {
    const mirror = join(tiny.root, gitlab.variables['STASIS_MIRROR_DIR'] as string);
    const index = parse(await readFile(join(mirror, 'index.yaml'), 'utf8')) as { packages: Record<string, { file: string }[]> };
    expect(Object.keys(index.packages).sort()).toEqual(PACKAGES);
    const sums = await exec('sha256sum', ['--check', '--strict', 'SHA256SUMS'], { cwd: mirror });
    expect(sums.stdout.trim().split('\n')).toHaveLength(Object.values(index.packages).flat().length);
  });
});
