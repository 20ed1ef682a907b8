import { join } from 'node:path';
import { FarmError } from '../errors/index.js';

/** The files of a TLS client, as Docker keeps them in its cert directory. */
export interface TlsFiles {
  readonly ca: string;
  readonly cert: string;
  readonly key: string;
}

/** Where a container engine answers, as the farm reaches it: a unix socket, TCP (optionally TLS) or SSH. */
export type Endpoint =
  | { readonly kind: 'unix'; readonly url: string; readonly socketPath: string }
  | { readonly kind: 'tcp'; readonly url: string; readonly host: string; readonly port: number; readonly tls: TlsFiles | undefined }
  | {
      readonly kind: 'ssh';
      readonly url: string;
      readonly host: string;
      readonly port: number;
      readonly username: string | undefined;
      readonly agent: string | undefined;
    };

/** What decides how an engine URL is reached, beyond the URL: Docker's own variables, read at the CLI edge. */
export interface EndpointEnv {
  /** DOCKER_TLS_VERIFY: a tcp:// engine is reached over TLS, its certificate verified. */
  readonly tlsVerify?: boolean;
  /** DOCKER_CERT_PATH (or an option): ca.pem, cert.pem and key.pem; given alone it also means TLS. */
  readonly certPath?: string | undefined;
  /** HOME, for Docker's default cert directory (~/.docker). */
  readonly home?: string | undefined;
  /** SSH_AUTH_SOCK: the agent an ssh:// engine is authenticated with. */
  readonly sshAgent?: string | undefined;
}

export const DEFAULT_SOCKET = '/var/run/docker.sock';
const URL_HINT = 'an engine is unix:///path/docker.sock, tcp://host:port (TLS with DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH) or ssh://user@host';

/**
 * An engine URL (DOCKER_HOST's forms) as an Endpoint; undefined or '' is the local socket.
 * A tcp:// engine is TLS when verification is asked for or a cert directory is given (port
 * 2376 by default, else 2375); ssh:// runs `docker system dial-stdio` on the host through
 * the agent. Pure: the certificate files are read by the adapter. USAGE for anything else.
 */
export function parseEndpoint(url: string | undefined, env: EndpointEnv = {}): Endpoint {
  if (url === undefined || url === '') return { kind: 'unix', url: `unix://${DEFAULT_SOCKET}`, socketPath: DEFAULT_SOCKET };
  if (url.startsWith('unix://')) {
    const socketPath = url.slice('unix://'.length);
    if (!socketPath.startsWith('/')) throw badUrl(url, 'a unix socket is named by its absolute path (unix:///run/docker.sock)');
    return { kind: 'unix', url, socketPath };
  }
  let parsed: URL;
  try {
    parsed = new URL(url.includes('://') ? url : `tcp://${url}`);
  } catch {
    throw badUrl(url, 'not a URL');
  }
  if (parsed.hostname === '') throw badUrl(url, 'no host');
  if (parsed.protocol === 'tcp:') return tcpEndpoint(url, parsed, env);
  if (parsed.protocol === 'ssh:') {
    const username = parsed.username === '' ? undefined : decodeURIComponent(parsed.username);
    return { kind: 'ssh', url, host: parsed.hostname, port: portOf(parsed, 22), username, agent: env.sshAgent === '' ? undefined : env.sshAgent };
  }
  throw badUrl(url, `the scheme ${parsed.protocol.replace(/:$/, '')}:// is not one the farm speaks`);
}

function tcpEndpoint(url: string, parsed: URL, env: EndpointEnv): Endpoint {
  const certPath = env.certPath === '' ? undefined : env.certPath;
  const tls = env.tlsVerify === true || certPath !== undefined;
  const dir = certPath ?? join(env.home ?? '', '.docker');
  const files = tls ? { ca: join(dir, 'ca.pem'), cert: join(dir, 'cert.pem'), key: join(dir, 'key.pem') } : undefined;
  return { kind: 'tcp', url, host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'), port: portOf(parsed, tls ? 2376 : 2375), tls: files };
}

function portOf(parsed: URL, fallback: number): number {
  return parsed.port === '' ? fallback : Number(parsed.port);
}

function badUrl(url: string, why: string): FarmError {
  return new FarmError('USAGE', `engine URL "${url}": ${why}`, { hint: URL_HINT });
}

/** Docker's variables for an engine other than DOCKER_HOST's, or DOCKER_HOST's own: the parts of `env` that matter. */
export function endpointEnv(env: Readonly<Record<string, string | undefined>>): EndpointEnv {
  // As Docker's own client: any non-empty DOCKER_TLS_VERIFY asks for TLS.
  const verify = env['DOCKER_TLS_VERIFY'];
  return { tlsVerify: verify !== undefined && verify !== '', certPath: env['DOCKER_CERT_PATH'], home: env['HOME'], sshAgent: env['SSH_AUTH_SOCK'] };
}
