/** Package output limits in MiB: the default of default.lua's `output_limit`, and the most a recipe or default.lua may set. */
export const DEFAULT_OUTPUT_LIMIT_MIB = 1024;
export const MAX_OUTPUT_LIMIT_MIB = 1024 * 1024;

/** A soft and a hard resource limit of the build's processes. */
export interface LimitPair {
  readonly soft: number;
  readonly hard: number;
}

/**
 * The rlimits of every build container (default.lua's `ulimits` overrides nofile and nproc;
 * core is always 0). Explicit, so the engine applies no defaults of its own, and low enough for
 * any engine host: 4096 open files is the kernel's own hard default (a host that never raised it
 * allows it). nproc counts every process of the build's user on the engine host, not only the
 * container's (builds run as root without CAP_SYS_RESOURCE), so it is well above the pids limit
 * that bounds one container, and below the kernel's default hard limit on any machine with 4 GiB
 * or more. docs/conventions.md says why none of them is part of a package's cache key.
 */
export const DEFAULT_ULIMITS: { readonly nofile: LimitPair; readonly nproc: LimitPair } = {
  nofile: { soft: 1024, hard: 4096 },
  nproc: { soft: 16384, hard: 16384 },
};
/** The most default.lua may ask for: the kernel's default nr_open, and its largest pid_max. */
export const MAX_ULIMITS = { nofile: 1_048_576, nproc: 4_194_304 } as const;
