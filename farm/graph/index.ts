export { selectPackages, selectTargets } from './selection.js';
export type { ProfileInput, PulledIn, Selection } from './selection.js';
export { buildOrder } from './order.js';
export type { BuildOrder, OrderedPackage } from './order.js';
export { assertNoCycle, findCycle, formatCycle } from './cycle.js';
export type { CycleEdge } from './cycle.js';
export { sysrootSet } from './sysroot.js';
export type { EdgeKind } from './edges.js';
export { assertBuilderToolsPlaced, isBuilderTool } from './builder-tools.js';
