export { evaluateLuaFiles, closeLuaWorkers, DEFAULT_TIMEOUT_MS, useLuaWorkerScript } from './pool.js';
export type { LuaResult } from './pool.js';
export type { RecordedRead } from './reads.js';
export type { WorkItem } from './worker.js';
export { PRELUDE } from './prelude.js';
