import { formatConfigProblem, type ConfigProblem } from '../rootfs/preflight.js';
import type { CliContext } from './io.js';

/** What config.lua asks of the rootfs that the selection gives only in part: one warning each, refusing nothing. */
export function warnAboutConfig(ctx: CliContext, warnings: readonly ConfigProblem[]): void {
  for (const w of warnings) ctx.sink({ type: 'warn', message: formatConfigProblem(w) });
}
