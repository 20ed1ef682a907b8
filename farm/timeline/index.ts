export { ranContainer, stageLabel } from './model.js';
export type { Outcome, PackageRun, StageRuns } from './model.js';
export { stagesOf } from './stages.js';
export { assignSlots, type Span } from './slots.js';
export { criticalPath, type Timed } from './critical-path.js';
