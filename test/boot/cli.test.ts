import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

describe('stasis-farm boot: arguments', () => {
  it('is documented with its exit codes', async () => {
    const r = await cli(tmpdir(), ['--help']);
    expect(r.out).toMatch(/boot \[ROOTFS\|TARBALL\] \[--kernel FILE\] \[--timeout S\]/);
    for (const code of [10, 11, 12, 13, 14, 15]) expect(r.out).toMatch(new RegExp(`\\n  ${code}\\s+boot: `));
  });

  it('refuses bad arguments with exit 2 and says why', async () => {
    const root = await mkdtemp(join(tmpdir(), 'boot-cli-'));
    expect((await cli(root, ['boot', 'a', 'b'])).err).toMatch(/boot: unexpected argument "b" \(usage: stasis-farm boot \[ROOTFS\|TARBALL\] \[options\]\)/);
    expect((await cli(root, ['boot', '--timeout', 'soon'])).code).toBe(2);
    expect((await cli(root, ['boot', '--frobnicate'])).code).toBe(2);
    const none = await cli(root, ['boot']);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/workspace\/preview does not exist/);
    expect(none.err).toMatch(/stasis-farm build/);
    await mkdir(join(root, 'tree'));
    const bare = await cli(root, ['boot', 'tree']);
    expect(bare.code).toBe(2);
    expect(bare.err).toMatch(/no farm manifest/);
  });

  it('a missing qemu or a file that is not a bzImage has its own exit code, in --json too', async () => {
    const root = await mkdtemp(join(tmpdir(), 'boot-cli-'));
    await mkdir(join(root, 'tree'));
    await writeFile(join(root, 'tree.manifest.json'), JSON.stringify([]));
    await writeFile(join(root, 'kernel'), 'not a kernel');
    const noQemu = await cli(root, ['boot', 'tree', '--kernel', 'kernel'], { PATH: '/nonexistent' });
    expect(noQemu.code).toBe(14);
    expect(noQemu.err).toMatch(/apt-get install qemu-system-x86/);
    await mkdir(join(root, 'bin'));
    await writeFile(join(root, 'bin', 'qemu-system-x86_64'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    const badKernel = await cli(root, ['--json', 'boot', 'tree', '--kernel', 'kernel'], { PATH: join(root, 'bin') });
    expect(badKernel.code).toBe(15);
    expect(JSON.parse(badKernel.out)).toMatchObject({ exit_code: 15, verdict: { kind: 'kernel-missing', reason: /not a bzImage/ } });
  });
});
