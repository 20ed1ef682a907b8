import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic.js';

/** The last build of a package failed: why, and for which key. */
export interface FailureRecord {
  readonly pkg: string;
  readonly key: string;
  /** exit code N, timed out after N s, killed by the OOM killer (...), output larger than its limit ... */
  readonly reason: string;
  /** When it failed (ms since the epoch). */
  readonly failedMs: number;
}

const PKG = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;

/**
 * The cache's record of packages whose last build failed: `failed/<pkg>.json`.
 * The executor writes one when a build fails and removes it when the package
 * is built; nothing is cached for a failure.
 */
export class FailureRecords {
  constructor(private readonly dir: string) {}

  private file(pkg: string): string {
    if (!PKG.test(pkg)) throw new Error(`not a package name: ${pkg}`);
    return join(this.dir, 'failed', `${pkg}.json`);
  }

  async record(failure: FailureRecord): Promise<void> {
    await writeFileAtomic(this.file(failure.pkg), JSON.stringify(failure));
  }

  async clear(pkg: string): Promise<void> {
    await rm(this.file(pkg), { force: true });
  }

  /** Every recorded failure, by package (an unreadable record is treated as absent). */
  async all(): Promise<Map<string, FailureRecord>> {
    const out = new Map<string, FailureRecord>();
    const names = await readdir(join(this.dir, 'failed')).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      try {
        const data = JSON.parse(await readFile(join(this.dir, 'failed', name), 'utf8')) as Partial<FailureRecord>;
        if (typeof data.pkg === 'string' && typeof data.reason === 'string') {
          out.set(data.pkg, { pkg: data.pkg, key: String(data.key ?? ''), reason: data.reason, failedMs: Number(data.failedMs ?? 0) });
        }
      } catch {
        // a record being replaced or damaged: absent
      }
    }
    return out;
  }
}
