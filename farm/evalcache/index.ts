export { EvalCache } from './cache.js';
export type { EvalCacheOptions, EvalCacheStats, EvalItem } from './cache.js';
export { evaluateCached } from './evaluate.js';
export type { CachedResult, EvaluateCachedOptions } from './evaluate.js';
export type { EvalRecord } from './entry.js';
