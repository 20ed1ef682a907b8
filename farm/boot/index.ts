export { bootDisk, bootImage } from './boot.js';
export type { BootOptions, BootReport, DiskBootOptions } from './boot.js';
export { openRootfsDirectory } from './read-dir.js';
export { openRootfsTarball } from './read-tarball.js';
export type { RootfsImage, ImageEntry } from './image.js';
export { nodeBootHost } from './host.js';
export type { BootHost, VmProcess } from './port.js';
export { VERDICT_EXIT } from '../report/boot-verdict.js';
export type { BootVerdict, CheckResult, VerdictKind } from '../report/boot-verdict.js';
