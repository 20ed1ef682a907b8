export { isRecorded, parseRunRecord, recordLine } from './record.js';
export type { RecordLine, RunEnd, RunRecord, RunStart } from './record.js';
export { KEEP_RUNS, listRuns, pruneRuns, readNewestRun, readRunRecord, runFileName } from './store.js';
export { createRunRecorder } from './writer.js';
export type { RecorderOptions, RunRecorder } from './writer.js';
