import { createHash } from 'node:crypto';
import { open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { FarmError } from '../errors/index.js';
import { mib } from './size.js';

/** What `install` asks the host about its target: injected, so that the guards are tested on files. */
export interface TargetProbe {
  /** The target with symlinks resolved (/dev/disk/by-id/... -> /dev/sdb); undefined when it does not exist. */
  resolve(path: string): Promise<string | undefined>;
  kind(path: string): Promise<'block' | 'file' | 'other'>;
  /** A block device's size in bytes. */
  size(path: string): Promise<number>;
  /** /proc/self/mounts and /proc/swaps. */
  mounts(): Promise<string>;
  swaps(): Promise<string>;
  /** Devices stacked on it (device-mapper, md): /sys/class/block/NAME/holders. */
  holders(path: string): Promise<string[]>;
  head(path: string, bytes: number): Promise<Buffer>;
}

/** The host's answers (Linux /proc and /sys). */
export const hostTargetProbe: TargetProbe = {
  resolve: (path) => realpath(path).catch(() => undefined),
  kind: async (path) => {
    const st = await stat(path);
    return st.isBlockDevice() ? 'block' : st.isFile() ? 'file' : 'other';
  },
  size: async (path) => Number((await readFile(`/sys/class/block/${basename(path)}/size`, 'utf8')).trim()) * 512,
  mounts: () => readFile('/proc/self/mounts', 'utf8').catch(() => ''),
  swaps: () => readFile('/proc/swaps', 'utf8').catch(() => ''),
  holders: (path) => readdir(`/sys/class/block/${basename(path)}/holders`).catch(() => []),
  head: async (path, bytes) => {
    const handle = await open(path, 'r');
    try {
      const buf = Buffer.alloc(bytes);
      const { bytesRead } = await handle.read(buf, 0, bytes, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  },
};

/** What the first 64 KiB of a device say it holds: partition tables and filesystem signatures. Pure. */
export function signaturesOf(head: Buffer): string[] {
  const found: string[] = [];
  const at = (offset: number, text: string): boolean => head.length >= offset + text.length && head.toString('latin1', offset, offset + text.length) === text;
  if (head.length >= 512 && head.readUInt16LE(510) === 0xaa55) {
    const used = [0, 1, 2, 3].filter((i) => head[0x1be + 16 * i + 4] !== 0).length;
    if (at(0x36, 'FAT') || at(0x52, 'FAT32')) found.push('a FAT filesystem');
    else if (used > 0) found.push(`an MBR partition table (${used} partition${used === 1 ? '' : 's'})`);
  }
  if (at(512, 'EFI PART')) found.push('a GPT partition table');
  if (head.length >= 1082 && head.readUInt16LE(1080) === 0xef53) found.push('an ext2/3/4 filesystem');
  if (at(4086, 'SWAPSPACE2') || at(4086, 'SWAP-SPACE')) found.push('a swap area');
  if (at(0x10040, '_BHRfS_M')) found.push('a btrfs filesystem');
  if (at(0, 'XFSB')) found.push('an XFS filesystem');
  if (at(0x8001, 'CD001')) found.push('an ISO 9660 filesystem');
  return found;
}

const refuse = (message: string, hint: string): FarmError => new FarmError('INSTALL_REFUSED', `install: ${message}`, { hint });

/** A line of mounts/swaps names the device or one of its partitions (sdb -> sdb1, nvme0n1 -> nvme0n1p1). */
const namesDevice = (text: string, device: string): string | undefined =>
  text
    .split('\n')
    .map((l) => l.split(/\s+/)[0] ?? '')
    .find((d) => d === device || (d.startsWith(device) && /^p?\d+$/.test(d.slice(device.length))));

/**
 * Every guard before a byte is written: the target exists and is a block device (a file is
 * refused: `disk --out` makes image files), nothing on it is mounted or used as swap or held by
 * another device, it is as large as the image, and it holds no partition table or filesystem
 * unless `force`. Returns the resolved device.
 */
export async function checkTarget(target: string, probe: TargetProbe, o: { readonly force: boolean; readonly bytes: number }): Promise<string> {
  const device = await probe.resolve(target);
  if (device === undefined) throw refuse(`${target} does not exist`, 'name the whole disk to install to, as lsblk lists it: /dev/sdX, /dev/nvmeXnY');
  const kind = await probe.kind(device);
  if (kind !== 'block') {
    throw refuse(
      `${target} is ${kind === 'file' ? 'a regular file' : 'not a block device'}: install writes a whole disk`,
      'to make an image file, use stasis-farm disk --out FILE',
    );
  }
  const mounted = namesDevice(await probe.mounts(), device);
  if (mounted !== undefined) throw refuse(`${mounted} is mounted`, `unmount everything on ${device} first (umount ${mounted})`);
  const swap = namesDevice(await probe.swaps(), device);
  if (swap !== undefined) throw refuse(`${swap} is in use as swap`, `swapoff ${swap} first`);
  const holders = await probe.holders(device);
  if (holders.length > 0) throw refuse(`${device} is held by ${holders.join(', ')} (device-mapper, RAID)`, 'stop what holds it first');
  const size = await probe.size(device);
  if (size < o.bytes) throw refuse(`${device} is ${mib(size)}, the image ${mib(o.bytes)}`, 'give a smaller --size');
  const held = signaturesOf(await probe.head(device, 0x10048));
  if (held.length > 0 && !o.force) {
    throw refuse(`${device} holds ${held.join(', ')}`, `everything on ${device} is lost by installing: pass --force if that is meant`);
  }
  return device;
}

/**
 * Copy the image to the device, every byte (zeros too: what was on the disk must not show
 * through), sync it, and read it back: the sha256 of what is on the device must be the image's.
 */
export async function writeToTarget(image: string, device: string, bytes: number, sha256: string): Promise<void> {
  const src = await open(image, 'r');
  const dst = await open(device, 'r+');
  try {
    const buf = Buffer.alloc(4 * 1024 * 1024);
    for (let at = 0; at < bytes;) {
      const { bytesRead } = await src.read(buf, 0, Math.min(buf.length, bytes - at), at);
      if (bytesRead === 0) throw new FarmError('DISK_FAILED', `install: ${image} ended at ${at} bytes, before ${bytes}`);
      await dst.write(buf, 0, bytesRead, at);
      at += bytesRead;
    }
    await dst.sync();
    const back = createHash('sha256');
    for (let at = 0; at < bytes;) {
      const { bytesRead } = await dst.read(buf, 0, Math.min(buf.length, bytes - at), at);
      if (bytesRead === 0) break;
      back.update(buf.subarray(0, bytesRead));
      at += bytesRead;
    }
    const got = back.digest('hex');
    if (got !== sha256)
      throw new FarmError('DISK_FAILED', `install: ${device} reads back as sha256 ${got}, the image is ${sha256}`, { hint: 'the device may be failing' });
  } finally {
    await src.close();
    await dst.close();
  }
}
