import { execFileSync, spawnSync } from 'node:child_process';
import { chmod, copyFile, link, mkdir, mkdtemp, readFile, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { STRIP_SCRIPT, stripStep, STRIP_HELPER_PATH } from '../../farm/pkgbuild/strip.js';

// The strip step run by the host's shell on real ELF files: the integration tier.
/** The host's compiler and strip make real ELF files; busybox (when present) is the stage-like shell. */
const which = (tool: string): string | undefined => {
  const r = spawnSync('/bin/sh', ['-c', `command -v ${tool}`]);
  return r.status === 0 ? r.stdout.toString().trim() : undefined;
};
const CC = which('cc');
const STRIP = which('strip');
const BUSYBOX = which('busybox');
const hasTools = CC !== undefined && STRIP !== undefined;
if (!hasTools) console.warn('strip.test: no cc or strip on this host: the strip step is not exercised');

let dir: string;
beforeAll(async () => {
  if (!hasTools) return;
  dir = await mkdtemp(join(tmpdir(), 'strip-'));
  await writeFile(join(dir, 'a.c'), 'int f(void){return 1;}\nint main(void){return f()-1;}\n');
  execFileSync('cc', ['-g', '-c', 'a.c', '-o', 'a.o'], { cwd: dir });
  execFileSync('cc', ['-g', 'a.c', '-o', 'exe'], { cwd: dir });
  execFileSync('cc', ['-g', '-shared', '-fPIC', 'a.c', '-o', 'libx.so.1'], { cwd: dir });
  execFileSync('ar', ['rc', 'liba.a', 'a.o'], { cwd: dir });
});

/** A $DESTDIR with an executable (hard-linked, read-only, and a symlink to it), objects, a library, a script. */
async function dest(name: string): Promise<string> {
  const d = join(dir, name, 'dest');
  await mkdir(join(d, 'usr/bin'), { recursive: true });
  await mkdir(join(d, 'usr/lib'), { recursive: true });
  await mkdir(join(dir, name, 'home'), { recursive: true });
  await copyFile(join(dir, 'exe'), join(d, 'usr/bin/prog'));
  await chmod(join(d, 'usr/bin/prog'), 0o555);
  await link(join(d, 'usr/bin/prog'), join(d, 'usr/bin/prog2'));
  await symlink('prog', join(d, 'usr/bin/link'));
  for (const f of ['a.o', 'liba.a', 'libx.so.1']) await copyFile(join(dir, f), join(d, 'usr/lib', f));
  await writeFile(join(d, 'usr/bin/script'), '#!/bin/sh\necho \x7fELF\n');
  return d;
}

/** Run the strip step as run.sh does, with `shell` for /bin/sh and PATH limited to `path`. */
async function runStep(name: string, shell: string, path: string): Promise<{ out: string; dest: string }> {
  const d = await dest(name);
  const helper = join(dir, name, 'strip.sh');
  await writeFile(helper, STRIP_SCRIPT.replaceAll('/bin/sh', shell));
  const step = stripStep().join('\n').replaceAll(STRIP_HELPER_PATH, helper).replaceAll('/bin/sh', shell);
  const out = execFileSync(shell, ['-c', step], { env: { PATH: path, DESTDIR: d, HOME: join(dir, name, 'home') } }).toString();
  return { out, dest: d };
}

const sectionsOf = (file: string): string => execFileSync('readelf', ['-S', '-W', file]).toString();

describe.runIf(hasTools)('the strip step', () => {
  it('strips executables and shared objects, keeps link symbols of objects and archives, leaves the rest alone', async () => {
    const { out, dest: d } = await runStep('sh', '/bin/sh', process.env['PATH'] ?? '/usr/bin:/bin');
    expect(out).toBe('stasis-farm: stripped 4 ELF file(s) and archive(s) with strip\n');
    expect(sectionsOf(join(d, 'usr/bin/prog'))).not.toContain('.symtab');
    expect(sectionsOf(join(d, 'usr/lib/libx.so.1'))).not.toContain('.symtab');
    const obj = sectionsOf(join(d, 'usr/lib/a.o'));
    expect(obj).toContain('.symtab');
    expect(obj).not.toContain('.debug_info');
    expect(sectionsOf(join(dir, 'a.o'))).toContain('.debug_info');
    expect(execFileSync('nm', [join(d, 'usr/lib/liba.a')]).toString()).toMatch(/ T main/);
    expect(sectionsOf(join(d, 'usr/lib/liba.a'))).not.toContain('.debug_info');
    // Hard links stay one inode, modes stay, the symlink stays a symlink, the script is untouched.
    const [p1, p2] = await Promise.all([stat(join(d, 'usr/bin/prog')), stat(join(d, 'usr/bin/prog2'))]);
    expect(p1.ino).toBe(p2.ino);
    expect(p1.nlink).toBe(2);
    expect(p1.mode & 0o7777).toBe(0o555);
    expect((await readdir(join(d, 'usr/bin'), { withFileTypes: true })).find((e) => e.name === 'link')?.isSymbolicLink()).toBe(true);
    expect(await readFile(join(d, 'usr/bin/script'), 'utf8')).toBe('#!/bin/sh\necho \x7fELF\n');
    // Nothing of the helper's scratch state is left behind.
    expect(existsSync(join(dir, 'sh', 'home', '.stasis-strip'))).toBe(false);
  });

  it('is deterministic: two runs give the same bytes', async () => {
    const a = await runStep('det-a', '/bin/sh', process.env['PATH'] ?? '/usr/bin:/bin');
    const b = await runStep('det-b', '/bin/sh', process.env['PATH'] ?? '/usr/bin:/bin');
    for (const f of ['usr/bin/prog', 'usr/lib/a.o', 'usr/lib/liba.a', 'usr/lib/libx.so.1']) {
      expect((await readFile(join(a.dest, f))).equals(await readFile(join(b.dest, f)))).toBe(true);
    }
  });

  describe.runIf(BUSYBOX !== undefined)('under busybox alone (a tcc+busybox stage)', () => {
    const applets = async (name: string, withStrip: boolean): Promise<string> => {
      const bin = join(dir, `${name}-bin`);
      await mkdir(bin, { recursive: true });
      for (const applet of execFileSync(BUSYBOX as string, ['--list'])
        .toString()
        .trim()
        .split('\n'))
        await symlink(BUSYBOX as string, join(bin, applet));
      if (withStrip) await symlink(STRIP as string, join(bin, 'strip'));
      return bin;
    };

    it('strips with busybox sh, od, find and awk', async () => {
      const bin = await applets('bb', true);
      const { out, dest: d } = await runStep('bb', join(bin, 'sh'), bin);
      expect(out).toBe('stasis-farm: stripped 4 ELF file(s) and archive(s) with strip\n');
      expect(sectionsOf(join(d, 'usr/bin/prog'))).not.toContain('.symtab');
      expect((await stat(join(d, 'usr/bin/prog2'))).nlink).toBe(2);
    });

    it('says in one line that binaries keep their symbols when there is no strip', async () => {
      const bin = await applets('bb-nostrip', false);
      const { out, dest: d } = await runStep('bb-nostrip', join(bin, 'sh'), bin);
      expect(out).toBe('stasis-farm: no strip on PATH: binaries keep their symbols\n');
      expect(sectionsOf(join(d, 'usr/bin/prog'))).toContain('.symtab');
    });
  });
});
