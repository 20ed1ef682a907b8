import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { normalizeOutput } from '../../farm/tar/normalize.js';
import { buildTiny, fakeRuntime, localRecipe, tinyRoot } from '../support/tiny-project.js';

const MIB = 1024 * 1024;

describe('the package output size limit', () => {
  it('is checked on the tar header, before a byte of the body is spooled (a sparse 2 GiB file is refused at once)', async () => {
    const p = pack();
    p.entry({ name: 'dest/', type: 'directory' });
    p.entry({ name: 'dest/small' }, 'x'.repeat(1000));
    const sink = p.entry({ name: 'dest/sparse', size: 2 * 1024 * MIB });
    sink.on('error', () => {}); // the pipeline ends the whole pack when normalize refuses
    sink.write(Buffer.alloc(4096)); // the rest never comes: the limit must not wait for it
    const tmpDir = await mkdtemp(join(tmpdir(), 'limit-'));
    const error = await normalizeOutput(p as unknown as Readable, { tmpDir, sourceDateEpoch: 0, limitBytes: 16 * MIB }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'BUILD_FAILED', entry: 'sparse', limitBytes: 16 * MIB, reachedBytes: 2 * 1024 * MIB + 1000 });
    expect(await readdir(tmpDir)).toEqual([]);
  });

  it('a build past default.lua output_limit fails naming the package, the limit and how to raise it; nothing cached; a recipe raises it', async () => {
    const root = await tinyRoot({ big: localRecipe('big') }, ', output_limit = 1');
    const runtime = fakeRuntime(() => ({ dest: { 'usr/share/big': 'b'.repeat(2 * MIB) } }));
    const first = await buildTiny(root, runtime);
    const error = first.outcome.result.failed[0]?.error as Error & { hint?: string };
    expect(error).toMatchObject({ code: 'BUILD_FAILED', pkg: 'big' });
    expect(error.message).toMatch(
      /^big: build failed \(output larger than its limit of 1 MiB \(2097152 bytes with usr\/share\/big\); raise it with output_limit \(MiB\) in system\/big\/pkg\.lua\)$/,
    );
    expect(error.hint).toMatch(/nothing was cached.*output_limit = 2 \(MiB\) in system\/big\/pkg\.lua/);
    expect((await readdir(join(root, 'workspace', 'cache')).catch(() => [] as string[])).filter((n) => /^[0-9a-f]{64}$/.test(n))).toEqual([]);
    expect(await readdir(join(root, 'workspace')).then((names) => names.includes('tmp'))).toBe(false);
    expect(runtime.live()).toEqual([]);

    const raised = await tinyRoot({ big: localRecipe('big', ', output_limit = 3') }, ', output_limit = 1');
    const second = await buildTiny(raised, runtime);
    expect(second.outcome.result.built).toEqual(['big']);
  });
});
