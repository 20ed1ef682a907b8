import { chmod, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeLuaWorkers } from '../../farm/lua/index.js';
import { readNewestRun } from '../../farm/runs/index.js';
import { cli, engineDown } from '../support/cli.js';
import { fakeRuntime, localRecipe, tinyRoot } from '../support/tiny-project.js';
import { xmlProblem } from '../support/xml.js';

afterAll(closeLuaWorkers);

describe('the CLI records build runs and reports them', () => {
  it('build records its run in workspace/runs; report makes a page of it', async () => {
    const root = await tinyRoot({ zlib: localRecipe('zlib'), lua: localRecipe('lua', ', build_deps = { "zlib" }') });
    const runtime = fakeRuntime(() => ({ dest: { 'usr/share/x': 'x' }, output: 'compiling\n' }));
    const built = await cli(root, ['build', '--profile', 'test', '--builder', 'builder', '--junit', 'out/junit.xml'], {}, () => runtime);
    expect(built.code, built.err).toBe(0);
    const record = await readNewestRun(join(root, 'workspace', 'runs'));
    expect(record.start).toMatchObject({ command: 'build', args: { positionals: [], options: { profile: 'test', builder: 'builder', junit: 'out/junit.xml' } }, root });
    expect(record.end).toMatchObject({ exitCode: 0 });
    expect(record.unreadable).toBe(0);
    const types = record.events.map((e) => e.type);
    expect(types).toContain('plan');
    // Build output stays in the logs.
    expect(types).not.toContain('build-output');
    expect(record.events.find((e) => e.type === 'plan')).toMatchObject({ waitsFor: { zlib: [], lua: ['zlib'] } });
    expect(record.events.find((e) => e.type === 'build-start')).toMatchObject({ pkg: 'zlib', log: join(root, 'workspace', 'logs', 'zlib.log') });

    const xml = await readFile(join(root, 'out', 'junit.xml'), 'utf8');
    expect(xmlProblem(xml)).toBeUndefined();
    expect(xml).toMatch(/<testsuites name="stasis-farm build" tests="2" failures="0" errors="0" skipped="0"/);

    const r = await cli(root, ['report']);
    expect(r.code, r.err).toBe(0);
    const page = await readFile(join(root, 'workspace', 'report.html'), 'utf8');
    expect(page.match(/<rect class="bar built/g)).toHaveLength(2);
    expect(page).toContain('Critical path: <span class="critical-path">zlib → lua</span>');
    expect(page).toContain('<a href="logs/zlib.log">zlib.log</a>');
  });

  it('a build that fails before it builds anything: the record ends with the error, and so does --junit', async () => {
    const root = await tinyRoot({ zlib: localRecipe('zlib') });
    const r = await cli(root, ['build', '--profile', 'test', '--junit', 'junit.xml'], {}, engineDown);
    expect(r.code).toBe(5);
    const record = await readNewestRun(join(root, 'workspace', 'runs'));
    expect(record.end).toMatchObject({ exitCode: 5, error: { code: 'ENGINE_UNAVAILABLE', message: 'fake engine is down' } });
    // A usage error ends the run before its first event: no record.
    const other = await tinyRoot({ zlib: localRecipe('zlib') });
    expect((await cli(other, ['build', 'zlib', '--profile', 'test'])).code).toBe(2);
    expect(await readdir(join(other, 'workspace')).catch(() => [])).not.toContain('runs');
    const xml = await readFile(join(root, 'junit.xml'), 'utf8');
    expect(xmlProblem(xml)).toBeUndefined();
    expect(xml).toMatch(/<testcase classname="stasis-farm" name="build">\s*<error type="ENGINE_UNAVAILABLE" message="fake engine is down">/);
  });

  it('report without a recorded run, or with a file that is none, is a usage error naming it', async () => {
    const root = await mkdtemp(join(tmpdir(), 'report-'));
    const none = await cli(root, ['report']);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/no recorded run in .*workspace\/runs\nhint: stasis-farm build or stasis-farm release records its run there/);
    await writeFile(join(root, 'x.jsonl'), 'hello\n');
    expect((await cli(root, ['report', '--run', 'x.jsonl'])).err).toMatch(/x\.jsonl: not a run record/);
  });

  it('tests --junit: a case per audit rule, the findings a failure', async () => {
    const root = await mkdtemp(join(tmpdir(), 'tests-junit-'));
    await mkdir(join(root, 'rootfs', 'usr', 'bin'), { recursive: true });
    await writeFile(join(root, 'rootfs', 'usr', 'bin', 'su'), '#!/bin/sh\n');
    await chmod(join(root, 'rootfs', 'usr', 'bin', 'su'), 0o4755);
    const r = await cli(root, ['tests', 'rootfs', '--junit', 'junit.xml']);
    expect(r.code).toBe(1);
    const xml = await readFile(join(root, 'junit.xml'), 'utf8');
    expect(xmlProblem(xml)).toBeUndefined();
    expect(xml).toMatch(/<testsuite name="audit rootfs" tests="\d+" failures="1"/);
    expect(xml).toMatch(
      /<testcase classname="audit" name="setuid">\s*<failure type="AUDIT_FAILED" message="1 finding\(s\) in rootfs">\/usr\/bin\/su: setuid file<\/failure>/,
    );
    expect(xml).toMatch(/<testcase classname="audit" name="elf-dynamic"\/>/);
  });
});
