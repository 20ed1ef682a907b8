import { Readable } from 'node:stream';
import { extract, pack } from 'tar-stream';
import { FarmError } from '../errors/index.js';
import type { Container, ContainerRuntime, ContainerSpec, ExitStatus, ImageInfo, ImageSummary } from './port.js';

/** A file the fake build "installs" into /build/dest. */
export interface FakeFile {
  readonly content: string;
  readonly mode?: number;
}

export interface FakeRunResult {
  readonly exitCode?: number;
  readonly output?: string;
  /** Paths relative to /build/dest. */
  readonly dest?: Readonly<Record<string, FakeFile | string>>;
  readonly oomKilled?: boolean;
  /** Pretend the build takes this long (abort and timeout apply). */
  readonly delayMs?: number;
}

export interface FakeRunContext {
  readonly spec: ContainerSpec;
  /** Every regular file put into the container, by absolute path. */
  readonly files: ReadonlyMap<string, Buffer>;
}

/** An image of the fake engine; `listImages` reports `created` and `size` (default 0). */
export interface FakeImage extends ImageInfo {
  readonly created?: number;
  readonly size?: number;
}

/** One buildImage call of the fake engine. */
export interface FakeBuild {
  readonly ref: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly buildArgs: Readonly<Record<string, string>>;
}

export interface FakeRuntime extends ContainerRuntime {
  readonly created: ContainerSpec[];
  /** Every buildImage call, in order. */
  readonly built: FakeBuild[];
  readonly removed: string[];
  /** Ids of containers created and not yet removed. */
  live(): string[];
  /** By reference; an image named by several references appears under each (its id may be one of them). */
  images: Map<string, FakeImage>;
}

/**
 * An in-memory ContainerRuntime for unit tests: containers run a scripted
 * function instead of a process, inputs are real tar streams.
 */
export function createFakeRuntime(
  behaviour: (ctx: FakeRunContext) => FakeRunResult | Promise<FakeRunResult>,
  options: { readonly engineUp?: boolean; readonly images?: Record<string, FakeImage> } = {},
): FakeRuntime {
  const created: ContainerSpec[] = [];
  const built: FakeBuild[] = [];
  const removed: string[] = [];
  /** Live container id -> the id of its image. */
  const alive = new Map<string, string>();
  const images = new Map<string, FakeImage>(Object.entries(options.images ?? {}));
  let counter = 0;
  const imageOf = (ref: string): FakeImage | undefined => images.get(ref) ?? [...images.values()].find((i) => i.id === ref);
  const refsOf = (id: string): string[] => [...images].filter(([ref, i]) => i.id === id && ref !== id).map(([ref]) => ref);

  const runtime: FakeRuntime = {
    created,
    built,
    removed,
    images,
    live: () => [...alive.keys()],
    ping() {
      if (options.engineUp === false) return Promise.reject(new FarmError('ENGINE_UNAVAILABLE', 'fake engine is down'));
      return Promise.resolve();
    },
    createContainer(spec) {
      // Like the engine: an image is named by its reference or by its id.
      const image = imageOf(spec.image);
      if (image === undefined) return Promise.reject(new FarmError('IMAGE_MISSING', `no image ${spec.image}`));
      const id = `fake${++counter}`;
      created.push(spec);
      alive.set(id, image.id);
      const files = new Map<string, Buffer>();
      let dest: Readonly<Record<string, FakeFile | string>> = {};
      let gone = false;
      const remove = (): Promise<void> => {
        if (gone) return Promise.resolve();
        gone = true;
        alive.delete(id);
        removed.push(id);
        return Promise.resolve();
      };
      const container: Container = {
        id,
        async putArchive(path, tar) {
          await readTar(tar, (name, body) => files.set(joinPath(path, name), body));
        },
        async run({ timeoutMs, onOutput, signal }): Promise<ExitStatus> {
          const result = await behaviour({ spec, files });
          if (result.output !== undefined) onOutput(Buffer.from(result.output));
          const delay = result.delayMs ?? 0;
          const outcome = await new Promise<'done' | 'timeout' | 'abort'>((resolve) => {
            if (signal?.aborted) return resolve('abort');
            const t1 = setTimeout(() => resolve('done'), delay);
            const t2 = setTimeout(() => resolve('timeout'), timeoutMs);
            signal?.addEventListener('abort', () => {
              clearTimeout(t1);
              clearTimeout(t2);
              resolve('abort');
            });
            void t2;
          });
          if (outcome === 'abort') throw signal?.reason;
          if (outcome !== 'done') return { exitCode: 137, oomKilled: false, timedOut: true };
          dest = result.dest ?? {};
          return { exitCode: result.exitCode ?? 0, oomKilled: result.oomKilled ?? false, timedOut: false };
        },
        getArchive(path) {
          if (path !== '/build/dest') return Promise.reject(new Error(`fake runtime: getArchive(${path}) unsupported`));
          return Promise.resolve(destTar(dest));
        },
        remove,
        [Symbol.asyncDispose]: remove,
      };
      return Promise.resolve(container);
    },
    inspectImage(ref) {
      return Promise.resolve(images.get(ref));
    },
    async importImage(rootfs, ref) {
      await readTar(rootfs, () => {});
      const info = { id: `sha256:${String(++counter).padStart(64, '0')}`, labels: {}, env: [] };
      images.set(ref, info);
      return info.id;
    },
    async buildImage(context, ref, opts) {
      await readTar(context, () => {});
      built.push({ ref, labels: { ...opts.labels }, buildArgs: { ...opts.buildArgs } });
      const info = { id: `sha256:${String(++counter).padStart(64, '1')}`, labels: { ...opts.labels }, env: [] };
      images.set(ref, info);
      return info.id;
    },
    listImages(labels) {
      const ids = new Set([...images.values()].filter((i) => Object.entries(labels).every(([k, v]) => i.labels[k] === v)).map((i) => i.id));
      return Promise.resolve(
        [...ids].map((id): ImageSummary => {
          const image = imageOf(id) as FakeImage;
          return { id, refs: refsOf(id), labels: image.labels, created: image.created ?? 0, size: image.size ?? 0 };
        }),
      );
    },
    removeImage(ref, opts = {}) {
      const image = imageOf(ref);
      if (image === undefined) return Promise.resolve();
      // Like the engine: the image itself goes with its last reference (or by id), unless a container uses it.
      const last = ref === image.id || refsOf(image.id).length <= 1;
      if (opts.force !== true && last && [...alive.values()].includes(image.id))
        return Promise.reject(new FarmError('IMAGE_IN_USE', `${ref}: a container uses image ${image.id}`));
      if (opts.force !== true && ref === image.id && refsOf(image.id).length > 1)
        return Promise.reject(new FarmError('IMAGE_IN_USE', `${ref}: image is referenced in multiple repositories`));
      const doomed = last ? [...images].filter(([, i]) => i.id === image.id).map(([r]) => r) : [ref];
      for (const r of doomed) images.delete(r);
      return Promise.resolve();
    },
    listContainers() {
      return Promise.resolve([...alive.keys()]);
    },
    removeContainer(id) {
      alive.delete(id);
      removed.push(id);
      return Promise.resolve();
    },
  };
  return runtime;
}

function joinPath(base: string, name: string): string {
  return `${base.replace(/\/$/, '')}/${name.replace(/^\.?\//, '')}`.replace(/\/+/g, '/');
}

function readTar(stream: Readable, onFile: (name: string, body: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const ex = extract();
    ex.on('entry', (header, body, next) => {
      const chunks: Buffer[] = [];
      body.on('data', (c) => {
        chunks.push(c as Buffer);
      });
      body.on('end', () => {
        if (header.type === 'file') onFile(header.name, Buffer.concat(chunks));
        next();
      });
    });
    ex.on('finish', resolve);
    ex.on('error', reject);
    stream.on('error', reject);
    stream.pipe(ex);
  });
}

function destTar(files: Readonly<Record<string, FakeFile | string>>): Readable {
  const p = pack();
  p.entry({ name: 'dest/', type: 'directory', mode: 0o755 });
  const dirs = new Set<string>();
  for (const path of Object.keys(files).sort()) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (!dirs.has(dir)) {
        dirs.add(dir);
        p.entry({ name: `dest/${dir}/`, type: 'directory', mode: 0o755, mtime: new Date() });
      }
    }
    const f = files[path] as FakeFile | string;
    const file = typeof f === 'string' ? { content: f } : f;
    p.entry({ name: `dest/${path}`, mode: file.mode ?? 0o644, mtime: new Date(), uid: 1000, gid: 1000 }, file.content);
  }
  p.finalize();
  return p as unknown as Readable;
}
