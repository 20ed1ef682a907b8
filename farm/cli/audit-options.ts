import { hostname, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { loadAllowlist, type AuditOptions } from '../audit/index.js';
import { exists } from '../fs/exists.js';
import type { CliContext } from './io.js';

/** The audit as `tests` and `release` run it: --allowlist FILE (default <root>/audit-allowlist.yaml), this host's and user's names. */
export async function auditOptionsFor(ctx: CliContext, allowlistFlag: string | undefined): Promise<AuditOptions> {
  const fallback = join(ctx.root, 'audit-allowlist.yaml');
  const file = allowlistFlag !== undefined ? resolve(ctx.root, allowlistFlag) : (await exists(fallback)) ? fallback : undefined;
  return { allowlist: await loadAllowlist(file), hostname: hostname(), username: userInfo().username };
}
