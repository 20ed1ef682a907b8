import { shQuote } from '../boot/check-script.js';
import type { DiskLayout, Partition } from './layout.js';
import { BYTES_PER_INODE } from './layout.js';
import { SECTOR } from './size.js';

/** Paths inside the tools container. */
export const DISK_DIR = '/disk';
export const IMAGE_IN_CONTAINER = `${DISK_DIR}/disk.img`;
export const CORE_IN_CONTAINER = `${DISK_DIR}/core.img`;
/** The image's first sector as sfdisk left it (its partition table), for the farm to put boot.img around. */
export const SECTOR0_IN_CONTAINER = `${DISK_DIR}/sector0`;
export const STAGE_DIR = '/stage';

/** sfdisk's input for the layout: a DOS label with the given identifier, one line per partition (numbered 1 to n in order). Pure. */
export function sfdiskTable(layout: DiskLayout): string {
  const parts = layout.partitions.map(
    (p) => `start=${p.start / SECTOR}, size=${p.size / SECTOR}, type=${p.type === 'swap' ? '82' : '83'}${p.bootable ? ', bootable' : ''}`,
  );
  return ['label: dos', `label-id: 0x${layout.diskId.toString(16).padStart(8, '0')}`, 'unit: sectors', '', ...parts, ''].join('\n');
}

/** The GRUB prefix: the grub directory on the partition holding it, as (hd0,msdosN)/path. */
export function grubPrefix(layout: DiskLayout): string {
  const boot = layout.partitions.find((p) => p.role === 'boot');
  const holder = boot ?? layout.partitions.find((p) => p.role === 'root');
  return `(hd0,msdos${holder?.number ?? 1})${boot === undefined ? '/boot/grub' : '/grub'}`;
}

const mke2fs = (p: Partition, tree: string): string =>
  [
    'mke2fs -q -F',
    `-t ${p.type} -b 4096 -i ${BYTES_PER_INODE} -m 1`,
    `-U ${p.uuid}`,
    ...(p.label === undefined ? [] : [`-L ${shQuote(p.label)}`]),
    `-E offset=${p.start},hash_seed=${p.uuid},root_owner=0:0`,
    `-d ${STAGE_DIR}/${tree}`,
    `"$img" ${p.size / 1024}k`,
  ].join(' ');

/**
 * The script run in the container made from the rootfs (network none, SOURCE_DATE_EPOCH set):
 * the image file, its partition table (sfdisk), each filesystem made from its staged tree at its
 * offset (mke2fs -d) and checked (e2fsck -fn), and GRUB's core image (grub-mkimage). The swap
 * area's header and GRUB's boot sectors are written by the farm when it takes the image out.
 */
export function diskScript(layout: DiskLayout): string {
  const fs = layout.partitions.filter((p) => p.type !== 'swap');
  return [
    '#!/bin/sh',
    'set -eu',
    'PATH=/usr/bin:/usr/sbin:/bin:/sbin',
    `img=${IMAGE_IN_CONTAINER}`,
    'rm -f "$img"',
    `truncate -s ${layout.bytes} "$img"`,
    `sfdisk -q --no-reread --no-tell-kernel "$img" < ${DISK_DIR}/table`,
    `head -c ${SECTOR} "$img" > ${SECTOR0_IN_CONTAINER}`,
    ...fs.flatMap((p) => [
      `echo "stasis-disk: ${p.role === 'root' ? '/' : '/boot'} ${p.type} on partition ${p.number}"`,
      mke2fs(p, p.role),
      `e2fsck -fn "$img?offset=${p.start}"`,
    ]),
    `grub-mkimage -O i386-pc -d /usr/lib/grub/i386-pc -o ${CORE_IN_CONTAINER} -p ${shQuote(grubPrefix(layout))} biosdisk part_msdos ext2`,
    'echo "stasis-disk: done"',
    '',
  ].join('\n');
}
