// A disk image as a user makes and boots it: whole `node bin/stasis-farm.js disk` and
// `boot --disk` processes in a project root whose preview has grub, e2fsprogs, util-linux and
// linux (the boot profile plus those: docs/disk.md); medians, and the image's sha256 each time
// (the same bytes every run, or the bench fails). Needs the built CLI (npm run build), Docker and qemu.
// Run: npx tsx bench/disk.ts ROOT [--runs N] [--size 256M]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fmt, median } from './stats.js';

const REPO = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const root = args[0] === undefined || args[0].startsWith('--') ? undefined : resolve(args[0]);
if (root === undefined) throw new Error('usage: npx tsx bench/disk.ts ROOT [--runs N] [--size 256M]');
const RUNS = Number(flag('--runs', '3'));
const SIZE = flag('--size', '256M');
if (!existsSync(join(REPO, 'dist', 'farm', 'cli', 'main.js'))) throw new Error('build the CLI first: npm run build');

/** One whole CLI process in ROOT: its wall time, exit code and last stdout line. */
async function farm(argv: readonly string[]): Promise<{ ms: number; code: number | null; last: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(REPO, 'bin', 'stasis-farm.js'), ...argv], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, CI: 'true' },
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  const code = await new Promise<number | null>((r) => child.on('close', r));
  return { ms: performance.now() - started, code, last: out.trim().split('\n').pop() ?? '' };
}

const image = join(root, 'bench-disk.img');
const makes: number[] = [];
const boots: number[] = [];
const sums = new Set<string>();
for (let i = 0; i < RUNS; i++) {
  await rm(image, { force: true });
  const made = await farm(['disk', '--size', SIZE, '--out', image, '--json']);
  if (made.code !== 0) throw new Error(`disk exited ${made.code}`);
  const sha = (JSON.parse(made.last) as { sha256: string }).sha256;
  sums.add(sha);
  const booted = await farm(['boot', '--disk', image, '--json', '--timeout', '300']);
  if (booted.code !== 0) throw new Error(`boot --disk exited ${booted.code}`);
  makes.push(made.ms);
  boots.push(booted.ms);
  console.log(`run ${i + 1}: disk ${fmt(made.ms)} (sha256 ${sha.slice(0, 16)}), boot --disk ${fmt(booted.ms)} (pass)`);
}
if (sums.size !== 1) throw new Error(`the image differed between runs: ${[...sums].join(', ')}`);
console.log(`median of ${RUNS} (${SIZE}): disk ${fmt(median(makes))}; boot --disk to its verdict ${fmt(median(boots))}; the same sha256 every run`);
