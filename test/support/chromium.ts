import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { prerequisite } from './prerequisite.js';

const exec = promisify(execFile);

/** Names Debian and others give the browser; CHROMIUM names another. */
const CANDIDATES = [process.env['CHROMIUM'], 'chromium', 'chromium-browser', 'google-chrome'].filter((c): c is string => c !== undefined && c !== '');

/**
 * The headless Chromium the report tests open pages in, or undefined (the tests skip with a
 * notice); under CI its absence fails them (.ci/run installs chromium).
 */
export async function findChromium(tests: string): Promise<string | undefined> {
  for (const bin of CANDIDATES) {
    const ok = await exec(bin, ['--version'], { timeout: 30_000 }).then(
      () => true,
      () => false,
    );
    if (ok) return bin;
  }
  prerequisite(tests, 'chromium is not installed (apt-get install --no-install-recommends chromium)');
  return undefined;
}

/**
 * The flags of every run: headless, no sandbox (root in a container), no GPU, a profile of its own.
 * The profile is a short directory under /tmp, which is also Chromium's TMPDIR: Chromium puts a
 * Unix socket there, whose path may hold at most 107 bytes, and the test run's own temporary
 * directories nest deeper than that under CI.
 */
async function withChromium<T>(run: (args: string[], env: NodeJS.ProcessEnv) => Promise<T>): Promise<T> {
  const profile = await mkdtemp('/tmp/chr-');
  try {
    return await run(['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', `--user-data-dir=${profile}`], { ...process.env, TMPDIR: profile });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/** The DOM Chromium built from a file, serialized: what a person's browser would show. */
export async function dumpDom(chromium: string, file: string): Promise<string> {
  return withChromium(async (args, env) => {
    const { stdout } = await exec(chromium, [...args, '--dump-dom', pathToFileURL(file).href], { env, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  });
}

/** A PNG of the page as a window of `width` x `height` shows it; its bytes. */
export async function screenshot(chromium: string, file: string, png: string, width: number, height: number): Promise<Buffer> {
  await withChromium((args, env) =>
    exec(chromium, [...args, '--hide-scrollbars', `--screenshot=${png}`, `--window-size=${width},${height}`, pathToFileURL(file).href], { env, timeout: 120_000 }),
  );
  return readFile(png);
}

/** The PNG signature. */
export const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** How many times `pattern` matches in `text`. */
export function count(text: string, pattern: RegExp): number {
  return [...text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'))].length;
}
