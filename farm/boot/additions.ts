import type { Addition } from './initramfs.js';

/** The check service's directory: s6-linux-init copies run-image to /run, s6-svscan supervises /run/service. */
export const CHECK_SERVICE = 'etc/s6-linux-init/current/run-image/service/stasis-check';

/**
 * What the boot adds to the initramfs: the check service (and the directories
 * above it), and /dev/console, which the kernel opens for init before any devtmpfs.
 */
export function bootAdditions(script: string): Addition[] {
  const parts = CHECK_SERVICE.split('/');
  const dirs = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  return [
    { path: 'dev', type: 'dir', mode: 0o755 },
    { path: 'dev/console', type: 'char', mode: 0o600, rdev: [5, 1] },
    ...dirs.map((path): Addition => ({ path, type: 'dir', mode: 0o755 })),
    { path: `${CHECK_SERVICE}/run`, type: 'file', mode: 0o755, content: script },
  ];
}
