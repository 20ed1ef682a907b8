import type { RecordedRead } from '../lua/index.js';

/** One upstream source of a package, as validated from pkg.lua. */
export interface SourceSpec {
  /**
   * The real upstream URL; absent for a mirror-only file (a repack or a generated
   * file with no upstream download), which is fetched from mirrors only.
   */
  readonly url?: string;
  /** Lower-case hex sha256 of the file. */
  readonly sha256: string;
  /** File name in mirrors and in the build (defaults to the URL's last path segment). */
  readonly file: string;
  /** Unpack into /build/src (default) or only copy the file to /build/src. */
  readonly extract: boolean;
}

/** The build styles a recipe may name instead of writing `build` (Void's `build_style`). */
export const BUILD_STYLES = ['configure', 'make', 'cmake', 'meson'] as const;
export type BuildStyleName = (typeof BUILD_STYLES)[number];

/** The shell hooks a build style runs around its steps (Lua: `pre_configure`, ...). */
export const STYLE_HOOKS = ['pre_configure', 'post_configure', 'pre_build', 'post_build', 'pre_install', 'post_install'] as const;
export type StyleHook = (typeof STYLE_HOOKS)[number];

/** A recipe's `build_style` and its settings, defaults filled in. */
export interface BuildStyle {
  readonly name: BuildStyleName;
  /** configure: the script to run (default `./configure`). */
  readonly configureScript: string;
  /**
   * configure: `false` leaves out the default arguments (--prefix=/usr ... --disable-nls) for a
   * hand-written configure that is not autoconf's and refuses them (nginx); absent means true.
   */
  readonly configureDefaults?: false;
  readonly configureArgs: readonly string[];
  readonly makeBuildArgs: readonly string[];
  readonly makeInstallArgs: readonly string[];
  /** Empty: make's default target. */
  readonly makeBuildTarget: string;
  /** Default `install`. */
  readonly makeInstallTarget: string;
  readonly cmakeArgs: readonly string[];
  readonly mesonArgs: readonly string[];
  /** Shell snippets by hook name; absent hooks are not set. */
  readonly hooks: Readonly<Partial<Record<StyleHook, string>>>;
}

/**
 * A validated recipe: `system/<name>/pkg.lua` after evaluation and validation.
 * Lua field names are snake_case (`build_deps`); here they are camelCase.
 */
export interface Recipe {
  readonly name: string;
  readonly version: string;
  readonly description: string;
  readonly license: string;
  readonly homepage: string | undefined;
  readonly sources: readonly SourceSpec[];
  /** Patch files beside pkg.lua, applied in order with `patch -p1` in the source tree. */
  readonly patches: readonly string[];
  /** Other files beside pkg.lua made available to the build under /build/files. */
  readonly files: readonly string[];
  /** Packages whose outputs must be present (in the sysroot) while building. */
  readonly buildDeps: readonly string[];
  /** Packages that must be installed alongside this one in the rootfs. */
  readonly deps: readonly string[];
  /**
   * Shell script run by /bin/sh -e inside the build container; installs into $DESTDIR.
   * The recipe's own `build`, or the script rendered from its `build_style`.
   */
  readonly build: string;
  /** The build style the script was rendered from; undefined for a recipe that writes `build`. */
  readonly style: BuildStyle | undefined;
  /** Strip the ELF files in $DESTDIR after the build (default true). */
  readonly strip: boolean;
  /** false for the /sucks class (prebuilt, dynamically linked, kept under /sucks). */
  readonly static: boolean;
  /** Whether the build uses the C toolchain settings (CC/CFLAGS/LDFLAGS/LTO) from default.lua. */
  readonly toolchain: boolean;
  /** Wall-clock limit for the build in seconds. */
  readonly timeout: number;
  /** Largest output in MiB, when the recipe raises default.lua's `output_limit`. */
  readonly outputLimit?: number | undefined;
  /**
   * `builder_tool = true`: a program for the dev stage's builder (linked against the builder's C
   * library), built only in the dev stage and only ever a build dependency: never in a rootfs.
   */
  readonly builderTool?: true | undefined;
  /**
   * `fallback = true`: its files give way in a rootfs. Where another selected package installs the
   * same path, that package's file is kept and this one's is left out (busybox's applet links beside
   * util-linux's or gawk's programs). Two fallbacks that differ at one path are still a conflict.
   */
  readonly fallback?: true | undefined;
  /**
   * `memory` (MiB in Lua, bytes here): the least memory an engine of the pool must offer to build it.
   * Absent when not given. Not part of the cache key (recipe/needs.ts).
   */
  readonly memoryBytes?: number | undefined;
  /** `features`: what the engine it builds on must offer ("kvm", "big"); absent when none. Not part of the cache key. */
  readonly features?: readonly string[] | undefined;
}

/** One value a recipe read while evaluated (the sandbox records them: lua/reads.ts). */
export type { RecordedRead };

/** A recipe together with everything about its origin that enters its cache key. */
export interface EvaluatedRecipe {
  readonly recipe: Recipe;
  /** Path of pkg.lua relative to the project root, e.g. `system/lua/pkg.lua`. */
  readonly file: string;
  /** Absolute directory holding pkg.lua (patches and files are read from here). */
  readonly dir: string;
  /** sha256 of the pkg.lua bytes. */
  readonly recipeSha256: string;
  /** sha256 per patch file name, in recipe order. */
  readonly patchSha256: Readonly<Record<string, string>>;
  /** sha256 per extra file name. */
  readonly fileSha256: Readonly<Record<string, string>>;
  /** Config/default values the recipe read while being evaluated. */
  readonly reads: readonly RecordedRead[];
  /**
   * Files named by config options the recipe read (the kernel .config): made
   * available under /build/files/<name>; their sha256 is among `reads`.
   */
  readonly configFiles?: readonly { readonly name: string; readonly path: string }[];
}
