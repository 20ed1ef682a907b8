import { describe, expect, it } from 'vitest';
import { grubBios, readMbr } from '../../farm/disk/grub-bios.js';
import { swapHeader } from '../../farm/disk/swap.js';

/** A first sector as sfdisk leaves it: zero code, disk id 0x5741515a, one bootable partition at 2048. */
function sector0(): Buffer {
  const s = Buffer.alloc(512);
  s.writeUInt32LE(0x5741515a, 0x1b8);
  s[0x1be] = 0x80;
  s[0x1be + 4] = 0x83;
  s.writeUInt32LE(2048, 0x1be + 8);
  s.writeUInt32LE(65536, 0x1be + 12);
  s[0x1ce + 4] = 0x83;
  s.writeUInt32LE(67584, 0x1ce + 8);
  s.writeUInt32LE(100000, 0x1ce + 12);
  s.writeUInt16LE(0xaa55, 510);
  return s;
}
const bootImg = Buffer.alloc(512, 0xeb);
const coreImg = Buffer.alloc(512 * 60 + 100, 0x11);

describe('GRUB for BIOS boot, written as grub-bios-setup does', () => {
  it("puts boot.img's code in the MBR around the disk's own identifier and partition table", () => {
    const { mbr } = grubBios(sector0(), bootImg, coreImg, 2048);
    expect(mbr.subarray(0, 0x5c).every((b) => b === 0xeb)).toBe(true);
    expect(mbr.readBigUInt64LE(0x5c)).toBe(1n); // core.img starts at sector 1
    expect(mbr[0x64]).toBe(0xff);
    expect(mbr.readUInt16LE(0x66)).toBe(0x9090);
    expect(mbr.subarray(0x1b8, 512)).toEqual(sector0().subarray(0x1b8, 512));
    expect(readMbr(mbr)).toEqual({
      diskId: 0x5741515a,
      entries: [
        { number: 1, bootable: true, type: 0x83, startSector: 2048, sectors: 65536 },
        { number: 2, bootable: false, type: 0x83, startSector: 67584, sectors: 100000 },
      ],
    });
  });

  it("points core.img's blocklist at the sectors after its first, loaded at 0x820", () => {
    const { core } = grubBios(sector0(), bootImg, coreImg, 2048);
    expect(core.length).toBe(61 * 512);
    expect(core.readBigUInt64LE(500)).toBe(2n);
    expect(core.readUInt16LE(508)).toBe(60);
    expect(core.readUInt16LE(510)).toBe(0x820);
    expect(core.subarray(512)).toEqual(Buffer.concat([coreImg.subarray(512), Buffer.alloc(61 * 512 - coreImg.length)]));
  });

  it('refuses a core.img that does not fit before the first partition, and a disk without a partition table', () => {
    expect(() => grubBios(sector0(), bootImg, coreImg, 40)).toThrow(/does not fit before the first partition \(sector 40\)/);
    expect(() => grubBios(Buffer.alloc(512), bootImg, coreImg, 2048)).toThrow(/no partition table/);
  });
});

describe('swap header', () => {
  it('is a version-1 swap area with the last page, the UUID and the SWAPSPACE2 signature', () => {
    const h = swapHeader(64 * 1024 * 1024, '0b0070e1-5741-4a5a-8000-000000000003', 'swap');
    expect(h.length).toBe(4096);
    expect(h.readUInt32LE(1024)).toBe(1);
    expect(h.readUInt32LE(1028)).toBe(16383);
    expect(h.subarray(1036, 1052).toString('hex')).toBe('0b0070e157414a5a8000000000000003');
    expect(h.subarray(1052, 1056).toString()).toBe('swap');
    expect(h.subarray(4086).toString()).toBe('SWAPSPACE2');
  });
});
