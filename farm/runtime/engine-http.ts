import { Agent, request } from 'node:http';
import type { EngineReader, ImageInfo } from './port.js';
import { engineUnavailable } from './unavailable.js';

/**
 * The engine's questions most commands ask and nothing more (is it there, what is this image, which
 * containers carry these labels), put to a Docker engine's unix socket with node:http alone, so that
 * a command that asks only these does not load dockerode (lazy.ts). Answers and errors are those of
 * the dockerode adapter (docker.ts): the same requests, the same ImageInfo, the same ping timeout and
 * ENGINE_UNAVAILABLE, and an engine's refusal as dockerode reports it (`statusCode`, `json`).
 */

/** A unix:// endpoint: its URL (named in messages) and its socket. */
export interface UnixSocketEngine {
  readonly url: string;
  readonly socketPath: string;
}

/** As the adapter: an engine that does not answer a ping within 5 s is not there. */
const PING_TIMEOUT_MS = 5_000;

interface Answer {
  readonly status: number;
  readonly body: Buffer;
}

type Get = (path: string, timeoutMs?: number) => Promise<Answer>;

/** What the engine says for an image (GET /images/{name}/json), as far as the farm reads it. */
interface ImageAnswer {
  readonly Id: string;
  readonly Config?: { readonly Labels?: Record<string, string> | null; readonly Env?: string[] | null } | null;
}

export interface EngineReaderOptions {
  /** How long a ping may wait for its answer (default 5 s, as the adapter). */
  readonly pingTimeoutMs?: number;
}

export function createEngineReader(engine: UnixSocketEngine, options: EngineReaderOptions = {}): EngineReader {
  // The calls of a run share a connection; an idle one does not hold the process open.
  const agent = new Agent({ keepAlive: true });
  const get: Get = (path, timeoutMs) => getOverSocket(engine.socketPath, agent, path, timeoutMs);
  const pingTimeoutMs = options.pingTimeoutMs ?? PING_TIMEOUT_MS;
  return {
    ping: () => ping(get, engine.url, pingTimeoutMs),
    inspectImage: (ref) => inspectImage(get, ref),
    listContainers: (labels) => listContainers(get, labels),
  };
}

async function ping(get: Get, where: string, timeoutMs: number): Promise<void> {
  try {
    const answer = await get('/_ping', timeoutMs);
    if (answer.status !== 200) throw refused(answer, { 500: 'server error' });
  } catch (error) {
    throw engineUnavailable(where, error);
  }
}

async function inspectImage(get: Get, ref: string): Promise<ImageInfo | undefined> {
  const path = `/images/${escapePath(ref)}/json`;
  const answer = await get(path);
  if (answer.status === 404) return undefined;
  if (answer.status !== 200) throw refused(answer, { 500: 'server error' });
  const info = parseAnswer(answer, path) as ImageAnswer;
  return { id: info.Id, labels: info.Config?.Labels ?? {}, env: info.Config?.Env ?? [] };
}

async function listContainers(get: Get, labels: Readonly<Record<string, string>>): Promise<string[]> {
  const filters = JSON.stringify({ label: Object.entries(labels).map(([k, v]) => `${k}=${v}`) });
  const path = `/containers/json?all=1&filters=${encodeURIComponent(filters)}`;
  const answer = await get(path);
  if (answer.status !== 200) throw refused(answer, { 400: 'bad parameter', 500: 'server error' });
  return (parseAnswer(answer, path) as { readonly Id: string }[]).map((c) => c.Id);
}

/**
 * A path as the Docker client writes it (Go's url.URL): every byte but letters, digits and
 * `-_.~$&+,/:;=@` percent-encoded, so `localhost:5000/team/tool:1.2` stays as it is (the engine's
 * router takes the whole rest of the path as the name) and a space or `?` cannot break the request.
 */
export function escapePath(path: string): string {
  let out = '';
  for (const byte of Buffer.from(path, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /^[A-Za-z0-9\-_.~$&+,/:;=@]$/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** GET `path` from the engine at `socketPath`: its status and body. Rejects when the socket does not answer (or not within `timeoutMs`). */
function getOverSocket(socketPath: string, agent: Agent, path: string, timeoutMs: number | undefined): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let failure: Error | undefined;
    const req = request({ socketPath, agent, path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('close', () => {
        if (!res.complete) reject(failure ?? new Error(`the engine closed the connection during its answer to GET ${path}`));
      });
    });
    req.on('error', (error) => reject(failure ?? error));
    if (timeoutMs !== undefined) {
      const timer = setTimeout(() => req.destroy((failure = new Error(`no answer within ${timeoutMs / 1000} s`))), timeoutMs);
      timer.unref();
      req.on('close', () => clearTimeout(timer));
    }
    req.end();
  });
}

function parseAnswer(answer: Answer, path: string): unknown {
  try {
    return JSON.parse(answer.body.toString('utf8'));
  } catch {
    throw new Error(`the engine's answer to GET ${path} is not JSON: ${answer.body.toString('utf8').slice(0, 200)}`);
  }
}

/** An engine's refusal, as dockerode (docker-modem) reports it: its status, the engine's words, and its JSON. */
function refused(answer: Answer, reasons: Readonly<Record<number, string>>): Error & { statusCode: number; json: unknown } {
  const text = answer.body.toString('utf8');
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // A plain-text answer: its text is the cause.
  }
  const fields = (json ?? {}) as { message?: unknown; error?: unknown };
  const cause = typeof fields.message === 'string' ? fields.message : typeof fields.error === 'string' ? fields.error : text;
  const message = `(HTTP code ${answer.status}) ${reasons[answer.status] ?? 'unexpected'} - ${cause} `;
  return Object.assign(new Error(message), { statusCode: answer.status, reason: reasons[answer.status], json: json ?? answer.body });
}
