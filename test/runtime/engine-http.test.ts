import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFarmError, type FarmError } from '../../farm/errors/index.js';
import { createDockerRuntime } from '../../farm/runtime/docker.js';
import { createEngineReader, escapePath } from '../../farm/runtime/engine-http.js';
import type { ContainerRuntime, EngineReader } from '../../farm/runtime/port.js';

// A Docker engine on a unix socket of the test's own, answering as Docker 20.10 does (the answers are
// recorded from a real engine with `curl --unix-socket /var/run/docker.sock`, cut to the fields the
// farm reads and a few beside them). The lean reader is checked against it, and against the
// dockerode adapter asking the same engine: the two must give the same answers and the same errors.

const BUILDER_ID = 'sha256:91c4971901b610683cfedd3ce6e9c7c49ffdc8fccbae4036d71510c67d3e2aa9';

/** GET /images/stasis-builder:debian-musl/json, cut. */
const BUILDER = {
  Id: BUILDER_ID,
  RepoTags: ['stasis-builder:debian-musl'],
  Config: {
    Hostname: '',
    User: '',
    Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'STASIS_CC=musl-gcc'],
    Cmd: null,
    Labels: {
      'org.stasis-farm.definition': 'ff85623f728e2168a6b5eebdcfc6f796b4ef759847b2b7de3488b061996bb40d',
      'org.stasis-farm.farm': 'stasis-farm',
      'org.stasis-farm.kind': 'builder',
      'org.stasis-farm.trust': 'minimal',
    },
  },
  Architecture: 'amd64',
  Os: 'linux',
};

/** An image with no labels and no environment: Docker answers null for both. */
const BARE = {
  Id: 'sha256:14667de58874cd7a16becdcf8b8faefb2ede070f0959447bf7ea7fdd3f252451',
  RepoTags: ['localhost:5000/team/tool:1.2'],
  Config: { Env: null, Labels: null },
};

const IMAGES: Readonly<Record<string, unknown>> = {
  'stasis-builder:debian-musl': BUILDER,
  'localhost:5000/team/tool:1.2': BARE,
  'localhost:5000/team/tool@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef': BARE,
};

/** GET /containers/json?all=1, cut: two build containers of one workspace (one exited) and another's. */
const CONTAINERS = [
  {
    Id: '62c7b3b1101c5f7199b62c2d6b1817df1ef9774e614ddf060e33735293469226',
    Names: ['/competent_pasteur'],
    Image: BUILDER_ID,
    State: 'running',
    Labels: { 'org.stasis-farm.farm': 'stasis-farm', 'org.stasis-farm.kind': 'build:71712c45dd8a', 'org.stasis-farm.package': 'musl-cross-bootstrap' },
  },
  {
    Id: '13a13cc631bfdc43741b12e4ad0d3272244ebf4871701211aeb3a9c3ba12ed18',
    Names: ['/nervous_hermann'],
    Image: BUILDER_ID,
    State: 'exited',
    Labels: { 'org.stasis-farm.farm': 'stasis-farm', 'org.stasis-farm.kind': 'build:71712c45dd8a', 'org.stasis-farm.package': 'busybox' },
  },
  {
    Id: 'a4e6d2f0c8b1e3a5f7d9c1b3e5a7f9d1c3b5e7a9f1d3c5b7e9a1f3d5c7b9e1a3',
    Names: ['/quirky_lamport'],
    Image: BUILDER_ID,
    State: 'running',
    Labels: { 'org.stasis-farm.farm': 'stasis-farm', 'org.stasis-farm.kind': 'build:4f03b754a7f7', 'org.stasis-farm.package': 'busybox' },
  },
];

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json', 'Api-Version': '1.41' });
  res.end(text);
}

/** Docker's label filter: every `key=value` (or bare `key`) of the list holds. */
function carries(labels: Readonly<Record<string, string>>, filter: readonly string[]): boolean {
  return filter.every((f) => {
    const eq = f.indexOf('=');
    return eq === -1 ? f in labels : labels[f.slice(0, eq)] === f.slice(eq + 1);
  });
}

/** Docker's boolean query values: anything but "", 0, no, false and none is true. */
const truthy = (value: string | null): boolean => value !== null && !['', '0', 'no', 'false', 'none'].includes(value.toLowerCase());

function listContainers(url: URL, res: ServerResponse): void {
  let label: string[] = [];
  const filters = url.searchParams.get('filters');
  if (filters !== null) {
    try {
      label = (JSON.parse(filters) as { label?: string[] }).label ?? [];
    } catch {
      // Docker 20.10's words for a bad filter.
      send(res, 500, { message: "invalid character 'b' looking for beginning of object key string" });
      return;
    }
  }
  const all = truthy(url.searchParams.get('all'));
  send(
    res,
    200,
    CONTAINERS.filter((c) => (all || c.State === 'running') && carries(c.Labels, label)),
  );
}

interface FakeEngine {
  readonly socket: string;
  /** The raw request targets it was asked, in order. */
  readonly asked: string[];
  /** Set to make the next answers of one path a refusal: path prefix -> [status, body]. */
  readonly refuse: Map<string, [number, unknown]>;
  /** Paths that get no answer at all. */
  readonly silent: Set<string>;
}

function handle(engine: FakeEngine, req: IncomingMessage, res: ServerResponse): void {
  const target = req.url ?? '';
  engine.asked.push(target);
  const url = new URL(target, 'http://docker');
  if ([...engine.silent].some((p) => url.pathname.startsWith(p))) return;
  const refusal = [...engine.refuse].find(([p]) => url.pathname.startsWith(p));
  if (refusal !== undefined) return send(res, refusal[1][0], refusal[1][1]);
  if (url.pathname === '/_ping') return send(res, 200, 'OK');
  if (url.pathname === '/containers/json') return listContainers(url, res);
  const image = /^\/images\/(.+)\/json$/.exec(url.pathname);
  if (image !== null) {
    const name = decodeURIComponent(image[1] as string);
    const found = IMAGES[name];
    return found === undefined ? send(res, 404, { message: `no such image: ${name}: No such image: ${name}` }) : send(res, 200, found);
  }
  send(res, 404, { message: 'page not found' });
}

let dir: string;
let server: Server;
let engine: FakeEngine;
let lean: EngineReader;
let adapter: ContainerRuntime;

beforeAll(async () => {
  // A socket path has a ~100-byte limit: a short directory.
  dir = await mkdtemp(join(tmpdir(), 'eh-'));
  engine = { socket: join(dir, 'd.sock'), asked: [], refuse: new Map(), silent: new Set() };
  server = createServer((req, res) => handle(engine, req, res));
  await new Promise<void>((resolve) => server.listen(engine.socket, resolve));
  const endpoint = { kind: 'unix' as const, url: `unix://${engine.socket}`, socketPath: engine.socket };
  lean = createEngineReader(endpoint, { pingTimeoutMs: 200 });
  adapter = createDockerRuntime({ endpoint });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

/** The error a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<Error & { statusCode?: number; code?: string; hint?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { statusCode?: number };
  }
  throw new Error('expected a rejection');
}

describe('the lean engine reader', () => {
  it('pings the engine', async () => {
    await expect(lean.ping()).resolves.toBeUndefined();
    expect(engine.asked.at(-1)).toBe('/_ping');
  });

  it('inspects an image: its id, labels and environment, as the dockerode adapter gives them', async () => {
    const info = await lean.inspectImage('stasis-builder:debian-musl');
    expect(info).toEqual({ id: BUILDER_ID, labels: BUILDER.Config.Labels, env: BUILDER.Config.Env });
    expect(engine.asked.at(-1)).toBe('/images/stasis-builder:debian-musl/json');
    expect(info).toEqual(await adapter.inspectImage('stasis-builder:debian-musl'));
  });

  it('gives an image without labels or environment empty ones (Docker says null)', async () => {
    const info = await lean.inspectImage('localhost:5000/team/tool:1.2');
    expect(info).toEqual({ id: BARE.Id, labels: {}, env: [] });
    expect(info).toEqual(await adapter.inspectImage('localhost:5000/team/tool:1.2'));
  });

  it('is undefined for an image the engine does not have (404)', async () => {
    await expect(lean.inspectImage('no-such-image:nope')).resolves.toBeUndefined();
    await expect(adapter.inspectImage('no-such-image:nope')).resolves.toBeUndefined();
  });

  it('asks for a reference with a registry port, a path, a tag or a digest as the Docker client writes it', async () => {
    const digest = 'localhost:5000/team/tool@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
    expect((await lean.inspectImage('localhost:5000/team/tool:1.2'))?.id).toBe(BARE.Id);
    expect(engine.asked.at(-1)).toBe('/images/localhost:5000/team/tool:1.2/json');
    expect((await lean.inspectImage(digest))?.id).toBe(BARE.Id);
    expect(engine.asked.at(-1)).toBe(`/images/${digest}/json`);
    // What would break the request line or its path is percent-encoded; the engine decodes it.
    await expect(lean.inspectImage('no such/image?x#y')).resolves.toBeUndefined();
    expect(engine.asked.at(-1)).toBe('/images/no%20such/image%3Fx%23y/json');
    expect(escapePath("a!'()*[]%é")).toBe('a%21%27%28%29%2A%5B%5D%25%C3%A9');
  });

  it('lists the containers, running or exited, that carry every label asked for', async () => {
    const workspace = { 'org.stasis-farm.farm': 'stasis-farm', 'org.stasis-farm.kind': 'build:71712c45dd8a' };
    const ids = await lean.listContainers(workspace);
    expect(ids).toEqual([CONTAINERS[0]?.Id, CONTAINERS[1]?.Id]);
    const url = new URL(engine.asked.at(-1) ?? '', 'http://docker');
    expect(url.pathname).toBe('/containers/json');
    expect(url.searchParams.get('all')).toBe('1');
    expect(JSON.parse(url.searchParams.get('filters') ?? '')).toEqual({ label: ['org.stasis-farm.farm=stasis-farm', 'org.stasis-farm.kind=build:71712c45dd8a'] });
    expect(await lean.listContainers({ 'org.stasis-farm.package': 'busybox' })).toEqual([CONTAINERS[1]?.Id, CONTAINERS[2]?.Id]);
    expect(await lean.listContainers({ 'org.stasis-farm.kind': 'build:none' })).toEqual([]);
    for (const labels of [workspace, { 'org.stasis-farm.package': 'busybox' }, {}] as Record<string, string>[])
      expect(await lean.listContainers(labels)).toEqual(await adapter.listContainers(labels));
  });

  it('says ENGINE_UNAVAILABLE, with the adapter’s message and hint, when nothing listens on the socket', async () => {
    const missing = join(dir, 'missing.sock');
    const endpoint = { kind: 'unix' as const, url: `unix://${missing}`, socketPath: missing };
    const error = await failure(createEngineReader(endpoint).ping());
    expect(isFarmError(error)).toBe(true);
    expect(error.message).toBe(`no container engine answers at unix://${missing}: connect ENOENT ${missing}`);
    const theirs = (await failure(createDockerRuntime({ endpoint }).ping())) as FarmError;
    expect([(error as FarmError).code, error.message, (error as FarmError).hint]).toEqual([theirs.code, theirs.message, theirs.hint]);
    expect(theirs.code).toBe('ENGINE_UNAVAILABLE');
  });

  it('says ENGINE_UNAVAILABLE when the engine does not answer a ping in time, or refuses it', async () => {
    engine.silent.add('/_ping');
    try {
      const error = (await failure(lean.ping())) as FarmError;
      expect(error.code).toBe('ENGINE_UNAVAILABLE');
      expect(error.message).toBe(`no container engine answers at unix://${engine.socket}: no answer within 0.2 s`);
    } finally {
      engine.silent.delete('/_ping');
    }
    engine.refuse.set('/_ping', [500, { message: 'the daemon is shutting down' }]);
    try {
      const ours = (await failure(lean.ping())) as FarmError;
      const theirs = (await failure(adapter.ping())) as FarmError;
      expect([ours.code, ours.message]).toEqual([theirs.code, theirs.message]);
      expect(ours.message).toContain('(HTTP code 500) server error - the daemon is shutting down');
    } finally {
      engine.refuse.delete('/_ping');
    }
  });

  it("passes the engine's refusal of an inspection or a listing on as dockerode does: its status and words", async () => {
    engine.refuse.set('/images/', [500, { message: 'layer does not exist' }]);
    engine.refuse.set('/containers/', [400, { message: 'invalid filter' }]);
    try {
      for (const ask of [(r: EngineReader) => r.inspectImage('stasis-builder:debian-musl'), (r: EngineReader) => r.listContainers({ a: 'b' })]) {
        const ours = await failure(ask(lean));
        const theirs = await failure(ask(adapter));
        expect([ours.message, ours.statusCode, isFarmError(ours)]).toEqual([theirs.message, theirs.statusCode, false]);
      }
    } finally {
      engine.refuse.clear();
    }
  });
});
