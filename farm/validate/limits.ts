/** Package output limits in MiB: the default of default.lua's `output_limit`, and the most a recipe or default.lua may set. */
export const DEFAULT_OUTPUT_LIMIT_MIB = 1024;
export const MAX_OUTPUT_LIMIT_MIB = 1024 * 1024;
