export { loadConfig } from './load.js';
export { validateSystemConfig, validateDefaults, configOptionPaths, nilOptionPaths, SYSTEM_OPTIONS, DEFAULT_OPTIONS } from './validate.js';
export type { LoadedConfig, SystemConfig, BuildDefaults, NetworkInterface } from './types.js';
