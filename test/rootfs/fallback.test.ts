import { readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FarmError } from '../../farm/errors/index.js';
import { assembleRootfs } from '../../farm/rootfs/assemble.js';
import { fakePackage, makeWorkspace } from './package-fixture.js';

/** busybox's applet links, as its `make install` leaves them. */
const busybox = () =>
  fakePackage('busybox', [
    { path: 'usr', type: 'dir' },
    { path: 'usr/bin', type: 'dir' },
    { path: 'usr/bin/busybox', type: 'file', content: '\x7fELF busybox', mode: 0o755 },
    { path: 'usr/bin/hexdump', type: 'symlink', target: 'busybox' },
    { path: 'usr/bin/awk', type: 'symlink', target: 'busybox' },
    { path: 'usr/bin/vi', type: 'symlink', target: 'busybox' },
  ]);

describe('a fallback package gives way where another installs the same path', () => {
  it("util-linux's and gawk's programs replace busybox's applet links, in either build order; the other links stay", async () => {
    const utilLinux = await fakePackage('util-linux', [{ path: 'usr/bin/hexdump', type: 'file', content: '\x7fELF hexdump', mode: 0o755 }]);
    const gawk = await fakePackage('gawk', [{ path: 'usr/bin/awk', type: 'file', content: '\x7fELF gawk', mode: 0o755 }]);
    for (const order of [
      [{ ...(await busybox()), fallback: true }, utilLinux, gawk],
      [gawk, utilLinux, { ...(await busybox()), fallback: true }],
    ]) {
      const result = await assembleRootfs({ ...(await makeWorkspace()), packages: order });
      expect(await readFile(join(result.dir, 'usr/bin/hexdump'), 'utf8')).toBe('\x7fELF hexdump');
      expect(await readFile(join(result.dir, 'usr/bin/awk'), 'utf8')).toBe('\x7fELF gawk');
      expect(await readlink(join(result.dir, 'usr/bin/vi'))).toBe('busybox');
      const owner = (path: string) => result.entries.find((e) => e.path === path)?.package;
      expect([owner('usr/bin/hexdump'), owner('usr/bin/awk'), owner('usr/bin/vi')]).toEqual(['util-linux', 'gawk', 'busybox']);
    }
  });

  it('without the fallback, or between two fallbacks, the same paths are a conflict naming both packages', async () => {
    const utilLinux = await fakePackage('util-linux', [{ path: 'usr/bin/hexdump', type: 'file', content: '\x7fELF hexdump', mode: 0o755 }]);
    const toybox = await fakePackage('toybox', [{ path: 'usr/bin/hexdump', type: 'symlink', target: 'toybox' }]);
    for (const packages of [
      [await busybox(), utilLinux],
      [
        { ...(await busybox()), fallback: true },
        { ...toybox, fallback: true },
      ],
    ]) {
      const error = await assembleRootfs({ ...(await makeWorkspace()), packages }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(FarmError);
      expect((error as FarmError).message).toMatch(/usr\/bin\/hexdump: busybox and (util-linux|toybox)/);
    }
  });
});
