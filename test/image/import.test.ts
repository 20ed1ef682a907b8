import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { pack } from 'tar-stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FarmError } from '../../farm/errors/index.js';
import { importRootfs } from '../../farm/image/import.js';
import { inspectBuilder } from '../../farm/image/inspect.js';
import type { FarmEvent } from '../../farm/report/events.js';
import { createFakeRuntime } from '../../farm/runtime/fake.js';
import { farmLabels, LABELS } from '../../farm/runtime/labels.js';
import { cli } from '../support/cli.js';
import { REPO } from '../support/farm.js';

type Entry = { readonly name: string; readonly body?: string; readonly link?: string; readonly dir?: true };

/** A small rootfs tarball (gzip) of `entries`. */
async function tarball(at: string, entries: readonly Entry[]): Promise<string> {
  const p = pack();
  for (const e of entries) {
    if (e.dir === true) p.entry({ name: e.name, type: 'directory', mode: 0o755 });
    else if (e.link !== undefined) p.entry({ name: e.name, type: 'symlink', linkname: e.link });
    else p.entry({ name: e.name, mode: 0o755 }, e.body ?? '');
  }
  p.finalize();
  await pipeline(p, createGzip(), createWriteStream(at));
  return at;
}

/** The shape of a tiny Stasis release tarball: busybox's sh, tcc as cc, the farm's etc/stasis/. */
const STASIS: Entry[] = [
  { name: './bin/', dir: true },
  { name: './bin/busybox', body: '\x7fELF' },
  { name: './bin/sh', link: 'busybox' },
  { name: './etc/stasis/', dir: true },
  { name: './etc/stasis/cmdline', body: 'root=/dev/sda1 rw\n' },
  { name: './usr/bin/tcc', body: '\x7fELF' },
  { name: './usr/bin/cc', link: 'tcc' },
  { name: './usr/lib/libc.a', body: '!<arch>\n' },
];

const IMAGES = join(REPO, 'images');
const REF = 'stasis-builder:imported';

describe('image import: a builder made according to what the rootfs tarball is', () => {
  let dir: string;
  let events: FarmEvent[];
  const sink = (e: FarmEvent): void => void events.push(e);
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'stasis-import-'));
    events = [];
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('a Stasis rootfs becomes the builder as it is: images/rootfs, no package manager, STASIS_CC=tcc, labelled builder and musl', async () => {
    const tar = await tarball(join(dir, 'stasis-tiny-rootfs.tar.gz'), STASIS);
    const runtime = createFakeRuntime(() => ({}));
    const imported = await importRootfs(runtime, { ref: REF, tarPath: tar, imagesDir: IMAGES, sink });
    expect(imported.made).toBe('rootfs');
    expect(imported.facts).toMatchObject({ kind: 'stasis', libc: 'musl', cc: 'tcc' });
    // One image build from the rootfs; nothing imported first (no -base image for a definition to build on).
    expect(runtime.built).toEqual([{ ref: REF, labels: farmLabels({ kind: 'builder', libc: 'musl' }), buildArgs: { STASIS_CC: 'tcc', LIBC: 'musl' } }]);
    expect([...runtime.images.keys()]).toEqual([REF]);
    expect((await inspectBuilder(runtime, REF)).libc).toBe('musl');
    expect(events).toContainEqual({ type: 'info', message: `${tar}: a Stasis rootfs (libc musl, shell /bin/sh, C compiler tcc)` });
  });

  it('an Alpine minirootfs gets images/alpine/Dockerfile.import (apk) on top of the imported base', async () => {
    const tar = await tarball(join(dir, 'alpine-minirootfs.tar.gz'), [
      { name: 'etc/alpine-release', body: '3.20.3\n' },
      { name: 'bin/busybox', body: '\x7fELF' },
      { name: 'bin/sh', link: '/bin/busybox' },
      { name: 'sbin/apk', body: '\x7fELF' },
      { name: 'lib/ld-musl-x86_64.so.1', body: '\x7fELF' },
    ]);
    const runtime = createFakeRuntime(() => ({}));
    const imported = await importRootfs(runtime, { ref: REF, tarPath: tar, imagesDir: IMAGES, sink });
    expect(imported.made).toEqual({ definition: join(IMAGES, 'alpine', 'Dockerfile.import') });
    expect(runtime.images.has('stasis-builder-base:imported')).toBe(true);
    expect(runtime.built).toEqual([
      { ref: REF, labels: { ...farmLabels({ kind: 'builder' }), [LABELS.libc]: 'musl' }, buildArgs: { BASE: 'stasis-builder-base:imported' } },
    ]);
  });

  it('--definition overrides what the tarball is: its Dockerfile on top of the imported rootfs', async () => {
    const tar = await tarball(join(dir, 'stasis.tar.gz'), STASIS);
    const runtime = createFakeRuntime(() => ({}));
    const imported = await importRootfs(runtime, { ref: REF, tarPath: tar, imagesDir: IMAGES, definitionDir: join(IMAGES, 'debian-musl'), sink });
    expect(imported.made).toEqual({ definition: join(IMAGES, 'debian-musl', 'Dockerfile') });
    expect(runtime.built.map((b) => b.buildArgs)).toEqual([{ BASE: 'stasis-builder-base:imported' }]);
  });

  it('a rootfs with a shell and no C compiler is refused (BUILDER_UNUSABLE, exit 5), naming the file and what it lacks; no image is made', async () => {
    const tar = await tarball(join(dir, 'no-compiler.tar.gz'), [
      { name: 'etc/stasis/', dir: true },
      { name: 'bin/busybox', body: '\x7fELF' },
      { name: 'bin/sh', link: 'busybox' },
    ]);
    const runtime = createFakeRuntime(() => ({}));
    const error = await importRootfs(runtime, { ref: REF, tarPath: tar, imagesDir: IMAGES, sink }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FarmError);
    const e = error as FarmError;
    expect(e.code).toBe('BUILDER_UNUSABLE');
    expect(e.exitCode).toBe(5);
    expect(e.message).toBe(`${tar} cannot be a builder: it has no C compiler (cc, tcc, gcc or clang on PATH)`);
    expect(e.hint).toContain(tar);
    expect(e.hint).toContain('--definition DIR');
    expect(runtime.images.size).toBe(0);
    expect(runtime.built).toEqual([]);
  });

  it('a rootfs without /bin/sh is refused even when a definition would install the compiler', async () => {
    const tar = await tarball(join(dir, 'no-shell.tar.gz'), [
      { name: 'etc/alpine-release', body: '3.20.3\n' },
      { name: 'sbin/apk', body: '\x7fELF' },
    ]);
    const runtime = createFakeRuntime(() => ({}));
    await expect(importRootfs(runtime, { ref: REF, tarPath: tar, imagesDir: IMAGES, sink })).rejects.toMatchObject({
      code: 'BUILDER_UNUSABLE',
      message: `${tar} cannot be a builder: it has no /bin/sh`,
    });
    expect(runtime.images.size).toBe(0);
  });

  it('the CLI says what it made, and renders the refusal with its hint and exit code 5', async () => {
    const good = await tarball(join(dir, 'good.tar.gz'), STASIS);
    const bad = await tarball(join(dir, 'bad.tar.gz'), [{ name: 'etc/hostname', body: 'x\n' }]);
    const runtime = createFakeRuntime(() => ({}));
    const ok = await cli(dir, ['image', 'import', good, '--ref', REF], {}, () => runtime);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/^builder stasis-builder:imported ready \(sha256:\S+, libc musl: the rootfs as it is, STASIS_CC=tcc\)$/m);
    const refused = await cli(dir, ['image', 'import', bad, '--ref', REF], {}, () => runtime);
    expect(refused.code).toBe(5);
    expect(refused.err).toContain(`${bad} cannot be a builder: it has no /bin/sh and no C compiler`);
    expect(refused.err).toContain('--definition DIR');
  });
});
