import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { definitionHash } from '../../farm/image/builder.js';

describe('builder definition hash (image ensure remakes a stale default builder)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'stasis-def-'));
    await writeFile(join(dir, 'packages'), '# comment\nbuild-essential\nmusl-tools\n');
    await writeFile(join(dir, 'Dockerfile'), 'ARG BASE\nFROM ${BASE}\n');
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('is stable, ignores comments, and changes with the packages, the Dockerfile and the suite', async () => {
    const first = await definitionHash(dir);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    await writeFile(join(dir, 'packages'), 'build-essential\n# another comment\nmusl-tools\n');
    expect(await definitionHash(dir)).toBe(first);
    expect(await definitionHash(dir, 'trixie')).not.toBe(first);
    await writeFile(join(dir, 'packages'), 'build-essential\nmusl-tools\ncmake\n');
    const second = await definitionHash(dir);
    expect(second).not.toBe(first);
    await writeFile(join(dir, 'Dockerfile'), 'ARG BASE\nFROM ${BASE}\nENV X=1\n');
    expect(await definitionHash(dir)).not.toBe(second);
  });
});
