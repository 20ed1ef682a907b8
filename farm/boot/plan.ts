import type { CheckPlan } from './check-script.js';
import type { RootfsImage } from './image.js';
import { probesFor } from './probes.js';
import { paramsFromCmdline } from './qemu.js';
import { defaultServices } from './services.js';

const hasFile = (image: RootfsImage, path: string): boolean => image.entries.some((e) => e.path === path && (e.type === 'file' || e.type === 'hardlink'));

async function firstLine(image: RootfsImage, path: string): Promise<string | undefined> {
  if (!hasFile(image, path)) return undefined;
  return (await image.read(path)).toString('utf8').split('\n')[0]?.trim();
}

/** What to check in the guest and which kernel parameters to add, from the rootfs as assembled. */
export async function planBoot(image: RootfsImage, waitSeconds: number): Promise<{ readonly plan: CheckPlan; readonly params: string[] }> {
  const services = await defaultServices(image);
  const hostname = await firstLine(image, 'etc/hostname');
  const cmdline = hasFile(image, 'etc/stasis/cmdline') ? (await image.read('etc/stasis/cmdline')).toString('utf8') : '';
  return {
    plan: {
      hostname: hostname === '' ? undefined : hostname,
      services,
      mdevd: hasFile(image, 'usr/bin/mdevd'),
      probes: probesFor(image.entries),
      serialGetty: services.some((s) => /^getty-ttyS\d+$/.test(s)),
      waitSeconds,
    },
    params: paramsFromCmdline(cmdline),
  };
}
