import { Chalk, type ChalkInstance } from 'chalk';

/**
 * Decide the colour level ourselves (chalk 5 ignores NO_COLOR):
 * NO_COLOR (any non-empty value) wins, then FORCE_COLOR, then "is it a TTY".
 */
export function colorLevel(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): 0 | 1 | 2 | 3 {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return 0;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 1;
  }
  if (!isTTY || env['TERM'] === 'dumb') return 0;
  return 1;
}

export function makeChalk(level: 0 | 1 | 2 | 3): ChalkInstance {
  return new Chalk({ level });
}
