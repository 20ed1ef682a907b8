import { createReadStream } from 'node:fs';
import { extract } from 'tar-stream';
import type { CacheEntry } from '../cache/cache.js';
import { readEntryManifest } from '../cache/index.js';
import { PROVIDERS } from './providers.js';
import { zonesFromTzdata, type RenderContext } from './render.js';

/** Zones known to the built tzdata: its text sources and any compiled zone files. */
async function tzdataZones(entry: CacheEntry | undefined): Promise<{ zones: Set<string>; compiled: Set<string> }> {
  const compiled = new Set<string>();
  if (entry === undefined) return { zones: new Set(), compiled };
  const texts: string[] = [];
  const ex = extract({ allowUnknownFormat: true } as never);
  const done = new Promise<void>((resolve, reject) => {
    ex.on('entry', (header, body, next) => {
      const chunks: Buffer[] = [];
      const zoneinfo = /^(?:\.\/)?usr\/share\/zoneinfo\/(.+)$/.exec(header.name);
      if (zoneinfo !== null && header.type === 'file') compiled.add(zoneinfo[1] as string);
      const text = header.type === 'file' && /^(?:\.\/)?usr\/share\/tzdata\//.test(header.name) && (header.size ?? 0) < 4 << 20;
      body.on('data', (c) => {
        if (text) chunks.push(c as Buffer);
      });
      body.on('end', () => {
        if (text) texts.push(Buffer.concat(chunks).toString('utf8'));
        next();
      });
    });
    ex.on('finish', resolve);
    ex.on('error', reject);
  });
  createReadStream(entry.tarPath).pipe(ex);
  await done;
  const zones = texts.length > 0 ? zonesFromTzdata(texts) : new Set<string>();
  for (const z of compiled) zones.add(z);
  return { zones, compiled };
}

/**
 * Keymap names the built kbd ships: the files usr/share/keymaps/(any dirs)/NAME.map or NAME.map.gz,
 * read from its entry's file manifest (the paths are all that is needed; the tar is not opened).
 */
async function kbdKeymaps(entry: CacheEntry | undefined): Promise<Set<string>> {
  if (entry === undefined) return new Set();
  const files = await readEntryManifest(entry);
  const names = files.flatMap((f) => {
    const m = f.type === 'file' ? /^(?:\.\/)?usr\/share\/keymaps\/(?:.+\/)?([^/]+)\.map(?:\.gz)?$/.exec(f.path) : null;
    return m === null ? [] : [m[1] as string];
  });
  return new Set(names);
}

export async function renderContextFor(packages: readonly { readonly pkg: string; readonly entry: CacheEntry }[], sourceDateEpoch: number): Promise<RenderContext> {
  const tz = await tzdataZones(packages.find((p) => p.pkg === 'tzdata')?.entry);
  const keymaps = await kbdKeymaps(packages.find((p) => p.pkg === PROVIDERS.keymaps)?.entry);
  return { packages: new Set(packages.map((p) => p.pkg)), zones: tz.zones, compiledZones: tz.compiled, keymaps, sourceDateEpoch };
}
