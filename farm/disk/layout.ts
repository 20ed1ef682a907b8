import { FarmError } from '../errors/index.js';
import type { FstabLine } from './fstab.js';
import { derivedDiskId, derivedUuid, UUID } from './ids.js';
import { mib, MIB, roundUpTo } from './size.js';

export type Role = 'boot' | 'swap' | 'root';

/** What a filesystem must hold: bytes in blocks, and how many inodes. */
export interface FsNeed {
  readonly bytes: number;
  readonly inodes: number;
}

export interface Partition {
  /** 1-4: the MBR slot, and N in /dev/sdaN. */
  readonly number: number;
  readonly role: Role;
  /** As fstab names it. */
  readonly device: string;
  /** ext2/ext3/ext4 or swap. */
  readonly type: string;
  readonly uuid: string;
  readonly label: string | undefined;
  readonly start: number;
  readonly size: number;
  readonly bootable: boolean;
}

export interface DiskLayout {
  readonly bytes: number;
  readonly diskId: number;
  readonly partitions: readonly Partition[];
}

export interface LayoutInput {
  /** The image's etc/fstab, rendered from config.lua's `filesystem`. */
  readonly fstab: readonly FstabLine[];
  readonly size: number;
  readonly bootSize?: number | undefined;
  readonly swapSize?: number | undefined;
  readonly need: { readonly root: FsNeed; readonly boot?: FsNeed | undefined };
  /** Hex digest of what goes on the disk: the filesystem UUIDs and disk id derive from it. */
  readonly seed: string;
}

/** Bytes per inode the filesystems are made with (mke2fs -i). */
export const BYTES_PER_INODE = 16384;
export const DEFAULT_SWAP = 64 * MIB;
const FIRST = MIB;
const FS_TYPES = /^ext[234]$/;
const FIELD: Readonly<Record<Role, string>> = { root: 'filesystem.root', boot: 'filesystem.boot', swap: 'filesystem.swap' };

const layoutError = (message: string, hint?: string): FarmError =>
  new FarmError('DISK_LAYOUT', `etc/fstab (config.lua's filesystem): ${message}`, { hint: hint ?? 'docs/disk.md says what a disk image can be made of' });

/** The least a filesystem holding `need` is made at: a quarter more than its blocks and inodes, plus room for the journal. */
export function leastFsSize(need: FsNeed): number {
  return roundUpTo(Math.max(need.bytes * 1.25 + 16 * MIB, need.inodes * BYTES_PER_INODE * 1.25), MIB);
}

/** Where each filesystem of fstab goes on the disk: one MBR partition each, MiB-aligned, / taking what is left. Pure. */
export function planLayout(input: LayoutInput): DiskLayout {
  const wanted = rolesOf(input.fstab);
  const numbered = numberPartitions(wanted);
  const sizes = sizesOf(input, numbered);
  const diskId = diskIdOf(numbered) ?? derivedDiskId(input.seed);
  let start = FIRST;
  const partitions = numbered.map((p): Partition => {
    const size = sizes.get(p.role) as number;
    const part: Partition = {
      number: p.number,
      role: p.role,
      device: p.line.device,
      type: p.role === 'swap' ? 'swap' : p.line.type,
      uuid: p.line.device.startsWith('UUID=') ? p.line.device.slice(5).toLowerCase() : derivedUuid(input.seed, p.role),
      label: p.line.device.startsWith('LABEL=') ? p.line.device.slice(6) : undefined,
      start,
      size,
      bootable: p.role === (wanted.has('boot') ? 'boot' : 'root'),
    };
    start += size;
    return part;
  });
  return { bytes: input.size, diskId, partitions };
}

/** fstab's /, /boot and swap lines; anything else mounted from a device is refused. */
function rolesOf(fstab: readonly FstabLine[]): Map<Role, FstabLine> {
  const roles = new Map<Role, FstabLine>();
  for (const line of fstab) {
    const role: Role | undefined = line.mountpoint === '/' ? 'root' : line.mountpoint === '/boot' ? 'boot' : line.type === 'swap' ? 'swap' : undefined;
    if (role === undefined) continue;
    if (roles.has(role)) throw layoutError(`two lines for ${role === 'root' ? '/' : role === 'boot' ? '/boot' : 'swap'}`);
    if (role !== 'swap' && !FS_TYPES.test(line.type)) {
      throw layoutError(
        `${FIELD[role]}.type is ${line.type}: a disk image's filesystems are made with Stasis's own mke2fs, so ext2, ext3 or ext4`,
        `set ${FIELD[role]}.type = "ext4" in config.lua and build again`,
      );
    }
    roles.set(role, line);
  }
  if (!roles.has('root')) throw layoutError('no line for / (filesystem.root)');
  return roles;
}

interface Numbered {
  readonly role: Role;
  readonly line: FstabLine;
  readonly number: number;
}

const DEV = /^\/dev\/((?:[shv]|xv)d[a-z]+)(\d+)$/;
const DEV_P = /^\/dev\/(nvme\d+n\d+|mmcblk\d+)p(\d+)$/;
const PARTUUID = /^PARTUUID=([0-9a-fA-F]{8})-([0-9a-fA-F]{2})$/;

/** The partition number each device names (/dev/sda2: 2; PARTUUID=xxxxxxxx-02: 2); the others take the free numbers, root last. */
function numberPartitions(roles: Map<Role, FstabLine>): Numbered[] {
  const order: Role[] = ['boot', 'swap', 'root'];
  const fixed = new Map<Role, number>();
  const disks = new Set<string>();
  for (const role of order) {
    const device = roles.get(role)?.device;
    if (device === undefined) continue;
    const m = DEV.exec(device) ?? DEV_P.exec(device);
    const pu = PARTUUID.exec(device);
    if (m !== null) {
      disks.add(m[1] as string);
      fixed.set(role, Number(m[2]));
    } else if (pu !== null) {
      fixed.set(role, parseInt(pu[2] as string, 16));
    } else if (device.startsWith('UUID=')) {
      if (!UUID.test(device.slice(5).toLowerCase())) throw layoutError(`${FIELD[role]}.device ${device}: not a UUID (8-4-4-4-12 hex digits)`);
    } else if (!device.startsWith('LABEL=')) {
      throw layoutError(
        `${FIELD[role]}.device ${device}: cannot tell which partition it is`,
        'name a partition (/dev/sda2, /dev/nvme0n1p2), or use UUID=, LABEL= or PARTUUID=',
      );
    } else if (device.length - 6 > 16) {
      throw layoutError(`${FIELD[role]}.device ${device}: an ext filesystem label has at most 16 characters`);
    }
  }
  if (disks.size > 1) throw layoutError(`the filesystems are on different disks (${[...disks].sort().join(', ')}); a disk image is one disk`);
  const used = new Set<number>();
  for (const [role, n] of fixed) {
    if (used.has(n)) throw layoutError(`${FIELD[role]}: partition ${n} is named twice`);
    used.add(n);
  }
  const out: Numbered[] = [];
  let next = 1;
  for (const role of order) {
    const line = roles.get(role);
    if (line === undefined) continue;
    let n = fixed.get(role);
    if (n === undefined) {
      while (used.has(next)) next++;
      n = next;
      used.add(n);
    }
    out.push({ role, line, number: n });
  }
  const max = Math.max(...used);
  if (max > 4) throw layoutError(`partition ${max}: an MBR disk has partitions 1 to 4`);
  for (let n = 1; n <= max; n++) {
    if (!used.has(n)) throw layoutError(`partition ${n} holds nothing (fstab names partition ${max})`, 'number the partitions from 1: /boot, swap and / in that order');
  }
  return out.sort((a, b) => a.number - b.number);
}

/** The disk identifier PARTUUID= devices name (they must agree), if any. */
function diskIdOf(numbered: readonly Numbered[]): number | undefined {
  const ids = new Set(numbered.flatMap((p) => PARTUUID.exec(p.line.device)?.[1]?.toLowerCase() ?? []));
  if (ids.size > 1) throw layoutError(`PARTUUID= devices name different disks (${[...ids].join(', ')})`);
  const [id] = ids;
  return id === undefined ? undefined : parseInt(id, 16);
}

/** Each partition's size: /boot and swap as asked (or their defaults), / the rest; refused when that is less than it needs. */
function sizesOf(input: LayoutInput, numbered: readonly Numbered[]): Map<Role, number> {
  const sizes = new Map<Role, number>();
  const usable = Math.floor(input.size / MIB) * MIB - FIRST;
  const parts: string[] = [];
  let fixed = 0;
  for (const { role } of numbered) {
    if (role === 'root') continue;
    const least = role === 'boot' ? leastFsSize(input.need.boot ?? { bytes: 0, inodes: 0 }) : MIB;
    const asked = role === 'boot' ? input.bootSize : input.swapSize;
    const size = asked === undefined ? (role === 'boot' ? Math.max(32 * MIB, least) : DEFAULT_SWAP) : roundUpTo(asked, MIB);
    if (size < least) throw layoutError(`--boot-size ${mib(size)} is less than /boot needs (${mib(least)})`);
    sizes.set(role, size);
    fixed += size;
    parts.push(`${role === 'boot' ? '/boot' : 'swap'} ${mib(size)}`);
  }
  const rootLeast = leastFsSize(input.need.root);
  const root = usable - fixed;
  if (root < rootLeast) {
    const total = FIRST + fixed + rootLeast;
    throw layoutError(
      `the layout does not fit in ${mib(input.size)}: ${[...parts, `/ at least ${mib(rootLeast)} (${mib(input.need.root.bytes)} in ${input.need.root.inodes} files and directories)`].join(', ')}, after 1 MiB for the partition table and GRUB`,
      `give --size ${Math.ceil(total / MIB)}M or more`,
    );
  }
  sizes.set('root', root);
  return sizes;
}
