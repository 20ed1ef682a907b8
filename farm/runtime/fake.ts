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
  /** Every container run, in the order they started: its spec and the files put into it. */
  readonly runs: FakeRunContext[];
  /** Every buildImage call, in order. */
  readonly built: FakeBuild[];
  readonly removed: string[];
  /** Ids of containers created and not yet removed. */
  live(): string[];
  /** By reference; an image named by several references appears under each (its id may be one of them). */
  images: Map<string, FakeImage>;
}

type Behaviour = (ctx: FakeRunContext) => FakeRunResult | Promise<FakeRunResult>;

/** What one fake engine holds. */
interface FakeState {
  readonly created: ContainerSpec[];
  readonly runs: FakeRunContext[];
  readonly built: FakeBuild[];
  readonly removed: string[];
  /** Live container id -> the id of its image. */
  readonly alive: Map<string, string>;
  readonly images: Map<string, FakeImage>;
  /** The last number given to a container or an image id. */
  counter: number;
}

/**
 * An in-memory ContainerRuntime for unit tests: containers run a scripted
 * function instead of a process, inputs are real tar streams.
 */
export function createFakeRuntime(
  behaviour: Behaviour,
  options: {
    readonly engineUp?: boolean;
    readonly images?: Record<string, FakeImage>;
    /** What `cores()` answers (default: nothing said). */ readonly cores?: number;
  } = {},
): FakeRuntime {
  const state: FakeState = { created: [], runs: [], built: [], removed: [], alive: new Map(), images: new Map(Object.entries(options.images ?? {})), counter: 0 };
  const { created, runs, built, removed, alive, images } = state;
  return {
    created,
    runs,
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
      const image = imageOf(images, spec.image);
      if (image === undefined) return Promise.reject(new FarmError('IMAGE_MISSING', `no image ${spec.image}`));
      return Promise.resolve(fakeContainer(state, spec, image, behaviour));
    },
    inspectImage(ref) {
      return Promise.resolve(images.get(ref));
    },
    async importImage(rootfs, ref) {
      await readTar(rootfs, () => {});
      const info = { id: `sha256:${String(++state.counter).padStart(64, '0')}`, labels: {}, env: [] };
      images.set(ref, info);
      return info.id;
    },
    async buildImage(context, ref, opts) {
      await readTar(context, () => {});
      built.push({ ref, labels: { ...opts.labels }, buildArgs: { ...opts.buildArgs } });
      const info = { id: `sha256:${String(++state.counter).padStart(64, '1')}`, labels: { ...opts.labels }, env: [] };
      images.set(ref, info);
      return info.id;
    },
    saveImage: (ref) => saveImage(images, ref),
    loadImage: (archive) => loadImage(images, archive),
    listImages: (labels) => Promise.resolve(listImages(images, labels)),
    removeImage: (ref, opts = {}) => removeImage(state, ref, opts.force === true),
    listContainers() {
      return Promise.resolve([...alive.keys()]);
    },
    removeContainer(id) {
      alive.delete(id);
      removed.push(id);
      return Promise.resolve();
    },
    cores: () => Promise.resolve(options.cores),
  };
}

function imageOf(images: ReadonlyMap<string, FakeImage>, ref: string): FakeImage | undefined {
  return images.get(ref) ?? [...images.values()].find((i) => i.id === ref);
}

/** The references naming image `id` (other than the id itself). */
function refsOf(images: ReadonlyMap<string, FakeImage>, id: string): string[] {
  return [...images].filter(([ref, i]) => i.id === id && ref !== id).map(([ref]) => ref);
}

function listImages(images: ReadonlyMap<string, FakeImage>, labels: Readonly<Record<string, string>>): ImageSummary[] {
  const ids = new Set([...images.values()].filter((i) => Object.entries(labels).every(([k, v]) => i.labels[k] === v)).map((i) => i.id));
  return [...ids].map((id): ImageSummary => {
    const image = imageOf(images, id) as FakeImage;
    return { id, refs: refsOf(images, id), labels: image.labels, created: image.created ?? 0, size: image.size ?? 0 };
  });
}

/** The fake engine's `docker save`: a tar holding the image (its id, labels and env) and the references naming it. */
function saveImage(images: ReadonlyMap<string, FakeImage>, ref: string): Promise<Readable> {
  const image = imageOf(images, ref);
  if (image === undefined) return Promise.reject(new FarmError('IMAGE_MISSING', `no image ${ref}`));
  const p = pack();
  const body = JSON.stringify({ image, refs: ref === image.id ? [] : [ref] });
  p.entry({ name: FAKE_ARCHIVE_ENTRY, size: Buffer.byteLength(body), mode: 0o644, mtime: new Date(0) }, body);
  p.finalize();
  return Promise.resolve(p as unknown as Readable);
}

/** The fake engine's `docker load` of what saveImage made; an archive without the entry is refused as the engine would. */
async function loadImage(images: Map<string, FakeImage>, archive: Readable): Promise<string[]> {
  let saved: { image: FakeImage; refs: string[] } | undefined;
  await readTar(archive, (name, body) => {
    if (name === FAKE_ARCHIVE_ENTRY) saved = JSON.parse(body.toString('utf8')) as { image: FakeImage; refs: string[] };
  });
  if (saved === undefined) throw new FarmError('IMAGE_FAILED', 'invalid tar header: no image in the archive');
  const { image, refs } = saved;
  images.set(image.id, image);
  for (const r of refs) images.set(r, image);
  return refs.length > 0 ? refs : [image.id];
}

const FAKE_ARCHIVE_ENTRY = 'fake-image.json';

function removeImage({ images, alive }: FakeState, ref: string, force: boolean): Promise<void> {
  const image = imageOf(images, ref);
  if (image === undefined) return Promise.resolve();
  // Like the engine: the image itself goes with its last reference (or by id), unless a container uses it.
  const last = ref === image.id || refsOf(images, image.id).length <= 1;
  if (!force && last && [...alive.values()].includes(image.id)) return Promise.reject(new FarmError('IMAGE_IN_USE', `${ref}: a container uses image ${image.id}`));
  if (!force && ref === image.id && refsOf(images, image.id).length > 1)
    return Promise.reject(new FarmError('IMAGE_IN_USE', `${ref}: image is referenced in multiple repositories`));
  const doomed = last ? [...images].filter(([, i]) => i.id === image.id).map(([r]) => r) : [ref];
  for (const r of doomed) images.delete(r);
  return Promise.resolve();
}

/** A container whose run calls `behaviour` with the files put into it; what it "installs" is served by getArchive. */
function fakeContainer(state: FakeState, spec: ContainerSpec, image: FakeImage, behaviour: Behaviour): Container {
  const id = `fake${++state.counter}`;
  state.created.push(spec);
  state.alive.set(id, image.id);
  const files = new Map<string, Buffer>();
  let dest: Readonly<Record<string, FakeFile | string>> = {};
  let gone = false;
  const remove = (): Promise<void> => {
    if (gone) return Promise.resolve();
    gone = true;
    state.alive.delete(id);
    state.removed.push(id);
    return Promise.resolve();
  };
  return {
    id,
    async putArchive(path, tar) {
      await readTar(tar, (name, body) => files.set(joinPath(path, name), body));
    },
    async run({ timeoutMs, onOutput, signal }): Promise<ExitStatus> {
      state.runs.push({ spec, files });
      const result = await behaviour({ spec, files });
      if (result.output !== undefined) onOutput(Buffer.from(result.output));
      const outcome = await pretendToRun(result.delayMs ?? 0, timeoutMs, signal);
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
}

/** Wait as long as the scripted build takes, unless the time limit passes or the signal aborts first. */
function pretendToRun(delayMs: number, timeoutMs: number, signal: AbortSignal | undefined): Promise<'done' | 'timeout' | 'abort'> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve('abort');
    const t1 = setTimeout(() => resolve('done'), delayMs);
    const t2 = setTimeout(() => resolve('timeout'), timeoutMs);
    signal?.addEventListener('abort', () => {
      clearTimeout(t1);
      clearTimeout(t2);
      resolve('abort');
    });
  });
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
