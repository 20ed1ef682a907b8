import { isFarmError } from '../errors/index.js';
import { engineName, type EngineSpec } from '../pool/types.js';
import { parseEndpoint, type Endpoint } from '../runtime/endpoint.js';
import { join, type FieldReader } from '../validate/fields.js';
import { readFeatures, readMemoryBytes } from '../validate/needs.js';

/** The fields of one engine, in default.lua (`engines = { { url = ..., jobs = 8 } }`) and in `--engine "URL jobs=8"`. */
export const ENGINE_FIELDS = ['url', 'name', 'jobs', 'memory', 'features', 'tls'] as const;

const NAME = /^[A-Za-z0-9][A-Za-z0-9._:@+-]*$/;
const URL_FORMS = 'an engine is unix:///path.sock, tcp://host:port or ssh://user@host';

/**
 * One engine of the pool from a table of ENGINE_FIELDS; undefined when it is not usable (every
 * problem recorded in `r` under `path`). The URL is checked by parseEndpoint, the one reader of
 * engine URLs; `tls` (a directory with ca.pem, cert.pem and key.pem) only goes with tcp://.
 */
export function readEngine(r: FieldReader, value: unknown, path: string): EngineSpec | undefined {
  const t = r.object(value, path);
  if (t === undefined) return undefined;
  r.unknownKeys(t, ENGINE_FIELDS, path);
  const url = r.string(t, 'url', path, { pattern: /\S/, what: 'an engine URL' });
  const tls = r.string(t, 'tls', path, { optional: true, pattern: /^[^\0]+$/, what: 'a directory' });
  const endpoint = url === undefined ? undefined : endpointOf(r, url, tls, path);
  const name = r.string(t, 'name', path, { optional: true, pattern: NAME, what: 'an engine name (letters, digits, . _ : @ + -)' });
  const jobs = t['jobs'] === undefined || t['jobs'] === null ? undefined : r.integer(t, 'jobs', path, 1, 1);
  const memoryBytes = readMemoryBytes(r, t, path);
  const features = readFeatures(r, t, path);
  if (url === undefined || endpoint === undefined) return undefined;
  return { url, name: name ?? engineName(url), jobs, memoryBytes, features, ...(tls === undefined ? {} : { tls }) };
}

function endpointOf(r: FieldReader, url: string, tls: string | undefined, path: string): Endpoint | undefined {
  let endpoint: Endpoint;
  try {
    endpoint = parseEndpoint(url, { certPath: tls });
  } catch (error) {
    if (!isFarmError(error)) throw error;
    r.fail(join(path, 'url'), `${error.message.replace(/^engine URL /, '')} (${URL_FORMS})`);
    return undefined;
  }
  if (tls !== undefined && endpoint.kind !== 'tcp') r.fail(join(path, 'tls'), `TLS files are for a tcp:// engine; ${url} is reached over ${endpoint.kind}`);
  return endpoint;
}

/** One engine as read, with how errors name it (`engines[2]`, `--engine 2`) and how a problem of one of its fields is recorded. */
export interface PlacedEngine {
  readonly spec: EngineSpec;
  readonly label: string;
  readonly fail: (field: string, message: string) => void;
}

/** No two engines have one name or one address (a unix socket, a host and port, an SSH login): the later one is the problem. */
export function checkDistinct(engines: readonly PlacedEngine[]): void {
  const names = new Map<string, string>();
  const places = new Map<string, string>();
  for (const e of engines) {
    const named = names.get(e.spec.name);
    if (named === undefined) names.set(e.spec.name, e.label);
    else {
      const derived = e.spec.name === engineName(e.spec.url) ? ' (a name made from its URL: give one of them a name)' : '';
      e.fail('name', `"${e.spec.name}" is also the name of ${named}${derived}`);
    }
    const place = addressOf(parseEndpoint(e.spec.url, { certPath: e.spec.tls }));
    const at = places.get(place);
    if (at === undefined) places.set(place, e.label);
    else e.fail('url', `${e.spec.url} is the engine of ${at} too (${place})`);
  }
}

/** Where an engine answers, whatever the URL's spelling: `tcp://b` and `tcp://b:2375` are one engine. */
function addressOf(endpoint: Endpoint): string {
  switch (endpoint.kind) {
    case 'unix':
      return `unix://${endpoint.socketPath}`;
    case 'tcp':
      return `tcp://${endpoint.host}:${endpoint.port}`;
    case 'ssh':
      return `ssh://${endpoint.username === undefined ? '' : `${endpoint.username}@`}${endpoint.host}:${endpoint.port}`;
  }
}

/**
 * default.lua's `engines`: the engine pool, each entry a table of ENGINE_FIELDS; empty when
 * absent (the local engine alone). Errors name `engines[2].jobs` and so on.
 */
export function readEngines(r: FieldReader, o: Record<string, unknown>): EngineSpec[] {
  const placed: PlacedEngine[] = [];
  const value = o['engines'];
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    r.fail('engines', 'expected a list of engines, engines = { { url = "ssh://user@host" } }, got a table');
    return [];
  }
  r.list(o, 'engines', '').forEach((v, i) => {
    const label = `engines[${i + 1}]`;
    const spec = readEngine(r, v, label);
    if (spec !== undefined) placed.push({ spec, label, fail: (field, message) => r.fail(join(label, field), message) });
  });
  checkDistinct(placed);
  return placed.map((p) => p.spec);
}
