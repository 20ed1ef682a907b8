import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import type { RootfsImage } from '../boot/image.js';
import { notABzImage } from '../boot/kernel.js';
import { planBoot } from '../boot/plan.js';
import { FarmError } from '../errors/index.js';
import type { EventSink } from '../report/events.js';
import { farmLabels } from '../runtime/labels.js';
import type { ContainerRuntime, ContainerSpec } from '../runtime/port.js';
import { skeletonTar } from '../tar/skeleton.js';
import { parseFstab } from './fstab.js';
import { grubBios, readMbr } from './grub-bios.js';
import { planLayout, type DiskLayout } from './layout.js';
import { runInContainer, takeFile } from './container.js';
import { CORE_IN_CONTAINER, DISK_DIR, diskScript, IMAGE_IN_CONTAINER, SECTOR0_IN_CONTAINER, sfdiskTable, STAGE_DIR } from './script.js';
import { writeSidecar, type DiskSidecar } from './sidecar.js';
import { MIB, SECTOR } from './size.js';
import { needOf, stageTrees, writeTreeTar, type StagedTrees } from './stage.js';
import { swapHeader } from './swap.js';
import { DISK_TOOLS_REPO, requireDiskTools } from './tools.js';
import { writeImageFromTar, type Patch } from './write-image.js';

export interface DiskOptions {
  readonly image: RootfsImage;
  readonly runtime: ContainerRuntime;
  /** The image file to write (replaced whole, or not at all). */
  readonly out: string;
  readonly size: number;
  readonly bootSize?: number | undefined;
  readonly swapSize?: number | undefined;
  /** --kernel: a bzImage on the host instead of the rootfs's /boot/vmlinuz. */
  readonly kernel?: string | undefined;
  /** The workspace's tmp dir: the staged trees are written there, and removed. */
  readonly tmpDir: string;
  readonly sourceDateEpoch: number;
  readonly limits: ContainerSpec['limits'];
  readonly sink: EventSink;
  readonly signal: AbortSignal;
}

export interface DiskResult {
  readonly out: string;
  readonly sha256: string;
  readonly layout: DiskLayout;
  readonly sidecar: string;
  readonly toolsImage: string;
}

/** The kernel the disk boots: --kernel (a bzImage), else the rootfs's boot/vmlinuz; refused when neither is there. */
async function kernelOf(o: DiskOptions): Promise<{ readonly file?: string; readonly size?: number }> {
  if (o.kernel !== undefined) {
    const bad = await notABzImage(o.kernel);
    if (bad !== undefined) throw new FarmError('DISK_REFUSED', `--kernel ${bad}`, { hint: 'a bzImage: the linux package installs one as /boot/vmlinuz' });
    return { file: o.kernel, size: (await stat(o.kernel)).size };
  }
  if (!o.image.entries.some((e) => e.path === 'boot/vmlinuz' && e.type === 'file')) {
    throw new FarmError('DISK_REFUSED', `${o.image.label}: no kernel: the rootfs has no /boot/vmlinuz and no --kernel was given`, {
      hint: "add linux to config.lua's include and build again (it installs /boot/vmlinuz), or pass --kernel FILE",
    });
  }
  return {};
}

/**
 * Make a bootable disk image of a rootfs: the layout from its fstab, the filesystems made by its
 * own tools in a container made from it (network none), GRUB installed for BIOS boot. Checks
 * come first: nothing is written until the rootfs has the tools, a kernel and a layout that
 * fits. The image is written beside `out` and renamed over it at the end.
 */
export async function makeDisk(o: DiskOptions): Promise<DiskResult> {
  const input = await checkInput(o);
  await mkdir(o.tmpDir, { recursive: true });
  const work = await mkdtemp(join(o.tmpDir, 'disk-'));
  try {
    const staged = await stageFilesystems(o, input, work);
    const toolsImage = await ensureToolsImage(o, staged);
    const sha256 = await makeInContainer(o, staged, toolsImage);
    const sidecar = await writeSidecar(o.out, await sidecarOf(o, staged.layout, sha256, toolsImage, input.separateBoot));
    return { out: o.out, sha256, layout: staged.layout, sidecar, toolsImage };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

interface CheckedInput {
  readonly separateBoot: boolean;
  readonly trees: StagedTrees;
  readonly layoutOf: (seed: string) => DiskLayout;
}

/** The refusals: tools, kernel, and a layout that fits (planned once with a stand-in seed). */
async function checkInput(o: DiskOptions): Promise<CheckedInput> {
  requireDiskTools(o.image);
  const kernel = await kernelOf(o);
  const fstab = parseFstab((await o.image.read('etc/fstab')).toString('utf8'));
  const separateBoot = fstab.some((l) => l.mountpoint === '/boot');
  const trees = stageTrees(o.image, { separateBoot, kernel: kernel.file, kernelSize: kernel.size });
  const need = { root: needOf(trees.root), boot: trees.boot && needOf(trees.boot) };
  const layoutOf = (seed: string): DiskLayout => planLayout({ fstab, size: o.size, bootSize: o.bootSize, swapSize: o.swapSize, need, seed });
  layoutOf('');
  if (trees.skipped.length > 0) {
    o.sink({
      type: 'warn',
      message: `${trees.skipped.length} device node(s) left out (no device numbers in the manifest; devtmpfs provides /dev): ${trees.skipped.slice(0, 5).join(', ')}`,
    });
  }
  return { separateBoot, trees, layoutOf };
}

interface Staged {
  readonly rootTar: string;
  readonly rootSha: string;
  readonly bootTar: string | undefined;
  readonly layout: DiskLayout;
}

/** The filesystems' trees as tars in the work dir; their digests seed the UUIDs and disk identifier. */
async function stageFilesystems(o: DiskOptions, input: CheckedInput, work: string): Promise<Staged> {
  o.sink({ type: 'info', message: `disk: staging the filesystems of ${o.image.label}` });
  const rootTar = join(work, 'root.tar');
  const rootSha = await writeTreeTar(o.image, input.trees.root, rootTar, o.sourceDateEpoch);
  const bootTar = input.trees.boot === undefined ? undefined : join(work, 'boot.tar');
  const bootSha = bootTar === undefined ? '' : await writeTreeTar(o.image, input.trees.boot ?? [], bootTar, o.sourceDateEpoch);
  const layout = input.layoutOf(createHash('sha256').update(`${rootSha}\0${bootSha}`).digest('hex'));
  for (const p of layout.partitions) {
    o.sink({
      type: 'info',
      message: `disk: partition ${p.number} ${p.role === 'root' ? '/' : p.role === 'boot' ? '/boot' : 'swap'} ${p.type} ${Math.round(p.size / MIB)} MiB UUID=${p.uuid}`,
    });
  }
  return { rootTar, rootSha, bootTar, layout };
}

/** The image the tools run in: the root filesystem's tree, imported once per rootfs. */
async function ensureToolsImage(o: DiskOptions, staged: Staged): Promise<string> {
  const ref = `${DISK_TOOLS_REPO}:${staged.rootSha.slice(0, 16)}`;
  if ((await o.runtime.inspectImage(ref)) === undefined) {
    o.sink({ type: 'info', message: `disk: making ${ref} from the rootfs (its sfdisk, mke2fs and grub-mkimage run there)` });
    await o.runtime.importImage(createReadStream(staged.rootTar), ref, { labels: farmLabels({ kind: 'disk-tools', rootfs: staged.rootSha }) });
  }
  return ref;
}

/** Run the disk script; take the image out with GRUB's boot sectors and swap headers put in; the sha256 of the image. */
async function makeInContainer(o: DiskOptions, staged: Staged, toolsImage: string): Promise<string> {
  const { layout } = staged;
  const dirs = [DISK_DIR, STAGE_DIR, `${STAGE_DIR}/root`, `${STAGE_DIR}/boot`].map((d) => d.slice(1));
  const files = [
    { name: `${DISK_DIR.slice(1)}/make.sh`, data: diskScript(layout), mode: 0o755 },
    { name: `${DISK_DIR.slice(1)}/table`, data: sfdiskTable(layout), mode: 0o644 },
  ];
  const inputs: [string, Readable][] = [
    ['/', skeletonTar(dirs, files, o.sourceDateEpoch)],
    [`${STAGE_DIR}/root`, createReadStream(staged.rootTar)],
    ...(staged.bootTar === undefined ? [] : [[`${STAGE_DIR}/boot`, createReadStream(staged.bootTar)] as [string, Readable]]),
  ];
  const run = {
    runtime: o.runtime,
    image: toolsImage,
    limits: o.limits,
    sink: o.sink,
    signal: o.signal,
    sourceDateEpoch: o.sourceDateEpoch,
    script: `${DISK_DIR}/make.sh`,
    what: 'disk',
  };
  return runInContainer(run, inputs, async (container) => {
    const sector0 = await takeFile(container, SECTOR0_IN_CONTAINER);
    const grub = grubBios(
      sector0,
      await o.image.read('usr/lib/grub/i386-pc/boot.img'),
      await takeFile(container, CORE_IN_CONTAINER),
      (layout.partitions[0]?.start ?? MIB) / SECTOR,
    );
    checkTable(readMbr(grub.mbr), layout);
    const patches: Patch[] = [
      { offset: 0, bytes: grub.mbr },
      { offset: SECTOR, bytes: grub.core },
      ...layout.partitions.filter((p) => p.type === 'swap').map((p) => ({ offset: p.start, bytes: swapHeader(p.size, p.uuid, p.label) })),
    ];
    const partial = join(dirname(o.out), `.${basename(o.out)}.partial-${process.pid}`);
    await rm(partial, { force: true });
    try {
      const sum = await writeImageFromTar(await container.getArchive(IMAGE_IN_CONTAINER), partial, layout.bytes, patches);
      await rename(partial, o.out);
      return sum;
    } finally {
      await rm(partial, { force: true });
    }
  });
}

/** The partition table sfdisk wrote is the layout's. */
function checkTable(mbr: ReturnType<typeof readMbr>, layout: DiskLayout): void {
  const want = layout.partitions.map((p) => `${p.number}:${p.start / SECTOR}+${p.size / SECTOR}${p.bootable ? '*' : ''}`).join(' ');
  const got = mbr.entries.map((e) => `${e.number}:${e.startSector}+${e.sectors}${e.bootable ? '*' : ''}`).join(' ');
  if (want !== got || mbr.diskId !== layout.diskId) {
    throw new FarmError(
      'DISK_FAILED',
      `sfdisk wrote another partition table than planned: ${got} (id ${mbr.diskId.toString(16)}), wanted ${want} (id ${layout.diskId.toString(16)})`,
    );
  }
}

async function sidecarOf(o: DiskOptions, layout: DiskLayout, sha256: string, toolsImage: string, separateBoot: boolean): Promise<DiskSidecar> {
  const cmdline = o.image.entries.some((e) => e.path === 'etc/stasis/cmdline') ? (await o.image.read('etc/stasis/cmdline')).toString('utf8').trim() : '';
  return {
    format: 'stasis-disk/1',
    image: basename(o.out),
    sha256,
    bytes: layout.bytes,
    source: o.image.label,
    kernel: o.kernel ?? '/boot/vmlinuz',
    cmdline,
    separate_boot: separateBoot,
    disk_id: layout.diskId.toString(16).padStart(8, '0'),
    partitions: layout.partitions.map((p) => ({
      number: p.number,
      role: p.role,
      device: p.device,
      type: p.type,
      uuid: p.uuid,
      start: p.start,
      size: p.size,
      bootable: p.bootable,
    })),
    tools_image: toolsImage,
    check: {
      ...(await planBoot(o.image, 60)).plan,
      disk: {
        mounts: layout.partitions.filter((p) => p.role !== 'swap').map((p) => ({ mountpoint: p.role === 'root' ? '/' : '/boot', device: p.device, type: p.type })),
        cmdline,
        swap: layout.partitions.find((p) => p.role === 'swap')?.device,
      },
    },
  };
}
