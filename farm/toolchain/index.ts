export { imageToolchain } from './image.js';
export type { ImageToolchain } from './image.js';
export { toolchainEnv } from './env.js';
