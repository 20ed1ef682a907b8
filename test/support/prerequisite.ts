/** Whether this run is CI's (.ci/run sets CI=true): there every tier must run, not skip. */
export function underCi(): boolean {
  const ci = process.env['CI'];
  return ci !== undefined && ci !== '' && ci !== 'false';
}

/**
 * Whether the tests that need something outside the repository (a tool, the source mirror) can
 * run: `problem` says what is missing, or is undefined. Under CI a missing prerequisite fails the
 * run; elsewhere those tests are skipped with a notice naming `tests` and the problem.
 */
export function prerequisite(tests: string, problem: string | undefined): boolean {
  if (problem === undefined) return true;
  if (underCi()) throw new Error(`${tests} cannot run in CI: ${problem}`);
  console.warn(`\n[${tests} skipped] ${problem}\n`);
  return false;
}
