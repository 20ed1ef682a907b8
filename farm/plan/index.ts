export { makePlan } from './plan.js';
export type { PlanEntry, PreviousBuild } from './plan.js';
export { explainKey } from './explain.js';
export type { KeyRow } from './explain.js';
