import { lstat, mkdtemp, readFile, readlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FarmError } from '../../farm/errors/index.js';
import { assembleRootfs } from '../../farm/rootfs/assemble.js';
import type { RenderedFile } from '../../farm/rootfs/render.js';
import { extractTar } from '../../farm/tar/index.js';
import { makeScratch, snapshot } from '../support/scratch.js';
import { fakePackage, makeWorkspace, writeOutputTar } from './package-fixture.js';

/** What config.lua renders in every system: accounts under etc/, a private root home. */
const RENDERED: RenderedFile[] = [
  { path: 'etc', type: 'dir', mode: 0o755 },
  { path: 'etc/hostname', type: 'file', mode: 0o644, content: 'stasis\n' },
  { path: 'etc/passwd', type: 'file', mode: 0o644, content: 'root:x:0:0:root:/root:/bin/sh\n' },
  { path: 'etc/shadow', type: 'file', mode: 0o600, content: 'root:!:0:0:99999:7:::\n' },
  { path: 'root', type: 'dir', mode: 0o700 },
];

/** Assembly must fail naming every part, and leave the scratch directory exactly as it was. */
async function expectRefused(
  packages: Awaited<ReturnType<typeof fakePackage>>[],
  scratch: string,
  named: readonly string[],
  rendered: readonly RenderedFile[] = [],
): Promise<void> {
  const before = await snapshot(scratch);
  const error = await assembleRootfs({ ...(await makeWorkspace()), packages, rendered }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(await snapshot(scratch)).toBe(before);
  expect(error).toBeInstanceOf(FarmError);
  expect((error as FarmError).code).toBe('BUILD_FAILED');
  for (const word of named) expect((error as FarmError).message).toContain(word);
  expect((error as FarmError).hint).toMatch(/symlink/);
}

describe('assembly never writes through a symlink a package shipped', () => {
  it("an absolute symlink to a host directory: another package's files are not written there", async () => {
    const scratch = await makeScratch();
    const evil = await fakePackage('evil-abs', [{ path: 'opt', type: 'symlink', target: scratch }]);
    const victim = await fakePackage('victim', [
      { path: 'opt', type: 'dir' },
      { path: 'opt/secret', type: 'file', content: 'overwritten\n', mode: 0o777 },
    ]);
    const other = await fakePackage('other', [{ path: 'opt/other', type: 'file', content: 'x\n' }]);
    await expectRefused([evil, other], scratch, ['evil-abs', 'opt', 'other', 'opt/other']);
    await expectRefused([evil, victim], scratch, ['evil-abs', 'opt', 'victim']);
  });

  it('a relative ../../.. symlink that leaves the tree: no file lands in the host directory', async () => {
    const scratch = await makeScratch();
    const evil = await fakePackage('evil-rel', [
      { path: 'usr', type: 'dir' },
      { path: 'usr/share', type: 'symlink', target: `${'../'.repeat(24)}${scratch.slice(1)}` },
    ]);
    const docs = await fakePackage('docs', [
      { path: 'usr/share/doc', type: 'dir' },
      { path: 'usr/share/doc/README', type: 'file', content: 'hello\n' },
    ]);
    await expectRefused([evil, docs], scratch, ['evil-rel', 'usr/share', 'docs', 'usr/share/doc']);
  });

  it("config.lua files are not rendered through a package's etc symlink", async () => {
    const scratch = await makeScratch();
    const evil = await fakePackage('evil-etc', [{ path: 'etc', type: 'symlink', target: scratch }]);
    await expectRefused([evil], scratch, ['evil-etc', 'etc', 'config.lua'], RENDERED);
  });

  it('a symlink where config.lua renders a directory is not chmod-ed through', async () => {
    const scratch = await makeScratch();
    const evil = await fakePackage('evil-root', [{ path: 'root', type: 'symlink', target: scratch }]);
    await expectRefused([evil], scratch, ['evil-root', 'root', 'config.lua'], RENDERED);
  });

  it("a hardlink whose source sits under another package's symlink is refused", async () => {
    const scratch = await makeScratch();
    const evil = await fakePackage('evil-lib', [{ path: 'lib', type: 'symlink', target: scratch }]);
    const thief = await fakePackage('thief', [
      { path: 'lib/secret', type: 'file', content: 'host data\n', mode: 0o640 },
      { path: 'copy', type: 'hardlink', target: 'lib/secret' },
    ]);
    await expectRefused([evil, thief], scratch, ['evil-lib', 'lib', 'thief', 'lib/secret']);
  });

  it('legitimate symlinks stay: var/run -> ../run, etc/os-release, usr/bin/cc -> tcc, config files beside them', async () => {
    const layout = await fakePackage('rootfs-layout', [
      { path: 'etc', type: 'dir' },
      { path: 'run', type: 'dir' },
      { path: 'usr', type: 'dir' },
      { path: 'usr/bin', type: 'dir' },
      { path: 'usr/lib', type: 'dir' },
      { path: 'usr/lib/os-release', type: 'file', content: 'NAME="Stasis"\n' },
      { path: 'etc/os-release', type: 'symlink', target: '../usr/lib/os-release' },
      { path: 'var', type: 'dir' },
      { path: 'var/run', type: 'symlink', target: '../run' },
    ]);
    const tcc = await fakePackage('tcc', [
      { path: 'usr/bin/tcc', type: 'file', content: '\x7fELF', mode: 0o755 },
      { path: 'usr/bin/cc', type: 'symlink', target: 'tcc' },
      { path: 'usr/bin/tcc-hard', type: 'hardlink', target: 'usr/bin/tcc' },
    ]);
    const ws = await makeWorkspace();
    const result = await assembleRootfs({ ...ws, packages: [layout, tcc], rendered: RENDERED });
    expect(await readlink(join(result.dir, 'var/run'))).toBe('../run');
    expect(await readFile(join(result.dir, 'etc/os-release'), 'utf8')).toBe('NAME="Stasis"\n');
    expect(await readlink(join(result.dir, 'usr/bin/cc'))).toBe('tcc');
    expect((await lstat(join(result.dir, 'usr/bin/tcc'))).nlink).toBe(2);
    expect(((await lstat(join(result.dir, 'etc/shadow'))).mode & 0o777).toString(8)).toBe('600');
    expect(((await lstat(join(result.dir, 'root'))).mode & 0o777).toString(8)).toBe('700');
  });
});

describe('extractTar resolves every name beneath its directory', () => {
  /** Extract one crafted tar; it must be refused, the scratch directory untouched. */
  async function expectExtractRefused(entries: Parameters<typeof writeOutputTar>[1], scratch: string, named: readonly string[]): Promise<void> {
    const dir = await mkdtemp(join(tmpdir(), 'stasis-extract-'));
    const tar = join(dir, 'output.tar');
    await writeOutputTar(tar, entries);
    const before = await snapshot(scratch);
    const error = await extractTar(tar, join(dir, 'root')).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(await snapshot(scratch)).toBe(before);
    expect(error).toBeInstanceOf(FarmError);
    for (const word of named) expect((error as FarmError).message).toContain(word);
  }

  it('a directory entry over a symlink: its mode is not applied to the link target', async () => {
    const scratch = await makeScratch();
    await expectExtractRefused(
      [
        { path: 'd', type: 'symlink', target: scratch },
        { path: 'd', type: 'dir', mode: 0o777 },
      ],
      scratch,
      ['"d"', 'symlink'],
    );
  });

  it('a file entry over a symlink replaces the link, never the file it points to', async () => {
    const scratch = await makeScratch();
    const dir = await mkdtemp(join(tmpdir(), 'stasis-extract-'));
    const tar = join(dir, 'output.tar');
    await writeOutputTar(tar, [
      { path: 'f', type: 'symlink', target: join(scratch, 'secret') },
      { path: 'f', type: 'file', content: 'mine\n', mode: 0o777 },
    ]);
    const before = await snapshot(scratch);
    await extractTar(tar, join(dir, 'root'));
    expect(await snapshot(scratch)).toBe(before);
    expect((await lstat(join(dir, 'root', 'f'))).isFile()).toBe(true);
    expect(await readFile(join(dir, 'root', 'f'), 'utf8')).toBe('mine\n');
  });

  it('a hardlink whose name runs through a symlinked parent does not land in the host directory', async () => {
    const scratch = await makeScratch();
    await expectExtractRefused(
      [
        { path: 'lnk', type: 'symlink', target: scratch },
        { path: 'a', type: 'file', content: 'rootfs file\n' },
        { path: 'lnk/a2', type: 'hardlink', target: 'a' },
      ],
      scratch,
      ['lnk/a2', 'lnk'],
    );
  });
});
