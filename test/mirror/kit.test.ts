import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../farm/cli/main.js';
import { readIndex, validateIndex, verifyMirror } from '../../farm/mirror/index.js';
import { createFakeRuntime, type FakeImage, type FakeRuntime } from '../../farm/runtime/fake.js';
import type { ContainerRuntime } from '../../farm/runtime/port.js';
import { cli } from '../support/cli.js';
import { tinyRoot } from '../support/tiny-project.js';
import { sourceFiles } from './sources-fixture.js';

const ID = `sha256:${'d'.repeat(64)}`;
const BUILDER: FakeImage = { id: ID, labels: {}, env: [] };
const REF = 'stasis-builder:debian-musl';
const SHA = 'e'.repeat(64);

/** An engine holding the builder, counting its saves. */
function sourceEngine(): { runtime: ContainerRuntime; saves: () => number } {
  const fake = createFakeRuntime(() => ({}), { images: { [REF]: BUILDER } });
  let saves = 0;
  return {
    runtime: {
      ...fake,
      saveImage: (ref) => {
        saves++;
        return fake.saveImage(ref);
      },
    },
    saves: () => saves,
  };
}

/** A project whose one package (lpeg) has a source in a mirror directory; the kit directory to export to. */
async function project(): Promise<{ root: string; src: string; kit: string }> {
  const { dir: src, list } = await sourceFiles();
  const lpeg = list[0] as { file: string; sha256: string };
  const root = await tinyRoot({
    lpeg: `return { name = "lpeg", version = "1", description = "t", license = "MIT", sources = { { file = "${lpeg.file}", sha256 = "${lpeg.sha256}" } }, build = "true" }\n`,
  });
  return { root, src, kit: join(await mkdtemp(join(tmpdir(), 'kit-')), 'kit') };
}

describe('the airgap kit (mirror export --with-builder, image load)', () => {
  it('carries the builder with its ref and id; verify and prune count it in; a second export keeps it', async () => {
    const { root, src, kit } = await project();
    const a = sourceEngine();
    const r = await cli(root, ['mirror', 'export', kit, '--profile', 'test', '--with-builder', '--mirror', src], {}, () => a.runtime);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`builder ${REF} (${ID.slice(0, 19)}) in builder.tar; offline: stasis-farm image load ${kit}`);
    const index = await readIndex(kit);
    expect(index.builder).toMatchObject({ ref: REF, id: ID, file: 'builder.tar', size: (await stat(join(kit, 'builder.tar'))).size });
    expect(await readFile(join(kit, 'SHA256SUMS'), 'utf8')).toContain(`${index.builder?.sha256}  builder.tar`);
    // The source (by name and its sha256/ link, one file) and the builder archive.
    expect(await verifyMirror(kit)).toMatchObject({ ok: true, checked: 2, unreferenced: [] });
    const pruned = await cli(root, ['mirror', 'prune', kit, '--yes']);
    expect(pruned.code, pruned.err).toBe(0);
    expect(pruned.out).not.toContain('builder.tar');
    expect((await stat(join(kit, 'builder.tar'))).isFile()).toBe(true);

    const again = await cli(root, ['mirror', 'export', kit, '--profile', 'test', '--with-builder', '--mirror', src], {}, () => a.runtime);
    expect(again.code, again.err).toBe(0);
    expect(a.saves()).toBe(1);
    expect(again.err).toContain('kept builder');
    // Without --with-builder the kit keeps the builder it has.
    expect((await cli(root, ['mirror', 'export', kit, '--profile', 'test', '--mirror', src])).code).toBe(0);
    expect((await readIndex(kit)).builder?.id).toBe(ID);
  });

  it('image load puts it into an engine that lacks it, checks the id, and skips one that has it', async () => {
    const { root, src, kit } = await project();
    expect((await cli(root, ['mirror', 'export', kit, '--profile', 'test', '--with-builder', '--mirror', src], {}, () => sourceEngine().runtime)).code).toBe(0);
    const offline: FakeRuntime = createFakeRuntime(() => ({}));
    const loaded = await cli(root, ['image', 'load', kit], {}, () => offline);
    expect(loaded.code, loaded.err).toBe(0);
    expect(loaded.out).toMatch(new RegExp(`loaded ${REF} \\(${ID.slice(0, 19)}\\) from ${kit} into unix:///var/run/docker.sock: .* MiB, the id the kit records`));
    expect(await offline.inspectImage(REF)).toEqual(BUILDER);
    const twice = await cli(root, ['image', 'load', kit], {}, () => offline);
    expect(twice.out).toContain('already has');
  });

  it('a damaged builder archive is refused before the engine sees it; a kit without a builder says how to make one', async () => {
    const { root, src, kit } = await project();
    expect((await cli(root, ['mirror', 'export', kit, '--profile', 'test', '--with-builder', '--mirror', src], {}, () => sourceEngine().runtime)).code).toBe(0);
    const bytes = await readFile(join(kit, 'builder.tar'));
    bytes[10] = (bytes[10] as number) ^ 1;
    await writeFile(join(kit, 'builder.tar'), bytes);
    const offline = createFakeRuntime(() => ({}));
    const r = await cli(root, ['image', 'load', kit], {}, () => offline);
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/\[MIRROR_INVALID\] .*builder\.tar: sha256 [0-9a-f]{64}, the kit's index says/);
    expect(offline.images.size).toBe(0);
    expect((await verifyMirror(kit)).corrupt.map((c) => c.file)).toEqual(['builder.tar']);

    const { root: root2, src: src2, kit: plain } = await project();
    expect((await cli(root2, ['mirror', 'export', plain, '--profile', 'test', '--mirror', src2])).code).toBe(0);
    const none = await cli(root2, ['image', 'load', plain], {}, () => offline);
    expect(none.code).toBe(4);
    expect(none.err).toContain('hint: export one with it: stasis-farm mirror export DIR --with-builder');
  });

  it('an export without --with-builder drops a builder whose archive is gone, and rewrites an unreadable index', async () => {
    const { root, src, kit } = await project();
    expect((await cli(root, ['mirror', 'export', kit, '--profile', 'test', '--with-builder', '--mirror', src], {}, () => sourceEngine().runtime)).code).toBe(0);
    await rm(join(kit, 'builder.tar'));
    const gone = await cli(root, ['mirror', 'export', kit, '--profile', 'test', '--mirror', src]);
    expect(gone.code, gone.err).toBe(0);
    expect(gone.err).toContain('the index names builder.tar, which is gone');
    expect((await readIndex(kit)).builder).toBeUndefined();
    await writeFile(join(kit, 'index.yaml'), 'packages: [oops\n');
    const rewritten = await cli(root, ['mirror', 'export', kit, '--profile', 'test', '--mirror', src]);
    expect(rewritten.code, rewritten.err).toBe(0);
    expect((await verifyMirror(kit)).ok).toBe(true);
  });

  it.each([
    [{ ref: REF, id: ID, file: '../builder.tar', sha256: SHA, size: 1 }, /builder\.file: "\.\.\/builder\.tar" is not a plain file name/],
    [{ ref: REF, id: ID, file: 'a.tar.gz', sha256: SHA, size: 1 }, /builder\.file: "a\.tar\.gz" is a name the mirror uses for itself or for a source/],
    [{ ref: REF, id: 'latest', file: 'builder.tar', sha256: SHA, size: 1 }, /builder\.id: "latest" is not an image id/],
    [{ ref: 'Not A Ref', id: ID, file: 'builder.tar', sha256: SHA, size: 1 }, /builder\.ref: "Not A Ref" is not an image reference/],
    [{ ref: REF, id: ID, file: 'builder.tar', sha256: SHA, size: 1, run: 'sh' }, /builder\.run: unknown field/],
  ])('an index whose builder entry is %j is MIRROR_INVALID naming the field', (builder, message) => {
    const raw = { packages: { a: [{ file: 'a.tar.gz', sha256: SHA, size: 1 }] }, builder };
    expect(() => validateIndex(raw, 'kit/index.yaml')).toThrow(message);
  });
});

describe('image copy --to', () => {
  it('copies the configured builder to the engine at the URL and says so; JSON with --json', async () => {
    const root = await tinyRoot({});
    const a = createFakeRuntime(() => ({}), { images: { [REF]: BUILDER } });
    const b = createFakeRuntime(() => ({}));
    const asked: { url: string; certPath: string | undefined }[] = [];
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (c: Buffer) => (out += c.toString()));
    const run = (args: string[]) =>
      main(args, {
        cwd: root,
        env: { NO_COLOR: '1', CI: 'true', DOCKER_HOST: 'unix:///run/a.sock' },
        stdout,
        stderr: new PassThrough(),
        runtime: () => a,
        engineAt: (url, options) => {
          asked.push({ url, certPath: options.certPath });
          return b;
        },
      });
    expect(await run(['image', 'copy', '--to', 'tcp://b.lan:2376', '--to-cert-path', '/certs'])).toBe(0);
    expect(asked).toEqual([{ url: 'tcp://b.lan:2376', certPath: '/certs' }]);
    expect(out).toMatch(new RegExp(`copied ${REF} \\(${ID.slice(0, 19)}\\) to tcp://b.lan:2376: .* MiB, the same id there`));
    expect((await b.inspectImage(REF))?.id).toBe(ID);
    out = '';
    expect(await run(['--json', 'image', 'copy', REF, '--to', 'tcp://b.lan:2376'])).toBe(0);
    expect(JSON.parse(out)).toEqual({ ref: REF, id: ID, from: 'unix:///run/a.sock', to: 'tcp://b.lan:2376', copied: false, bytes: 0 });
  });

  it('needs --to, and an engine that answers', async () => {
    const root = await tinyRoot({});
    expect((await cli(root, ['image', 'copy'])).code).toBe(2);
    const r = await cli(root, ['image', 'copy', '--to', 'unix:///nowhere.sock']);
    expect(r.code).toBe(5);
  });
});
