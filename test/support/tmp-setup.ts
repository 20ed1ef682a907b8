import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every temporary directory a test run makes (mkdtemp(tmpdir(), ...) in tests and in the
 * farm processes they start) goes under one directory for the run, removed when the run
 * ends: a test run leaves nothing in the machine's /tmp. STASIS_KEEP_TMP=1 keeps it (its
 * path is printed) for a post-mortem.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'stasis-test-run-'));
  // Read by os.tmpdir() here and in every worker and child process started after this point.
  process.env['TMPDIR'] = dir;
  return async () => {
    if (process.env['STASIS_KEEP_TMP'] !== undefined) {
      console.info(`test run temporary files kept in ${dir}`);
      return;
    }
    await rm(dir, { recursive: true, force: true });
  };
}
