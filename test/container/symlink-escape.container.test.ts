import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { containerTierReady, makeRoot, runFarm } from '../support/farm.js';
import { makeScratch, snapshot } from '../support/scratch.js';

const ready = await containerTierReady();

/** A local package (no sources, no toolchain) whose build script is `script`. */
async function localPackage(root: string, name: string, script: string): Promise<void> {
  await mkdir(join(root, 'system', name));
  await writeFile(
    join(root, 'system', name, 'pkg.lua'),
    `return { name = "${name}", version = "1", description = "symlink escape probe", license = "0BSD",\n  sources = {}, toolchain = false,\n  build = [[\n${script}\n]] }\n`,
  );
}

async function profile(root: string, name: string, packages: readonly string[]): Promise<void> {
  await writeFile(join(root, 'profiles', `${name}.lua`), `return { description = "test", packages = { ${packages.map((p) => `"${p}"`).join(', ')} } }\n`);
}

// Issue 13, item 1: a package output's symlink made assembly write config.lua's files (and other
// packages' files) into a host directory, as root, with exit 0. The link target is only a string in
// the container; the attack happens when the farm assembles the rootfs on the host.
describe.skipIf(!ready)('a package symlink never makes the farm write outside the workspace', () => {
  let root: string;
  let scratch: string;
  /** From etc/ up past / (extra '..' stay at /), then down into the scratch directory. */
  const relativeTarget = (): string => `${'../'.repeat(16)}${scratch.slice(1)}`;
  beforeAll(async () => {
    root = await makeRoot();
    scratch = await makeScratch();
    await localPackage(root, 'evil-abs', `ln -s ${scratch} "$DESTDIR/etc"`);
    await localPackage(root, 'evil-rel', `mkdir -p "$DESTDIR/etc"\nln -s ${relativeTarget()} "$DESTDIR/etc/s6-rc"`);
    await profile(root, 'evil-abs', ['evil-abs']);
    await profile(root, 'evil-rel', ['evil-rel']);
  });

  it('an absolute symlink at etc: config.lua is not rendered into the host directory, now or from the cache', async () => {
    const before = await snapshot(scratch);
    for (const run of ['built', 'cached']) {
      const r = await runFarm(root, ['build', '--profile', 'evil-abs']);
      expect(r.code, `${run}: ${r.stderr.slice(-2000)}`).toBe(1);
      expect(r.stderr).toContain(`etc -> ${scratch}: symlink shipped by evil-abs; config.lua needs a directory there`);
      expect(await snapshot(scratch), run).toBe(before);
    }
  });

  it('a relative ../../.. symlink at etc/s6-rc: the s6-rc sources are not rendered into the host directory', async () => {
    const before = await snapshot(scratch);
    const r = await runFarm(root, ['build', '--profile', 'evil-rel']);
    expect(r.code, r.stderr.slice(-2000)).toBe(1);
    expect(r.stderr).toContain(`etc/s6-rc -> ${relativeTarget()}: symlink shipped by evil-rel; config.lua needs a directory there for etc/s6-rc`);
    expect(await snapshot(scratch)).toBe(before);
  });
});
