/** What a builder image says of its C toolchain (its environment). */
export interface ImageToolchain {
  /** STASIS_CC: the compiler command (default `cc`). */
  readonly cc: string;
  /**
   * STASIS_TOOLCHAIN_FLAGS: flags that compiler needs for every compile and link in this image
   * (a stage image's tcc: `-B/build/sysroot/usr/lib/tcc`, so that it uses the stage's own C
   * library and runtime from the sysroot). Absent for the dev builder.
   */
  readonly flags?: string;
}

/** Read an image's toolchain from its environment (`NAME=value` strings). */
export function imageToolchain(env: readonly string[]): ImageToolchain {
  const get = (name: string): string | undefined => env.find((e) => e.startsWith(`${name}=`))?.slice(name.length + 1);
  const flags = get('STASIS_TOOLCHAIN_FLAGS')?.trim();
  return { cc: get('STASIS_CC') ?? 'cc', ...(flags === undefined || flags === '' ? {} : { flags }) };
}
