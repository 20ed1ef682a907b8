// Mirror export and verify throughput on the whole local mirror, against plain
// sha256sum of the same files, in the same run. Run: npx tsx bench/mirror.ts
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { exportMirror, verifyMirror, type MirrorItem } from '../farm/mirror/index.js';
import { fmt, median, timeIt } from './stats.js';

const exec = promisify(execFile);
const MIRROR = process.env['STASIS_MIRROR'] ?? resolve(import.meta.dirname, '..', '..', 'shared', 'sources');
const RUNS = 3;

const sums = (await exec('cat', [join(MIRROR, 'SHA256SUMS')])).stdout;
const items: MirrorItem[] = sums
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => {
    const [sha256, file] = l.split(/\s+/) as [string, string];
    return { pkg: file.replace(/[-_][0-9].*$/, ''), file, sha256, url: `https://example.org/${file}` };
  });
const files = (await readdir(MIRROR)).filter((f) => items.some((i) => i.file === f));
let bytes = 0;
for (const f of files) bytes += (await stat(join(MIRROR, f))).size;
const mb = bytes / 1024 / 1024;

await exec(
  'sha256sum',
  files.map((f) => join(MIRROR, f)),
); // warm
const shaTimes: number[] = [];
const exportTimes: number[] = [];
const verifyTimes: number[] = [];
for (let r = 0; r < RUNS; r++) {
  shaTimes.push(
    await timeIt(() =>
      exec(
        'sha256sum',
        files.map((f) => join(MIRROR, f)),
        { maxBuffer: 1 << 20 },
      ),
    ),
  );
  const dir = await mkdtemp(join(tmpdir(), 'bench-mirror-'));
  exportTimes.push(await timeIt(() => exportMirror(items, { dir, sources: [MIRROR] })));
  verifyTimes.push(
    await timeIt(async () => {
      const report = await verifyMirror(dir);
      if (!report.ok) throw new Error('verify failed');
    }),
  );
  await rm(dir, { recursive: true, force: true });
}
const s = median(shaTimes);
const e = median(exportTimes);
const v = median(verifyTimes);
console.log(`${files.length} files, ${mb.toFixed(1)} MiB`);
console.log(`sha256sum: ${fmt(s)} (${(mb / (s / 1000)).toFixed(0)} MiB/s)`);
console.log(`export (copy + hash + index): ${fmt(e)} (${(mb / (e / 1000)).toFixed(0)} MiB/s), ratio ${(e / s).toFixed(2)}x`);
console.log(`verify (re-hash everything): ${fmt(v)} (${(mb / (v / 1000)).toFixed(0)} MiB/s), ratio ${(v / s).toFixed(2)}x (target within 1.5x)`);
