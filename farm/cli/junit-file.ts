import { resolve } from 'node:path';
import { FarmError } from '../errors/index.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { renderJUnit, type TestSuite } from '../junit/index.js';
import type { CliContext } from './io.js';

/** --junit FILE: the suites as JUnit XML, written atomically (FILE relative to the root). */
export async function writeJUnitFile(ctx: CliContext, file: string, name: string, suites: readonly TestSuite[]): Promise<void> {
  const target = resolve(ctx.root, file);
  try {
    await writeFileAtomic(target, renderJUnit(name, suites));
  } catch (error) {
    throw new FarmError('USAGE', `--junit ${file}: cannot write ${target}: ${(error as Error).message}`, { cause: error });
  }
}
