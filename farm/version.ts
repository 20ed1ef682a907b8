import { readFileSync } from 'node:fs';

function readVersion(): string {
  // Source layout: farm/version.ts; compiled layout: dist/farm/version.js.
  for (const rel of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'stasis-farm' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // try the next layout
    }
  }
  throw new Error('stasis-farm: cannot find package.json');
}

/** The farm's version (from package.json); it enters every cache key. */
export const FARM_VERSION: string = readVersion();

/** The project root holding package.json, system/, configs/ (the farm's own checkout). */
export const FARM_HOME: string = (() => {
  for (const rel of ['../', '../../']) {
    try {
      const url = new URL(rel + 'package.json', import.meta.url);
      const pkg = JSON.parse(readFileSync(url, 'utf8')) as { name?: string };
      if (pkg.name === 'stasis-farm') return new URL(rel, import.meta.url).pathname.replace(/\/$/, '');
    } catch {
      // try the next layout
    }
  }
  return process.cwd();
})();
