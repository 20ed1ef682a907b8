import { open, writeFile, mkdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { RootfsImage } from './image.js';

export const KERNEL_HINT =
  'pass --kernel FILE or set STASIS_KERNEL to a bzImage; a generic one: bash .ci/harness-kernel (prints its path), or build the linux package (it installs /boot/vmlinuz); docs/boot.md lists what the kernel needs built in';

/** Where the kernel comes from: --kernel, else STASIS_KERNEL, else the rootfs's /boot/vmlinuz. */
export async function resolveKernel(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  image: RootfsImage,
  tmpDir: string,
): Promise<{ readonly path: string; readonly from: string } | { readonly missing: string }> {
  if (flag !== undefined) return { path: flag, from: '--kernel' };
  const fromEnv = env['STASIS_KERNEL'];
  if (fromEnv !== undefined && fromEnv !== '') return { path: fromEnv, from: 'STASIS_KERNEL' };
  if (image.entries.some((e) => e.path === 'boot/vmlinuz' && e.type === 'file')) {
    const body = await image.read('boot/vmlinuz');
    const path = join(tmpDir, `vmlinuz-${createHash('sha256').update(body).digest('hex').slice(0, 16)}`);
    await mkdir(tmpDir, { recursive: true });
    await writeFile(path, body);
    return { path, from: `${image.label}: /boot/vmlinuz (linux package)` };
  }
  return { missing: `no kernel: no --kernel, no STASIS_KERNEL, and ${image.label} has no /boot/vmlinuz` };
}

/** Why `path` is not a bootable x86 bzImage (the "HdrS" magic at 0x202), or undefined when it is. */
export async function notABzImage(path: string): Promise<string | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    return `${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`;
  }
  try {
    const magic = Buffer.alloc(4);
    const { bytesRead } = await handle.read(magic, 0, 4, 0x202);
    return bytesRead === 4 && magic.toString('latin1') === 'HdrS' ? undefined : `${path}: not a bzImage (no "HdrS" header at offset 0x202)`;
  } finally {
    await handle.close();
  }
}
