import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FarmError } from '../errors/index.js';
import { bencode } from './bencode.js';
import { realPathInside } from './inside.js';
import { INDEX_FILE, SUMS_FILE } from './items.js';
import { kitFiles, readIndex } from './read-index.js';

export interface TorrentResult {
  readonly torrentPath: string;
  readonly magnet: string;
  readonly infoHash: string;
  readonly pieces: number;
}

/**
 * A BitTorrent v1 multi-file torrent of an exported mirror (every source file, a kit's
 * builder archive, index.yaml and SHA256SUMS) with a BEP 19 web seed. Piece hashes are
 * computed while streaming the files in order, never holding a file in memory.
 * No creation date: the same mirror gives the same torrent.
 */
export async function makeTorrent(dir: string, options: { readonly name: string; readonly webSeed: string; readonly pieceLength?: number }): Promise<TorrentResult> {
  const names = [...kitFiles(await readIndex(dir)).keys(), INDEX_FILE, SUMS_FILE].sort();
  const files = await Promise.all(
    names.map(async (name) => {
      const real = await realPathInside(dir, name);
      if (real === undefined) throw new FarmError('MIRROR_INVALID', `${join(dir, name)}: missing`, { hint: `stasis-farm mirror verify ${dir}` });
      return { name, real, length: (await stat(real)).size };
    }),
  );
  const total = files.reduce((n, f) => n + f.length, 0);
  const pieceLength = options.pieceLength ?? (total > 512 * 1024 * 1024 ? 1 << 20 : 1 << 18);
  const pieces: Buffer[] = [];
  let hash = createHash('sha1');
  let filled = 0;
  for (const f of files) {
    for await (const chunk of createReadStream(f.real, { highWaterMark: 1 << 20 })) {
      let buf = chunk as Buffer;
      while (buf.length > 0) {
        const take = Math.min(pieceLength - filled, buf.length);
        hash.update(buf.subarray(0, take));
        filled += take;
        buf = buf.subarray(take);
        if (filled === pieceLength) {
          pieces.push(hash.digest());
          hash = createHash('sha1');
          filled = 0;
        }
      }
    }
  }
  if (filled > 0) pieces.push(hash.digest());
  const webSeed = options.webSeed.endsWith('/') ? options.webSeed : `${options.webSeed}/`;
  const info = {
    files: files.map((f) => ({ length: f.length, path: [f.name] })),
    name: options.name,
    'piece length': pieceLength,
    pieces: Buffer.concat(pieces),
    private: 0,
  };
  const infoHash = createHash('sha1').update(bencode(info)).digest('hex');
  const torrentPath = join(dir, `${options.name}.torrent`);
  await writeFile(torrentPath, bencode({ 'created by': 'stasis-farm', info, 'url-list': [webSeed] }));
  const magnet = `magnet:?xt=urn:btih:${infoHash}&dn=${encodeURIComponent(options.name)}&ws=${encodeURIComponent(webSeed)}`;
  return { torrentPath, magnet, infoHash, pieces: pieces.length };
}
