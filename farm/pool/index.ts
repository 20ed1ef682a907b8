export type { EngineSpec, PackageNeeds } from './types.js';
export { engineName, NO_NEEDS } from './types.js';
export type { Assignment, EngineSlots, ReadyPackage } from './schedule.js';
export { assign, fits, unplaceable } from './schedule.js';
