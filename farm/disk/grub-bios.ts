import { FarmError } from '../errors/index.js';
import { SECTOR } from './size.js';

// Offsets in GRUB's i386-pc boot.img (grub-core/boot/i386/pc/boot.S) and in the first sector of
// core.img (diskboot.img), as grub-bios-setup writes them.
const KERNEL_SECTOR = 0x5c;
const BOOT_DRIVE = 0x64;
const DRIVE_CHECK = 0x66;
/** MBR bytes from here to the signature are the disk's own: disk identifier, partition table. */
const MBR_TABLE = 0x1b8;
const BLOCKLIST = SECTOR - 12;
/** Where diskboot.img loads the rest of core.img (segment 0x820, as GRUB's setup sets it). */
const CORE_SEGMENT = 0x820;

export interface GrubBios {
  /** The new first sector: boot.img's code, the disk's identifier and partition table kept. */
  readonly mbr: Buffer;
  /** core.img with its first sector's blocklist pointing at the sectors after it; written from sector 1. */
  readonly core: Buffer;
}

/**
 * GRUB for BIOS boot, as grub-bios-setup installs it on a partitioned disk, without a device to
 * install to: boot.img in the MBR, loading core.img from sector 1 (the gap before the first
 * partition), which loads the rest of itself from sector 2 on. Pure.
 */
export function grubBios(sector0: Buffer, bootImg: Buffer, coreImg: Buffer, firstPartitionSector: number): GrubBios {
  if (bootImg.length !== SECTOR) throw new FarmError('DISK_FAILED', `boot.img is ${bootImg.length} bytes, not one sector`);
  if (sector0.length !== SECTOR || sector0.readUInt16LE(510) !== 0xaa55) throw new FarmError('DISK_FAILED', 'the disk has no partition table in its first sector');
  const sectors = Math.ceil(coreImg.length / SECTOR);
  if (sectors < 2) throw new FarmError('DISK_FAILED', `core.img is ${coreImg.length} bytes: too small to be GRUB's`);
  if (1 + sectors > firstPartitionSector) {
    throw new FarmError('DISK_FAILED', `core.img (${sectors} sectors) does not fit before the first partition (sector ${firstPartitionSector})`);
  }
  const mbr = Buffer.from(bootImg);
  sector0.copy(mbr, MBR_TABLE, MBR_TABLE, SECTOR);
  mbr.writeBigUInt64LE(1n, KERNEL_SECTOR);
  mbr[BOOT_DRIVE] = 0xff; // the drive the BIOS booted from
  mbr.writeUInt16LE(0x9090, DRIVE_CHECK); // a hard disk: no floppy probe
  const core = Buffer.alloc(sectors * SECTOR);
  coreImg.copy(core);
  core.writeBigUInt64LE(2n, BLOCKLIST);
  core.writeUInt16LE(sectors - 1, BLOCKLIST + 8);
  core.writeUInt16LE(CORE_SEGMENT, BLOCKLIST + 10);
  return { mbr, core };
}

/** One primary partition as the MBR records it. */
export interface MbrEntry {
  readonly number: number;
  readonly bootable: boolean;
  readonly type: number;
  readonly startSector: number;
  readonly sectors: number;
}

/** The disk identifier and the used primary partitions of a first sector. Pure. */
export function readMbr(sector0: Buffer): { readonly diskId: number; readonly entries: MbrEntry[] } {
  if (sector0.readUInt16LE(510) !== 0xaa55) throw new FarmError('DISK_FAILED', 'no MBR signature in the first sector');
  const entries: MbrEntry[] = [];
  for (let i = 0; i < 4; i++) {
    const at = 0x1be + 16 * i;
    const type = sector0[at + 4] as number;
    if (type === 0) continue;
    entries.push({ number: i + 1, bootable: sector0[at] === 0x80, type, startSector: sector0.readUInt32LE(at + 8), sectors: sector0.readUInt32LE(at + 12) });
  }
  return { diskId: sector0.readUInt32LE(0x1b8), entries };
}
