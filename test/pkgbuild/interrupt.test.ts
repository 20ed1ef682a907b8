import { mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BuildCache } from '../../farm/cache/index.js';
import { main } from '../../farm/cli/main.js';
import { assembleRootfs } from '../../farm/rootfs/assemble.js';
import { createFetcher, SourceStore } from '../../farm/sources/index.js';
import { normalizeOutput } from '../../farm/tar/normalize.js';
import { fakePackage, makeWorkspace } from '../rootfs/package-fixture.js';
import { buildTiny, fakeRuntime, localRecipe, tinyRoot } from '../support/tiny-project.js';

const failure = (work: Promise<unknown>): Promise<unknown> =>
  work.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('one AbortSignal stops every step', () => {
  it('a download stops at once, nothing is stored', async () => {
    const store = new SourceStore(await mkdtemp(join(tmpdir(), 'store-')));
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    const fetcher = createFetcher({
      store,
      mirrors: [],
      offline: false,
      sink: () => {},
      signal: controller.signal,
      // A server that sends a little and then nothing: only the signal ends it.
      httpGet: (_url, signal) => {
        seen = signal;
        const body = new PassThrough();
        body.write(Buffer.alloc(1000));
        signal?.addEventListener('abort', () => body.destroy(new Error('aborted')));
        return Promise.resolve(body);
      },
    });
    const fetching = failure(fetcher.ensure('pkg', { url: 'https://example.org/pkg-1.tar.gz', sha256: 'a'.repeat(64), file: 'pkg-1.tar.gz', extract: true }));
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    expect(await fetching).toMatchObject({ code: 'INTERRUPTED' });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(seen).toBe(controller.signal);
    expect(await readdir(join(store.dir, 'sha256'))).toEqual([]);
  });

  it('a download interrupted before the store reads it fails as interrupted, with no stray stream error', async () => {
    const store = new SourceStore(await mkdtemp(join(tmpdir(), 'store-')));
    const controller = new AbortController();
    const fetcher = createFetcher({
      store,
      mirrors: [],
      offline: false,
      sink: () => {},
      signal: controller.signal,
      // The signal fires between the response and the first read: the body errors with no reader yet.
      httpGet: (_url, signal) => {
        const body = new PassThrough();
        signal?.addEventListener('abort', () => body.destroy(new Error('aborted')));
        controller.abort();
        return Promise.resolve(body);
      },
    });
    expect(await failure(fetcher.ensure('pkg', { url: 'https://example.org/pkg-1.tar.gz', sha256: 'a'.repeat(64), file: 'pkg-1.tar.gz', extract: true }))).toMatchObject({
      code: 'INTERRUPTED',
    });
    expect(await readdir(join(store.dir, 'sha256'))).toEqual([]);
  });

  it('normalization stops; its spool is removed', async () => {
    const controller = new AbortController();
    const tar = new PassThrough(); // an engine stream that never ends
    const tmpDir = await mkdtemp(join(tmpdir(), 'norm-'));
    const normalizing = failure(normalizeOutput(tar, { tmpDir, sourceDateEpoch: 0, signal: controller.signal }));
    setTimeout(() => controller.abort(), 20);
    expect(await normalizing).toMatchObject({ name: 'AbortError' });
    expect(await readdir(tmpDir)).toEqual([]);
  });

  it('the cache makes no entry once interrupted', async () => {
    const cache = new BuildCache(join(await mkdtemp(join(tmpdir(), 'cache-')), 'cache'));
    const p = await fakePackage('a', [{ path: 'a', type: 'file', content: 'a' }]);
    const controller = new AbortController();
    controller.abort();
    const error = await failure(cache.put({ meta: p.entry.meta, tarPath: p.entry.tarPath, manifestJson: '[]', logPath: undefined, signal: controller.signal }));
    expect(error).toMatchObject({ code: 'INTERRUPTED' });
    expect(await readdir(cache.dir)).toEqual([]);
  });

  it('assembly stops before the swap: the old preview stays, no scratch tree', async () => {
    const ws = await makeWorkspace();
    await assembleRootfs({ ...ws, packages: [await fakePackage('a', [{ path: 'a', type: 'file', content: 'old' }])] });
    const controller = new AbortController();
    controller.abort();
    const error = await failure(assembleRootfs({ ...ws, packages: [await fakePackage('a', [{ path: 'a', type: 'file', content: 'new' }])], signal: controller.signal }));
    expect(error).toBeDefined();
    expect(await readFile(join(ws.previewDir, 'a'), 'utf8')).toBe('old');
    expect(await readdir(join(ws.previewDir, '..'))).toEqual(['preview', 'preview.manifest.json', 'preview.manifest.json.id']);
  });

  it('a build interrupted in its container caches nothing, assembles nothing and removes the container', async () => {
    const root = await tinyRoot({ slow: localRecipe('slow') });
    const runtime = fakeRuntime(() => ({ delayMs: 5000, dest: { a: 'a' } }));
    const controller = new AbortController();
    const sink = (e: { type: string }): void => {
      if (e.type === 'build-start') setTimeout(() => controller.abort(), 100);
    };
    const { outcome } = await buildTiny(root, runtime, { signal: controller.signal, sink });
    expect(outcome.result.interrupted).toBe(true);
    expect(outcome.rootfs).toBeUndefined();
    expect(runtime.live()).toEqual([]);
    expect((await readdir(join(root, 'workspace', 'cache')).catch(() => [] as string[])).filter((n) => /^[0-9a-f]{64}$/.test(n))).toEqual([]);
    expect(await readdir(join(root, 'workspace'))).not.toContain('preview');
  });

  it('the build container carries its own deadline: the recipe timeout plus a margin', async () => {
    const root = await tinyRoot({ quick: localRecipe('quick', ', timeout = 100') });
    const runtime = fakeRuntime(() => ({ dest: { a: 'a' } }));
    await buildTiny(root, runtime);
    const cmd = runtime.created[0]?.cmd ?? [];
    expect(cmd.slice(0, 2)).toEqual(['/bin/sh', '-c']);
    expect(cmd[2]).toContain('(sleep 110; kill -TERM 1) &');
    expect(cmd.slice(-2)).toEqual(['/bin/sh', '/build/run.sh']);
  });
});

describe('the CLI edge on SIGINT', () => {
  it('the first SIGINT makes the exit code 130 whatever the command was doing; a second one exits at once', async () => {
    const root = await tinyRoot({ quick: localRecipe('quick') });
    await mkdir(join(root, 'workspace'), { recursive: true });
    // An engine that never answers: the command waits in ping until it is interrupted.
    const silent = { ...fakeRuntime(() => ({})), ping: () => new Promise<void>(() => {}) };
    const exits: number[] = [];
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (c: Buffer) => (err += c.toString()));
    const running = main(['build', '--profile', 'test'], {
      cwd: root,
      env: { NO_COLOR: '1', CI: 'true' },
      stdout: new PassThrough(),
      stderr,
      handleSignals: true,
      exit: (code) => exits.push(code),
      runtime: () => silent,
    });
    await new Promise((r) => setTimeout(r, 1500));
    process.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([]);
    process.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([130]);
    expect(await running).toBe(130);
    expect(err).toMatch(/SIGINT: stopping[\s\S]*SIGINT again: exiting now[\s\S]*\[INTERRUPTED\]/);
  });
});
