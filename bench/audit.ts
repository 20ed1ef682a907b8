// Audit throughput on a generated 1 GB / 20,000-file tree against reading the
// same files once with cat, both warm, in the same run.
// Run: npx tsx bench/audit.ts [--files N] [--mb M]
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { auditTree, openTreeFromDirectory } from '../farm/audit/index.js';
import { makeElf } from '../test/audit/elf-fixture.js';
import { fmt, median, timeIt } from './stats.js';

const exec = promisify(execFile);
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const FILES = arg('files', 20_000);
const TOTAL = arg('mb', 1024) * 1024 * 1024;
const RUNS = 3;

const dir = await mkdtemp(join(tmpdir(), 'bench-audit-'));
const block = randomBytes(1 << 20);
let written = 0;
for (let i = 0; i < FILES; i++) {
  const sub = join(dir, `d${i % 100}`);
  if (i < 100) await mkdir(sub);
  // Sizes vary; the total comes to about TOTAL bytes.
  const size = Math.max(64, Math.floor((TOTAL / FILES) * (0.25 + ((i * 7919) % 150) / 100)));
  let body: Buffer;
  if (i % 50 === 0) {
    const elf = makeElf();
    body = Buffer.concat([elf, block.subarray(0, Math.max(0, Math.min(size, block.length) - elf.length))]);
  } else {
    const parts: Buffer[] = [];
    for (let left = size; left > 0; left -= block.length) parts.push(block.subarray(0, Math.min(left, block.length)));
    body = Buffer.concat(parts);
  }
  await writeFile(join(sub, `f${i}`), body);
  written += body.length;
}
console.log(`tree: ${FILES} files, ${(written / 1024 / 1024).toFixed(0)} MiB in ${dir}`);

const cat = (): Promise<unknown> => exec('sh', ['-c', `find "${dir}" -type f -print0 | xargs -0 cat > /dev/null`], { maxBuffer: 1 << 20 });
await cat(); // warm the page cache
const catTimes: number[] = [];
const auditTimes: number[] = [];
let findings = 0;
for (let r = 0; r < RUNS; r++) {
  catTimes.push(await timeIt(cat));
  auditTimes.push(
    await timeIt(async () => {
      findings = (await auditTree(openTreeFromDirectory(dir))).findings.length;
    }),
  );
}
const c = median(catTimes);
const a = median(auditTimes);
console.log(`cat all files: median ${fmt(c)}; stasis-farm audit: median ${fmt(a)} (${findings} findings); ratio ${(a / c).toFixed(2)}x (target <= 2x)`);
await rm(dir, { recursive: true, force: true });
