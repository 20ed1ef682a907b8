// A contender in the lock race test (test/workspace/lock.integration.test.ts): takes part in
// every trial at the same wall-clock moment as the other contenders, reports the
// trials it won, and stays alive (holding its locks) until stdin closes, so a
// lock it holds is never stale while the others still try.
import { join } from 'node:path';
import { isFarmError } from '../../farm/errors/index.js';
import { lockWorkspace } from '../../farm/workspace/lock.js';

const [base = '', trials = '0', startAt = '0', stepMs = '0'] = process.argv.slice(2);
const won: number[] = [];
const held: unknown[] = [];
for (let i = 0; i < Number(trials); i++) {
  const at = Number(startAt) + i * Number(stepMs);
  if (Date.now() < at) await new Promise((r) => setTimeout(r, at - Date.now()));
  try {
    held.push(await lockWorkspace(join(base, `t${i}`)));
    won.push(i);
  } catch (error) {
    if (!isFarmError(error) || error.code !== 'WORKSPACE_LOCKED') throw error;
  }
}
process.stdout.write(`${JSON.stringify(won)}\n`);
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
