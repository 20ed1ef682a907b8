import type { EngineSpec } from '../pool/types.js';
import type { LimitPair } from '../validate/limits.js';

/** config.lua: the system being built. */
export interface SystemConfig {
  readonly hostname: string;
  readonly timezone: string;
  readonly locale: string;
  readonly keymap: string;
  /** crypt(3) hash ($6$..., $5$..., $y$..., $2b$...) or "!" for a locked account. */
  readonly rootPassword: string;
  readonly kernel: {
    readonly params: readonly string[];
    /** Path of the kernel .config, relative to the project root; read only by the linux recipe. */
    readonly config: string | undefined;
  };
  readonly filesystem: {
    readonly root: { readonly device: string; readonly type: string; readonly options: string };
    readonly boot: { readonly device: string; readonly type: string; readonly options: string } | undefined;
    readonly swap: string | undefined;
  };
  readonly network: {
    readonly interfaces: readonly NetworkInterface[];
  };
  readonly wifi: {
    readonly enabled: boolean;
    readonly interface: string;
    readonly networks: readonly { readonly ssid: string; readonly passphrase: string }[];
  };
  readonly dns: readonly string[];
  readonly services: readonly string[];
  readonly ttys: readonly string[];
  readonly profile: string;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

export type NetworkInterface =
  | { readonly name: string; readonly mode: 'dhcp' }
  | {
      readonly name: string;
      readonly mode: 'static';
      readonly address: string;
      readonly gateway: string | undefined;
    };

/** default.lua: how packages are built. */
export interface BuildDefaults {
  readonly cflags: string;
  readonly cxxflags: string;
  readonly ldflags: string;
  readonly lto: boolean;
  /** 0 means: the number of cores. */
  readonly jobs: number;
  /** Builder image reference for the dev stage. */
  readonly builder: string;
  /** Directories or http(s) base URLs tried, in order, before upstream. */
  readonly mirrors: readonly string[];
  /** The http(s) mirrors reached through their own proxy (a table entry with `proxy`), by URL as written. */
  readonly mirrorProxies: readonly { readonly url: string; readonly proxy: string }[];
  readonly sourceDateEpoch: number;
  /** Largest package output in MiB (apparent sizes of its files); a recipe may raise it with `output_limit`. */
  readonly outputLimit: number;
  /** The build containers' open-files and process rlimits (core is always 0). */
  readonly ulimits: { readonly nofile: LimitPair; readonly nproc: LimitPair };
  /**
   * The engine pool (`engines`), in the order written; empty: the local engine alone. A `tls`
   * directory is absolute once loaded (relative to the Stasis tree, as mirror directories).
   * Recipes cannot read it: it enters no package's key.
   */
  readonly engines: readonly EngineSpec[];
}

/** Both files, as evaluated, plus the raw Lua values recipes may read. */
export interface LoadedConfig {
  readonly system: SystemConfig;
  readonly defaults: BuildDefaults;
  /**
   * The plain data tables as config.lua / default.lua returned them (for read tracking), but for
   * default.lua's `engines`: where a package builds cannot change its output, so no recipe sees it.
   */
  readonly rawSystem: Readonly<Record<string, unknown>>;
  readonly rawDefaults: Readonly<Record<string, unknown>>;
}
