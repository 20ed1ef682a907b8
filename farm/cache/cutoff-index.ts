import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic.js';

/**
 * The cache's early-cutoff index: `self/<selfHash>.json` lists the keys of the
 * entries built from those inputs (apart from dependency keys), and
 * `alias/<key>` names the entry whose output `key` reuses. Every record names
 * an entry that exists: evicting an entry forgets it here too.
 */
export class CutoffIndex {
  constructor(private readonly dir: string) {}

  private selfFile(selfHash: string): string {
    return join(this.dir, 'self', `${selfHash}.json`);
  }

  /** Keys of the entries built from `selfHash`, oldest first. */
  async candidates(selfHash: string): Promise<string[]> {
    try {
      return JSON.parse(await readFile(this.selfFile(selfHash), 'utf8')) as string[];
    } catch {
      return [];
    }
  }

  async add(selfHash: string, key: string): Promise<void> {
    const keys = await this.candidates(selfHash);
    if (!keys.includes(key)) await writeFileAtomic(this.selfFile(selfHash), JSON.stringify([...keys, key]));
  }

  async alias(key: string, target: string): Promise<void> {
    await writeFileAtomic(join(this.dir, 'alias', key), target + '\n');
  }

  /** The entry `key` is an alias of, if it is one. */
  async aliasTarget(key: string): Promise<string | undefined> {
    try {
      return (await readFile(join(this.dir, 'alias', key), 'utf8')).trim();
    } catch {
      return undefined;
    }
  }

  /**
   * Forget an evicted entry: drop it from its self index (every one when its
   * self hash is unknown) and remove the aliases that name it.
   */
  async forget(key: string, selfHash: string | undefined): Promise<void> {
    const hashes = selfHash === undefined ? await this.selfHashes() : [selfHash];
    for (const hash of hashes) await this.drop(hash, (k) => k === key);
    for (const alias of await this.aliases()) {
      if ((await this.aliasTarget(alias)) === key) await rm(join(this.dir, 'alias', alias), { force: true });
    }
  }

  /** Drop every record naming an entry that is gone (left by farms whose eviction kept them); returns how many. */
  async tidy(exists: (key: string) => Promise<boolean>): Promise<number> {
    let dropped = 0;
    for (const hash of await this.selfHashes()) {
      const gone = new Set<string>();
      for (const key of await this.candidates(hash)) if (!(await exists(key))) gone.add(key);
      dropped += gone.size;
      if (gone.size > 0) await this.drop(hash, (k) => gone.has(k));
    }
    for (const alias of await this.aliases()) {
      const target = await this.aliasTarget(alias);
      if (target === undefined || !(await exists(target))) {
        await rm(join(this.dir, 'alias', alias), { force: true });
        dropped++;
      }
    }
    return dropped;
  }

  private async drop(selfHash: string, doomed: (key: string) => boolean): Promise<void> {
    const keys = await this.candidates(selfHash);
    const kept = keys.filter((k) => !doomed(k));
    if (kept.length === keys.length) return;
    if (kept.length === 0) await rm(this.selfFile(selfHash), { force: true });
    else await writeFileAtomic(this.selfFile(selfHash), JSON.stringify(kept));
  }

  private async selfHashes(): Promise<string[]> {
    const names = await readdir(join(this.dir, 'self')).catch(() => [] as string[]);
    return names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length));
  }

  private async aliases(): Promise<string[]> {
    const names = await readdir(join(this.dir, 'alias')).catch(() => [] as string[]);
    return names.filter((n) => /^[0-9a-f]{64}$/.test(n));
  }
}
