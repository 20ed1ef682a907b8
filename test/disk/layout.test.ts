import { describe, expect, it } from 'vitest';
import { parseFstab } from '../../farm/disk/fstab.js';
import { leastFsSize, planLayout, type LayoutInput } from '../../farm/disk/layout.js';
import { MIB } from '../../farm/disk/size.js';
import { parseSize } from '../../farm/disk/size.js';

const FSTAB = (lines: string[]): ReturnType<typeof parseFstab> =>
  parseFstab([...lines, 'proc\t/proc\tproc\tnosuid\t0 0', 'tmpfs\t/tmp\ttmpfs\tmode=1777\t0 0'].join('\n'));
const small = { bytes: 20 * MIB, inodes: 800 };
const input = (fstab: string[], extra: Partial<LayoutInput> = {}): LayoutInput => ({
  fstab: FSTAB(fstab),
  size: 256 * MIB,
  need: { root: small, boot: { bytes: 6 * MIB, inodes: 300 } },
  seed: 'ab'.repeat(32),
  ...extra,
});
const brief = (i: LayoutInput): string[] =>
  planLayout(i).partitions.map((p) => `${p.number} ${p.role} ${p.type} ${p.start / MIB}+${p.size / MIB}${p.bootable ? ' *' : ''}`);

describe('disk layout from the rendered fstab', () => {
  it('puts /boot first, / on the rest, MiB-aligned after 1 MiB for the table and GRUB; /boot is the active partition', () => {
    expect(brief(input(['/dev/sda2\t/\text4\tdefaults\t0 1', '/dev/sda1\t/boot\text4\tdefaults\t0 2']))).toEqual(['1 boot ext4 1+32 *', '2 root ext4 33+223']);
  });

  it('a lone / is partition 1 and active; swap gets its own partition and type', () => {
    expect(brief(input(['/dev/sda1\t/\text4\tdefaults\t0 1']))).toEqual(['1 root ext4 1+255 *']);
    expect(
      brief(input(['/dev/vda3\t/\text4\tdefaults\t0 1', '/dev/vda1\t/boot\text2\tdefaults\t0 2', '/dev/vda2\tnone\tswap\tsw\t0 0'], { swapSize: 100 * MIB })),
    ).toEqual(['1 boot ext2 1+32 *', '2 swap swap 33+100', '3 root ext4 133+123']);
  });

  it('follows the partition numbers fstab names, and numbers UUID= and LABEL= filesystems after them', () => {
    expect(brief(input(['/dev/sda1\t/\text4\tdefaults\t0 1', '/dev/sda2\t/boot\text4\tdefaults\t0 2']))).toEqual(['1 root ext4 1+223', '2 boot ext4 224+32 *']);
    const byUuid = planLayout(input(['UUID=0B0070E1-5741-4A5A-8000-000000000002\t/\text4\tdefaults\t0 1', 'LABEL=boot\t/boot\text4\tdefaults\t0 2']));
    expect(byUuid.partitions.map((p) => [p.number, p.role, p.uuid, p.label])).toEqual([
      [1, 'boot', expect.stringMatching(/^[0-9a-f-]{36}$/), 'boot'],
      [2, 'root', '0b0070e1-5741-4a5a-8000-000000000002', undefined],
    ]);
  });

  it('derives the UUIDs and the disk identifier from the seed: the same seed gives the same, another seed others', () => {
    const fstab = ['/dev/sda2\t/\text4\tdefaults\t0 1', '/dev/sda1\t/boot\text4\tdefaults\t0 2'];
    const a = planLayout(input(fstab));
    expect(planLayout(input(fstab))).toEqual(a);
    const b = planLayout(input(fstab, { seed: 'cd'.repeat(32) }));
    expect(b.diskId).not.toBe(a.diskId);
    expect(b.partitions.map((p) => p.uuid)).not.toEqual(a.partitions.map((p) => p.uuid));
    expect(a.partitions[0]?.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(planLayout(input(['PARTUUID=5741515a-02\t/\text4\tdefaults\t0 1', 'PARTUUID=5741515a-01\t/boot\text4\tdefaults\t0 2'])).diskId).toBe(0x5741515a);
  });

  it('refuses a layout that does not fit the size, naming what each part needs and the size that would do', () => {
    const fstab = ['/dev/sda2\t/\text4\tdefaults\t0 1', '/dev/sda1\t/boot\text4\tdefaults\t0 2'];
    const big = { bytes: 300 * MIB, inodes: 5000 };
    expect(() => planLayout(input(fstab, { need: { root: big } }))).toThrow(
      /does not fit in 256 MiB: \/boot 32 MiB, \/ at least 391 MiB \(300 MiB in 5000 files and directories\)/,
    );
    try {
      planLayout(input(fstab, { need: { root: big } }));
    } catch (error) {
      expect((error as { code: string }).code).toBe('DISK_LAYOUT');
      expect((error as { hint: string }).hint).toBe(`give --size ${1 + 32 + leastFsSize(big) / MIB}M or more`);
    }
    expect(() => planLayout(input(fstab, { bootSize: 8 * MIB }))).toThrow(/--boot-size 8 MiB is less than \/boot needs \(24 MiB\)/);
  });

  it('refuses filesystems mke2fs cannot make, partitions it cannot tell, and gaps or two disks', () => {
    expect(() => planLayout(input(['/dev/sda2\t/\text4\tdefaults\t0 1', '/dev/sda1\t/boot\tvfat\tdefaults\t0 2']))).toThrow(/filesystem\.boot\.type is vfat/);
    expect(() => planLayout(input(['/dev/sda1\t/\tbtrfs\tdefaults\t0 1']))).toThrow(/filesystem\.root\.type is btrfs/);
    expect(() => planLayout(input(['/dev/mapper/root\t/\text4\tdefaults\t0 1']))).toThrow(/cannot tell which partition/);
    expect(() => planLayout(input(['/dev/sda3\t/\text4\tdefaults\t0 1', '/dev/sda1\t/boot\text4\tdefaults\t0 2']))).toThrow(/partition 2 holds nothing/);
    expect(() => planLayout(input(['/dev/sda2\t/\text4\tdefaults\t0 1', '/dev/sdb1\t/boot\text4\tdefaults\t0 2']))).toThrow(/different disks \(sda, sdb\)/);
    expect(() => planLayout(input(['/dev/sda5\t/\text4\tdefaults\t0 1']))).toThrow(/partitions 1 to 4/);
    expect(() => planLayout(input(['tmpfs\t/\ttmpfs\tdefaults\t0 0'].slice(1)))).toThrow(/no line for \//);
  });

  it('reads sizes with binary units and refuses what is not one', () => {
    expect([parseSize('2G', '--size'), parseSize('256M', '--size'), parseSize('512MiB', '--size'), parseSize('4096', '--size')]).toEqual([
      2048 * MIB,
      256 * MIB,
      512 * MIB,
      4096,
    ]);
    expect(() => parseSize('2 gigs', '--size')).toThrow(/--size: "2 gigs" is not a size/);
    expect(() => parseSize('0M', '--size')).toThrow(/not a usable size/);
  });
});
