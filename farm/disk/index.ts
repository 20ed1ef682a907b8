export { makeDisk } from './make-disk.js';
export type { DiskOptions, DiskResult } from './make-disk.js';
export { readSidecar, sidecarPath } from './sidecar.js';
export type { DiskSidecar } from './sidecar.js';
export { checkedCopy } from './check-copy.js';
export { DISK_TOOLS_LIMITS } from './container.js';
