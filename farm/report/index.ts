export type { FarmEvent, EventSink, EventType } from './events.js';
export { stampEvent, type StampedEvent } from './stamp.js';
export { nullSink } from './events.js';
export { colorLevel, makeChalk } from './color.js';
export { createReporter, chooseMode } from './reporter.js';
export type { Reporter, ReporterMode, ReporterOptions } from './reporter.js';
export { formatMs, formatBytes } from './format.js';
export { coresBusy, sampleCpu, type CpuSample } from './cpu.js';
