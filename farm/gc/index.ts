export { collectGarbage, type GcOptions, type GcResult } from './gc.js';
export { entryName, imageName, type RefusedImage } from './apply.js';
export type { EntryVictim, GcPlan, ImageVictim } from './plan.js';
