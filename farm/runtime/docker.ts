import Docker from 'dockerode';
import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { FarmError, interrupted } from '../errors/index.js';
import { createDemuxer } from './demux.js';
import { parseEndpoint, type Endpoint, type TlsFiles } from './endpoint.js';
import type { Container, ContainerRuntime, ContainerSpec, ExitStatus, ImageInfo, ImageSummary, Ulimit } from './port.js';
import { engineUnavailable } from './unavailable.js';

export interface DockerRuntimeOptions {
  /** DOCKER_HOST value: unix:///path, tcp://host:port or ssh://user@host. Default: /var/run/docker.sock. */
  readonly dockerHost?: string | undefined;
  /** How the engine is reached (parseEndpoint); wins over dockerHost. */
  readonly endpoint?: Endpoint;
}

/**
 * dockerode's options for an endpoint. docker-modem fills what is not given from the process's own
 * DOCKER_HOST and DOCKER_CERT_PATH, which would send a second engine's requests to the first: every
 * field it would take from there is given here, if only as undefined.
 */
export function dockerOptions(endpoint: Endpoint, readFile: (path: string) => Buffer = readFileSync): Docker.DockerOptions {
  const none = { socketPath: undefined, host: undefined, port: undefined, username: undefined, ca: undefined, cert: undefined, key: undefined };
  switch (endpoint.kind) {
    case 'unix':
      return { ...none, socketPath: endpoint.socketPath, protocol: 'http' };
    case 'ssh':
      return { ...none, host: endpoint.host, port: endpoint.port, username: endpoint.username, protocol: 'ssh', sshOptions: { agent: endpoint.agent } };
    case 'tcp':
      if (endpoint.tls === undefined) return { ...none, host: endpoint.host, port: endpoint.port, protocol: 'http' };
      return { ...none, host: endpoint.host, port: endpoint.port, protocol: 'https', ...tlsFiles(endpoint.url, endpoint.tls, readFile) };
  }
}

function tlsFiles(url: string, tls: TlsFiles, readFile: (path: string) => Buffer): { ca: Buffer; cert: Buffer; key: Buffer } {
  try {
    return { ca: readFile(tls.ca), cert: readFile(tls.cert), key: readFile(tls.key) };
  } catch (error) {
    throw new FarmError('ENGINE_UNAVAILABLE', `${url}: cannot read its TLS files: ${(error as Error).message}`, {
      hint: 'a TLS engine needs ca.pem, cert.pem and key.pem in DOCKER_CERT_PATH (default ~/.docker) or the directory an option names',
      cause: error,
    });
  }
}

function statusOf(error: unknown): number | undefined {
  const code = (error as { statusCode?: unknown }).statusCode;
  return typeof code === 'number' ? code : undefined;
}

type ImportOptions = Parameters<ContainerRuntime['importImage']>[2];
type BuildOptions = Parameters<ContainerRuntime['buildImage']>[2];
type RemoveImageOptions = NonNullable<Parameters<ContainerRuntime['removeImage']>[1]>;
type RunOptions = Parameters<Container['run']>[0];

/** The ContainerRuntime port over dockerode. */
export function createDockerRuntime(options: DockerRuntimeOptions = {}): ContainerRuntime {
  const endpoint = options.endpoint ?? parseEndpoint(options.dockerHost);
  const docker = new Docker(dockerOptions(endpoint));
  const where = endpoint.url;
  return {
    ping: () => ping(docker, where),
    createContainer: async (spec) => wrapContainer(await docker.createContainer(containerOptions(spec)), () => ping(docker, where)),
    inspectImage: (ref) => inspectImage(docker, ref),
    importImage: (rootfs, ref, opts) => importImage(docker, rootfs, ref, opts),
    buildImage: (context, ref, opts) => buildImage(docker, context, ref, opts),
    saveImage: async (ref) => (await docker.getImage(ref).get()) as unknown as Readable,
    loadImage: (archive) => loadImage(docker, archive),
    listImages: (labels) => listImages(docker, labels),
    removeImage: (ref, opts = {}) => removeImage(docker, ref, opts),
    listContainers: (labels) => listContainers(docker, labels),
    removeContainer: (id) => removeContainer(docker, id),
    cores: async () => positive(((await docker.info()) as { NCPU?: unknown }).NCPU),
  };
}

function positive(n: unknown): number | undefined {
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
}

async function ping(docker: Docker, where: string): Promise<void> {
  try {
    await Promise.race([docker.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 5 s')), 5000).unref())]);
  } catch (error) {
    throw engineUnavailable(where, error);
  }
}

/** The engine's form of a spec: no network, every capability dropped unless added back, bounded logs. */
export function containerOptions(spec: ContainerSpec): Docker.ContainerCreateOptions {
  return {
    Image: spec.image,
    Cmd: [...spec.cmd],
    Env: Object.entries(spec.env).map(([k, v]) => `${k}=${v}`),
    WorkingDir: spec.workdir,
    Hostname: spec.hostname,
    Labels: { ...spec.labels },
    ...(spec.user === undefined ? {} : { User: spec.user }),
    AttachStdout: true,
    AttachStderr: true,
    Tty: false,
    NetworkDisabled: true,
    HostConfig: {
      NetworkMode: 'none',
      CapDrop: ['ALL'],
      CapAdd: [...(spec.capAdd ?? [])],
      SecurityOpt: ['no-new-privileges'],
      PidsLimit: spec.limits.pids,
      Memory: spec.limits.memoryBytes,
      MemorySwap: spec.limits.memoryBytes,
      LogConfig: { Type: 'json-file', Config: { 'max-size': String(spec.limits.logBytes), 'max-file': '1' } },
      ...(spec.limits.ulimits === undefined ? {} : { Ulimits: spec.limits.ulimits.map((u: Ulimit) => ({ Name: u.name, Soft: u.soft, Hard: u.hard })) }),
      ...(spec.tmpfs === undefined ? {} : { Tmpfs: { ...spec.tmpfs } }),
    },
  };
}

async function inspectImage(docker: Docker, ref: string): Promise<ImageInfo | undefined> {
  try {
    const info = await docker.getImage(ref).inspect();
    return { id: info.Id, labels: info.Config?.Labels ?? {}, env: info.Config?.Env ?? [] };
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

async function importImage(docker: Docker, rootfs: Readable, ref: string, opts: ImportOptions): Promise<string> {
  const [repo, tag] = splitRef(ref);
  const changes = [...(opts.changes ?? []), ...Object.entries(opts.labels).map(([k, v]) => `LABEL ${k}=${JSON.stringify(v)}`)];
  const stream = await docker.importImage(rootfs, { repo, tag, changes });
  await followJson(stream, () => {});
  const info = await inspectImage(docker, ref);
  if (info === undefined) throw new FarmError('IMAGE_FAILED', `import of ${ref} finished but the image is missing`);
  return info.id;
}

/** Load an archive; the references the engine says it loaded ("Loaded image: REF", "Loaded image ID: ID"). */
async function loadImage(docker: Docker, archive: Readable): Promise<string[]> {
  // A failing source stream (the engine it is saved from went away) would leave the upload waiting.
  const failure = new Promise<never>((_, reject) => archive.once('error', reject));
  const loaded: string[] = [];
  const load = (async () => {
    const stream = await docker.loadImage(archive, { quiet: true });
    await followJson(stream, (msg) => {
      const text = msg['stream'];
      const m = typeof text === 'string' ? /^Loaded image(?: ID)?: (\S+)/.exec(text.trim()) : null;
      if (m !== null) loaded.push(m[1] as string);
    });
  })();
  await Promise.race([load, failure]);
  return loaded;
}

async function buildImage(docker: Docker, context: Readable, ref: string, opts: BuildOptions): Promise<string> {
  const stream = await docker.buildImage(context, {
    t: ref,
    dockerfile: opts.dockerfile,
    labels: { ...opts.labels },
    buildargs: { ...(opts.buildArgs ?? {}) },
    networkmode: 'none',
    rm: true,
    forcerm: true,
  });
  let id: string | undefined;
  await followJson(stream, (msg) => {
    const aux = msg['aux'] as { ID?: string } | undefined;
    if (aux?.ID !== undefined) id = aux.ID;
    const text = msg['stream'];
    if (typeof text === 'string' && text.trim() !== '') opts.onOutput?.(text.trimEnd());
  });
  // The engine names the image in an `aux` message; when none came, ask for it by its tag.
  if (id === undefined) id = (await inspectImage(docker, ref))?.id;
  if (id === undefined) throw new FarmError('IMAGE_FAILED', `build of ${ref} reported no image id`);
  return id;
}

async function listImages(docker: Docker, labels: Readonly<Record<string, string>>): Promise<ImageSummary[]> {
  const list = await docker.listImages({ filters: { label: labelFilter(labels) } });
  return list.map((i) => ({
    id: i.Id,
    refs: (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>'),
    labels: i.Labels ?? {},
    created: i.Created * 1000,
    size: i.Size,
  }));
}

async function removeImage(docker: Docker, ref: string, opts: RemoveImageOptions): Promise<void> {
  try {
    await docker.getImage(ref).remove({ force: opts.force === true });
  } catch (error) {
    const status = statusOf(error);
    if (status === 404) return;
    if (status === 409) throw new FarmError('IMAGE_IN_USE', `${ref}: ${engineMessage(error)}`, { cause: error });
    throw error;
  }
}

async function listContainers(docker: Docker, labels: Readonly<Record<string, string>>): Promise<string[]> {
  const list = await docker.listContainers({
    all: true,
    filters: { label: labelFilter(labels) },
  });
  return list.map((c) => c.Id);
}

async function removeContainer(docker: Docker, id: string): Promise<void> {
  await forceRemove(docker.getContainer(id));
}

/** Remove a container and its volumes; one already gone (404) or already being removed (409) is not an error. */
async function forceRemove(c: Docker.Container): Promise<void> {
  try {
    await c.remove({ force: true, v: true });
  } catch (error) {
    const status = statusOf(error);
    if (status !== 404 && status !== 409) throw error;
  }
}

function labelFilter(labels: Readonly<Record<string, string>>): string[] {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`);
}

/** The engine's own words for a refused request (dockerode puts them in `json.message`). */
function engineMessage(error: unknown): string {
  const json = (error as { json?: { message?: unknown } }).json;
  return typeof json?.message === 'string' ? json.message : (error as Error).message;
}

function splitRef(ref: string): [string, string] {
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  if (colon > slash) return [ref.slice(0, colon), ref.slice(colon + 1)];
  return [ref, 'latest'];
}

/** Read a JSON-lines progress stream; reject on error lines (dockerode's followProgress does not). */
function followJson(stream: NodeJS.ReadableStream, onMessage: (msg: Record<string, unknown>) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    let failed: Error | undefined;
    const handle = (line: string): void => {
      if (line.trim() === '') return;
      let msg: Record<string, unknown>;
      try {
        msg = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      const detail = msg['errorDetail'] as { message?: string } | undefined;
      if (msg['error'] !== undefined || detail !== undefined) {
        failed ??= new FarmError('IMAGE_FAILED', String(detail?.message ?? msg['error']).trim());
        return;
      }
      onMessage(msg);
    };
    stream.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      lines.forEach(handle);
    });
    stream.on('error', reject);
    stream.on('end', () => {
      handle(buffer);
      if (failed !== undefined) reject(failed);
      else resolve();
    });
  });
}

/**
 * Whether the kernel killed a process of the container for want of memory. The engine learns of an
 * OOM kill separately from the exit, and under load it can record it after the exit is reported:
 * a failed run is asked again for a second before it counts as not OOM-killed.
 */
async function oomKilled(c: Docker.Container, exitCode: number): Promise<boolean> {
  for (let asked = 0; ; asked++) {
    const info = await c.inspect();
    if (info.State.OOMKilled === true) return true;
    if (exitCode === 0 || asked === 5) return false;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * How long disposal waits for the removal of an interrupted container. Removing one whose build
 * tree is gigabytes (a compiler's) can take the engine minutes; the request stays with the engine
 * after the farm exits, and the next run sweeps whatever is left, so Ctrl-C does not wait for it.
 */
const INTERRUPTED_REMOVAL_WAIT_MS = 5_000;

function wrapContainer(c: Docker.Container, pingEngine: () => Promise<void>): Container {
  const removal = createRemoval(c);
  return {
    id: c.id,
    putArchive: (path, tar) => putArchive(c, path, tar),
    run: (options) => runContainer(c, removal, pingEngine, options),
    async getArchive(path: string): Promise<Readable> {
      return (await c.getArchive({ path })) as unknown as Readable;
    },
    remove: removal.remove,
    [Symbol.asyncDispose]: () => removal.dispose(),
  };
}

interface Removal {
  /** Start the removal, or join the one under way. */
  readonly remove: () => Promise<void>;
  /** The run was interrupted: start removing (which kills it) and let disposal wait only briefly. */
  abandon(): void;
  dispose(): Promise<void>;
}

function createRemoval(c: Docker.Container): Removal {
  // One removal, however many ask for it (an interrupted run starts it early; disposal waits for it,
  // but not long when interrupted).
  let removing: Promise<void> | undefined;
  let abandoned = false;
  const remove = (): Promise<void> => (removing ??= forceRemove(c));
  return {
    remove,
    abandon() {
      abandoned = true;
      remove().catch(() => {});
    },
    async dispose() {
      if (!abandoned) return remove();
      const removal = remove().catch(() => {});
      await Promise.race([removal, new Promise((r) => setTimeout(r, INTERRUPTED_REMOVAL_WAIT_MS).unref())]);
    },
  };
}

async function putArchive(c: Docker.Container, path: string, tar: Readable): Promise<void> {
  // A failing tar stream would otherwise leave the upload waiting for an end that never comes.
  const failure = new Promise<never>((_, reject) => tar.once('error', reject));
  const upload = (async () => {
    const response = (await c.putArchive(tar, { path })) as unknown as NodeJS.ReadableStream | undefined;
    response?.resume?.();
  })();
  await Promise.race([upload, failure]);
}

async function runContainer(c: Docker.Container, removal: Removal, pingEngine: () => Promise<void>, { timeoutMs, onOutput, signal }: RunOptions): Promise<ExitStatus> {
  const { ended } = await attachOutput(c, onOutput);
  const waited = c.wait({ condition: 'next-exit' }) as Promise<{ StatusCode: number }>;
  // Once abandoned (interrupted), the wait fails when the container is removed: that is expected.
  waited.catch(() => {});
  const deadline = startDeadline(c, timeoutMs);
  const abort = abandonOnAbort(signal, removal);
  const engine = watchEngine(pingEngine, ended);
  try {
    await Promise.race([c.start(), abort.aborted]);
    const result = await Promise.race([waited, abort.aborted, engine.lost]);
    await Promise.race([ended, new Promise((r) => setTimeout(r, 2000).unref())]);
    return { exitCode: result.StatusCode, oomKilled: await oomKilled(c, result.StatusCode), timedOut: deadline.timedOut() };
  } finally {
    deadline.clear();
    abort.detach();
    engine.stop();
  }
}

/** How often a running build's engine is asked whether it is still there; once the build's output has ended, every second. */
const ENGINE_WATCH_MS = 30_000;

/**
 * An engine that goes away mid-build (its daemon killed) can leave the wait for the container's
 * exit unanswered for ever. So the engine is pinged every ENGINE_WATCH_MS, and every second once
 * the output stream has ended (a killed daemon closes it); `lost` rejects with
 * ENGINE_UNAVAILABLE when a ping fails.
 */
function watchEngine(pingEngine: () => Promise<void>, ended: Promise<void>): { lost: Promise<never>; stop: () => void } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let outputEnded = false;
  void ended.then(() => {
    outputEnded = true;
    schedule();
  });
  let fail: (error: unknown) => void = () => {};
  const lost = new Promise<never>((_, reject) => (fail = reject));
  lost.catch(() => {});
  function schedule(): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(check, outputEnded ? 1000 : ENGINE_WATCH_MS);
    timer.unref();
  }
  function check(): void {
    pingEngine().then(schedule, (error: unknown) => {
      if (!stopped) fail(error);
    });
  }
  schedule();
  return {
    lost,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/** Demultiplex the container's output to `onOutput`; `ended` settles when the stream does, however it ends. */
async function attachOutput(c: Docker.Container, onOutput: (chunk: Buffer) => void): Promise<{ ended: Promise<void> }> {
  const stream = (await c.attach({ stream: true, stdout: true, stderr: true })) as NodeJS.ReadableStream;
  const ended = new Promise<void>((resolve) => {
    stream.once('end', resolve);
    stream.once('close', resolve);
    stream.once('error', () => resolve());
  });
  stream.on(
    'data',
    createDemuxer((payload) => onOutput(payload)),
  );
  return { ended };
}

/** Kill the container when its wall-clock limit passes, and remember that it did. */
function startDeadline(c: Docker.Container, timeoutMs: number): { timedOut: () => boolean; clear: () => void } {
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    c.kill().catch(() => {});
  }, timeoutMs);
  return { timedOut: () => timedOut, clear: () => clearTimeout(timer) };
}

/**
 * Interrupted: start removing the container (which kills it) and reject `aborted` at once; disposal
 * waits for the removal.
 */
function abandonOnAbort(signal: AbortSignal | undefined, removal: Removal): { aborted: Promise<never>; detach: () => void } {
  let onAbort = (): void => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => {
      removal.abandon();
      reject(signal?.reason instanceof Error ? signal.reason : interrupted());
    };
  });
  aborted.catch(() => {});
  if (signal?.aborted === true) onAbort();
  signal?.addEventListener('abort', onAbort, { once: true });
  return { aborted, detach: () => signal?.removeEventListener('abort', onAbort) };
}
