import { readFile, rename, writeFile } from 'node:fs/promises';
import { FarmError } from '../errors/index.js';
import type { CheckPlan } from '../boot/check-script.js';

/** IMAGE.json beside a disk image: what `disk` made, for `boot --disk` and `install`. */
export interface DiskSidecar {
  readonly format: 'stasis-disk/1';
  readonly image: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly source: string;
  readonly kernel: string;
  /** The kernel command line grub.cfg gives (the rootfs's etc/stasis/cmdline). */
  readonly cmdline: string;
  readonly separate_boot: boolean;
  readonly disk_id: string;
  readonly partitions: readonly {
    readonly number: number;
    readonly role: 'boot' | 'swap' | 'root';
    readonly device: string;
    readonly type: string;
    readonly uuid: string;
    readonly start: number;
    readonly size: number;
    readonly bootable: boolean;
  }[];
  /** The image made from the rootfs whose tools made the disk (boot --disk adds its check with them). */
  readonly tools_image: string;
  /** What a boot of the disk checks in the guest (from the rootfs, as `boot` plans it). */
  readonly check: CheckPlan;
}

export const sidecarPath = (image: string): string => `${image}.json`;

export async function writeSidecar(image: string, data: DiskSidecar): Promise<string> {
  const path = sidecarPath(image);
  await writeFile(`${path}.partial`, JSON.stringify(data, null, 2) + '\n');
  await rename(`${path}.partial`, path);
  return path;
}

export async function readSidecar(image: string): Promise<DiskSidecar> {
  const path = sidecarPath(image);
  const text = await readFile(path, 'utf8').catch(() => undefined);
  const data = text === undefined ? undefined : (JSON.parse(text) as Partial<DiskSidecar>);
  if (data?.format !== 'stasis-disk/1' || !Array.isArray(data.partitions)) {
    throw new FarmError('USAGE', `${image}: no ${path} from stasis-farm disk beside it`, {
      hint: 'make the image with stasis-farm disk: it writes IMAGE.json, which says how the image is laid out',
    });
  }
  return data as DiskSidecar;
}
