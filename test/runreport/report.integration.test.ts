import { readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeLuaWorkers } from '../../farm/lua/index.js';
import { createFakeRuntime, type FakeFile, type FakeRuntime } from '../../farm/runtime/fake.js';
import { LABELS } from '../../farm/runtime/labels.js';
import { cli } from '../support/cli.js';
import { count, dumpDom, findChromium, PNG_MAGIC, screenshot } from '../support/chromium.js';
import { localRecipe, tinyRoot } from '../support/tiny-project.js';

// The run report as a person sees it: a release and a failing build made in-process by the CLI
// with the fake engine (recorded in workspace/runs as any run), `stasis-farm report` on them, and
// the page opened in headless Chromium.
const chromium = await findChromium('report page tests (headless Chromium)');
afterAll(closeLuaWorkers);

const BUILDER = 'stasis-builder:debian-musl';
const HOSTILE = '<img src=x onerror=alert(1)>';

/** base <- libx, liby <- app; tool alone. libx takes longest, so the critical path is base -> libx -> app. */
const RECIPES = {
  base: localRecipe('base', ', toolchain = false'),
  libx: localRecipe('libx', ', toolchain = false, build_deps = { "base" }'),
  liby: localRecipe('liby', ', toolchain = false, build_deps = { "base" }'),
  app: localRecipe('app', ', toolchain = false, build_deps = { "libx", "liby" }'),
  tool: localRecipe('tool', ', toolchain = false'),
};
const DELAY: Readonly<Record<string, number>> = { base: 150, libx: 450, liby: 150, app: 200, tool: 100 };

/** What each package installs; tool stamps its stage (A and B differ, accepted by an exclusion), app ships a setuid file with a hostile name. */
function installs(pkg: string, stage: string): Record<string, FakeFile> {
  const files: Record<string, FakeFile> = { [`usr/share/${pkg}/README`]: { content: `${pkg}\n` } };
  if (pkg === 'tool') files['usr/share/tool/stamp'] = { content: `${stage}\n` };
  if (pkg === 'app') files[`usr/bin/${HOSTILE}`] = { content: '#!/bin/sh\n', mode: 0o4755 };
  return files;
}

function engine(fail?: { pkg: string; output: string }): FakeRuntime {
  return createFakeRuntime(
    (ctx) => {
      const pkg = ctx.spec.labels[LABELS.pkg] ?? '?';
      if (pkg === fail?.pkg) return { exitCode: 2, output: fail.output, delayMs: 50 };
      return { delayMs: DELAY[pkg] ?? 10, dest: installs(pkg, ctx.spec.labels[LABELS.stage] ?? '?') };
    },
    { images: { [BUILDER]: { id: 'sha256:builder', labels: {}, env: [] } } },
  );
}

describe.skipIf(chromium === undefined)('stasis-farm report, opened in headless Chromium', () => {
  const browser = chromium as string;
  let root: string;
  let release: Awaited<ReturnType<typeof cli>>;

  beforeAll(async () => {
    root = await tinyRoot(RECIPES, `, builder = "${BUILDER}"`);
    await writeFile(join(root, 'exclusions.yaml'), '- { package: tool, path: usr/share/tool/stamp, reason: "stamped with its stage" }\n');
    const runtime = engine();
    release = await cli(root, ['release', '--profile', 'test', '--jobs', '2', '--exclusions', join(root, 'exclusions.yaml'), '--junit', 'junit.xml'], {}, () => runtime);
  });

  it('a release: a chart per stage with a bar per built package, slots, the critical path, the comparison and the audit', async () => {
    // The audit of stage B finds the setuid file: the release fails, after building and comparing every stage.
    expect(release.code, release.err + release.out).toBe(1);
    expect(release.out).toMatch(/the audit of stage B found 1 problem/);
    expect(await readdir(join(root, 'workspace', 'runs'))).toEqual([expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d-]+\.\d{3}Z-release-\d+\.jsonl$/)]);

    const r = await cli(root, ['report']);
    expect(r.code, r.err).toBe(0);
    const page = join(root, 'workspace', 'report.html');
    expect(r.out).toContain(page);
    expect(await readFile(page, 'utf8')).not.toMatch(/<script|<link|src="http|href="http/);

    const dom = await dumpDom(browser, page);
    const charts = [...dom.matchAll(/<svg [^>]*class="gantt" data-stage="(\w+)"[\s\S]*?<\/svg>/g)];
    expect(charts.map((m) => m[1])).toEqual(['dev', 'a', 'b']);
    for (const [chart] of charts) {
      // Every package built in every stage (a release builds A and B from scratch; dev's cache was empty).
      expect(count(chart, /<rect class="bar built[ "]/)).toBe(5);
      // libx and liby build at once: two slots.
      expect(chart).toContain('>slot 2<');
      expect(chart).not.toContain('>slot 3<');
      expect([...chart.matchAll(/<rect class="bar built critical" data-pkg="(\w+)"/g)].map((m) => m[1]).sort()).toEqual(['app', 'base', 'libx']);
    }
    expect(count(dom, /<span class="critical-path">base → libx → app<\/span>/)).toBe(3);

    const compare = /<table class="compare" data-a="stage A" data-b="stage B">([\s\S]*?)<\/table>/.exec(dom)?.[1] ?? '';
    expect([...compare.matchAll(/<tr class="(\w+)" data-pkg="(\w+)">/g)].map((m) => `${m[2]} ${m[1]}`)).toEqual([
      'app identical',
      'base identical',
      'libx identical',
      'liby identical',
      'tool excluded',
    ]);
    expect(compare).toContain('stamped with its stage');

    // The audit's finding names the hostile file as text: no element came of it.
    const findings = /<table class="findings">([\s\S]*?)<\/table>/.exec(dom)?.[1] ?? '';
    expect(findings).toContain('setuid');
    expect(findings).toContain('/usr/bin/&lt;img src=x onerror=alert(1)&gt;');
    expect(dom).not.toMatch(/<img/i);

    // Logs are linked relative to the page, and are there.
    expect(dom).toContain('<a href="logs/app.log">app.log</a>');
    expect(dom).toContain('<a href="../workspace-release-stage-b/logs/app.log">app.log</a>');
    expect(await readFile(join(root, 'workspace-release-stage-b', 'logs', 'app.log'), 'utf8')).toBeDefined();

    const png = join(tmpdir(), 'stasis-report-release.png');
    const shot = await screenshot(browser, page, png, 1100, 2600);
    expect(shot.length).toBeGreaterThan(10_000);
    expect(shot.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
    console.info(`report screenshot: ${png} (${shot.length} bytes; STASIS_KEEP_TMP=1 keeps it after the run)`);
  });

  it("the release's --junit file is XML Chromium reads, a case per package and stage, per compared package, per audit rule", async () => {
    const xml = await readFile(join(root, 'junit.xml'), 'utf8');
    const dom = await dumpDom(browser, join(root, 'junit.xml'));
    expect(dom).not.toMatch(/This page contains the following errors|error on line/);
    expect([...xml.matchAll(/<testsuite name="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'build dev',
      'build stage A',
      'build stage B',
      'compare stage A vs stage B',
      'audit stage B',
    ]);
    expect(count(xml, /<testcase classname="build\.(dev|a|b)"/)).toBe(15);
    expect(count(xml, /<testcase classname="compare"/)).toBe(5);
    expect(xml).toMatch(
      /<testcase classname="audit" name="setuid">\s*<failure type="AUDIT_FAILED" message="1 finding\(s\) in stage B">\/usr\/bin\/&lt;img src=x onerror=alert\(1\)&gt; \(app\): setuid file<\/failure>/,
    );
    expect(xml).toMatch(/<testsuites name="stasis-farm release" tests="\d+" failures="1" errors="0" skipped="0"/);
  });

  it('a failed build: its bar and its log tail, escaped; the JUnit failure carries the tail', async () => {
    const other = await tinyRoot(RECIPES, `, builder = "${BUILDER}"`);
    const runtime = engine({ pkg: 'libx', output: `compiling\n</pre><script>alert("x")</script> & more\n` });
    const built = await cli(other, ['build', '--profile', 'test', '--jobs', '2', '--keep-going', '--junit', 'junit.xml'], {}, () => runtime);
    expect(built.code).toBe(1);
    const page = join(other, 'report.html');
    expect((await cli(other, ['report', '--out', 'report.html'])).code).toBe(0);

    const dom = await dumpDom(browser, page);
    expect(count(dom, /<rect class="bar failed[ "]/)).toBe(1);
    expect(count(dom, /<rect class="bar built[ "]/)).toBe(3);
    expect(dom).toContain('&lt;/pre&gt;&lt;script&gt;alert("x")&lt;/script&gt; &amp; more');
    expect(dom).not.toMatch(/<script/);
    expect(dom).toContain('<a href="workspace/logs/libx.log">libx.log</a>');
    // app needed libx: skipped, no bar.
    expect(dom).toMatch(/<tr class="skipped" data-pkg="app">/);

    const xml = await readFile(join(other, 'junit.xml'), 'utf8');
    expect(xml).toContain('&lt;/pre&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(xml).toMatch(/<testcase classname="build\.dev" name="app">\s*<skipped message="dependency libx failed"\/>/);
    expect(await dumpDom(browser, join(other, 'junit.xml'))).not.toMatch(/This page contains the following errors/);
  });
});
