export { collectGarbage, type GcOptions, type GcResult } from './gc.js';
export { entryName, imageName, type RefusedImage } from './apply.js';
export { planBytes, type EntryVictim, type GcPlan, type ImageVictim, type ToolImageVictim } from './plan.js';
