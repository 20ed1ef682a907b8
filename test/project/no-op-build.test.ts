import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { writeFileAtomicIfChanged } from '../../farm/fs/atomic.js';
import { formatEvent } from '../../farm/report/format.js';
import { buildTiny, fakeRuntime, localRecipe, tinyRoot } from '../support/tiny-project.js';
import { makeScratch } from '../support/scratch.js';

describe('a no-op build', () => {
  it('keeps the preview (said so), and rewrites none of the records it would write again the same', async () => {
    const root = await tinyRoot({ one: localRecipe('one'), two: localRecipe('two', ', build_deps = { "one" }') });
    await writeFile(join(root, 'profiles', 'test.lua'), 'return { description = "test", packages = { "two" } }\n');
    const runtime = fakeRuntime((pkg) => ({ dest: { [`usr/bin/${pkg}`]: `${pkg}\n` } }));
    const first = await buildTiny(root, runtime);
    expect(first.events.find((e) => e.type === 'assemble-done')).toMatchObject({ packages: 2, reused: false });
    const { paths } = first.outcome;
    const records = [paths.manifest, join(paths.keys, 'one.json'), join(paths.keys, 'two.json')];
    const before = await Promise.all(records.map(async (f) => (await stat(f)).ino));

    const second = await buildTiny(root, runtime);
    expect([...second.outcome.result.cached].sort()).toEqual(['one', 'two']);
    const assembled = second.events.find((e) => e.type === 'assemble-done');
    expect(assembled).toMatchObject({ packages: 2, reused: true });
    // The same files, not new ones renamed over them.
    expect(await Promise.all(records.map(async (f) => (await stat(f)).ino))).toEqual(before);
    const line = assembled === undefined ? undefined : formatEvent(assembled, new Chalk({ level: 0 }), false);
    expect(line).toBe(`preview up to date ${paths.preview}: 2 packages, ${second.outcome.rootfs?.entries.length} files`);
  });

  it('writeFileAtomicIfChanged writes only a change', async () => {
    const dir = await makeScratch();
    const file = join(dir, 'record.json');
    expect(await writeFileAtomicIfChanged(file, 'a')).toBe(true);
    const ino = (await stat(file)).ino;
    expect(await writeFileAtomicIfChanged(file, 'a')).toBe(false);
    expect((await stat(file)).ino).toBe(ino);
    expect(await writeFileAtomicIfChanged(file, 'b')).toBe(true);
    expect((await stat(file)).ino).not.toBe(ino);
  });
});
