import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkTarget, hostTargetProbe, signaturesOf, writeToTarget, type TargetProbe } from '../../farm/disk/install.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stasis-install-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The host's probe, with an image file standing in for a block device of its size. */
const asDisk = (file: string, more: Partial<TargetProbe> = {}): TargetProbe => ({
  ...hostTargetProbe,
  kind: (p) => (p === file ? Promise.resolve('block') : hostTargetProbe.kind(p)),
  size: () => Promise.resolve(64 * 1024 * 1024),
  mounts: () => Promise.resolve('proc /proc proc rw 0 0\n/dev/vda1 / ext4 rw 0 0\n'),
  swaps: () => Promise.resolve('Filename\tType\tSize\tUsed\tPriority\n'),
  holders: () => Promise.resolve([]),
  ...more,
});

describe('install: the guards before a byte is written', () => {
  it('refuses a target that does not exist, a regular file, and anything not a block device', async () => {
    await expect(checkTarget(join(dir, 'nope'), hostTargetProbe, { force: false, bytes: 1 })).rejects.toThrow(/does not exist/);
    const file = join(dir, 'disk.img');
    await writeFile(file, Buffer.alloc(4096));
    const refused = await checkTarget(file, hostTargetProbe, { force: false, bytes: 1 }).then(
      () => undefined,
      (error: unknown) => error as { code: string; message: string; hint: string },
    );
    expect(refused).toMatchObject({ code: 'INSTALL_REFUSED', hint: 'to make an image file, use stasis-farm disk --out FILE' });
    expect(refused?.message).toContain('is a regular file: install writes a whole disk');
    await expect(checkTarget(dir, hostTargetProbe, { force: false, bytes: 1 })).rejects.toThrow(/not a block device/);
  });

  it('refuses a disk with a mounted partition, a swap partition in use, a holder, or less room than the image', async () => {
    const file = join(dir, 'sdb');
    await writeFile(file, Buffer.alloc(70000));
    const mountedPart = `${file}2 /mnt ext4 rw 0 0\n`;
    await expect(checkTarget(file, asDisk(file, { mounts: () => Promise.resolve(mountedPart) }), { force: true, bytes: 1 })).rejects.toThrow(`${file}2 is mounted`);
    await expect(checkTarget(file, asDisk(file, { swaps: () => Promise.resolve(`Filename\n${file}3 partition 1 0 -2\n`) }), { force: true, bytes: 1 })).rejects.toThrow(
      /in use as swap/,
    );
    await expect(checkTarget(file, asDisk(file, { holders: () => Promise.resolve(['dm-0']) }), { force: true, bytes: 1 })).rejects.toThrow(/held by dm-0/);
    await expect(checkTarget(file, asDisk(file), { force: true, bytes: 128 * 1024 * 1024 })).rejects.toThrow(/is 64 MiB, the image 128 MiB/);
    // A name that only starts like the disk's is another disk.
    await expect(checkTarget(file, asDisk(file, { mounts: () => Promise.resolve(`${file}x1 /mnt ext4 rw 0 0\n`) }), { force: false, bytes: 1 })).resolves.toBe(file);
  });

  it('refuses a disk holding a partition table or filesystem unless --force', async () => {
    const file = join(dir, 'sdc');
    const head = Buffer.alloc(70000);
    head.writeUInt16LE(0xaa55, 510);
    head[0x1be + 4] = 0x83;
    head.writeUInt16LE(0xef53, 1080);
    await writeFile(file, head);
    await expect(checkTarget(file, asDisk(file), { force: false, bytes: 1 })).rejects.toThrow(/holds an MBR partition table \(1 partition\), an ext2\/3\/4 filesystem/);
    await expect(checkTarget(file, asDisk(file), { force: true, bytes: 1 })).resolves.toBe(file);
  });

  it('reads the signatures of what a disk holds', () => {
    const b = Buffer.alloc(0x10048);
    expect(signaturesOf(b)).toEqual([]);
    b.write('EFI PART', 512, 'latin1');
    b.write('SWAPSPACE2', 4086, 'latin1');
    b.write('_BHRfS_M', 0x10040, 'latin1');
    expect(signaturesOf(b)).toEqual(['a GPT partition table', 'a swap area', 'a btrfs filesystem']);
  });

  it('writes every byte of the image over what was there, and reads it back', async () => {
    const image = join(dir, 'stasis.img');
    const target = join(dir, 'sdd');
    const body = Buffer.alloc(9 * 1024 * 1024);
    body.write('STASIS', 5 * 1024 * 1024);
    await writeFile(image, body);
    await writeFile(target, Buffer.alloc(10 * 1024 * 1024, 0x5a));
    const sha = createHash('sha256').update(body).digest('hex');
    await writeToTarget(image, target, body.length, sha);
    const after = await readFile(target);
    expect(after.subarray(0, body.length).equals(body)).toBe(true);
    expect(after.subarray(body.length).every((x) => x === 0x5a)).toBe(true);
    await expect(writeToTarget(image, target, body.length, '0'.repeat(64))).rejects.toThrow(/reads back as sha256/);
  });
});
