import { loadConfig } from '../config/index.js';
import { isFarmError } from '../errors/index.js';
import { DEFAULT_BUILDER } from '../image/builder.js';
import type { CliContext } from './io.js';

/** default.lua's source_date_epoch when unset (farm/config/validate.ts). */
const DEFAULT_SOURCE_DATE_EPOCH = 1700000000;

/**
 * The builder and SOURCE_DATE_EPOCH of the project, for commands that also work
 * without config.lua/default.lua (then: the default builder, and
 * SOURCE_DATE_EPOCH from the environment or the farm's default).
 */
export async function configuredDefaults(ctx: CliContext): Promise<{ readonly ref: string; readonly sde: number }> {
  try {
    const config = await loadConfig(ctx.root);
    return { ref: config.defaults.builder, sde: config.defaults.sourceDateEpoch };
  } catch (error) {
    if (!isFarmError(error) || error.code !== 'CONFIG_MISSING') throw error;
    const fromEnv = Number(ctx.env['SOURCE_DATE_EPOCH']);
    return { ref: DEFAULT_BUILDER, sde: Number.isInteger(fromEnv) && fromEnv >= 0 && ctx.env['SOURCE_DATE_EPOCH'] !== '' ? fromEnv : DEFAULT_SOURCE_DATE_EPOCH };
  }
}
