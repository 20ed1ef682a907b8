import type { CliContext } from './io.js';

/** Mirrors in priority order: --mirror / STASIS_MIRROR, then default.lua. */
export function mirrorsFor(ctx: CliContext, fromDefaults: readonly string[]): string[] {
  return [...ctx.mirrors, ...fromDefaults];
}
