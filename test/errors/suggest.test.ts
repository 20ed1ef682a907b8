import { describe, expect, it } from 'vitest';
import { didYouMean, nearestName } from '../../farm/errors/index.js';

describe('nearestName', () => {
  it('suggests close names only', () => {
    expect(nearestName('gti', ['git', 'vim'])).toBe('git');
    expect(nearestName('ZLIB', ['zlib'])).toBe('zlib');
    expect(nearestName('openssh', ['openssl', 'busybox'])).toBe('openssl');
    expect(nearestName('xyz', ['git', 'vim'])).toBeUndefined();
  });

  it('catches a swapped pair of letters in a command or option name', () => {
    expect(nearestName('biuld', ['build', 'boot', 'graph'])).toBe('build');
    expect(didYouMean('jbos', ['jobs', 'offline'])).toBe(' (did you mean "jobs"?)');
  });
});
