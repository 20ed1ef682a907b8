/**
 * The engine pool's plain data: the engines a build may use and what a package asks of the one it
 * builds on. A leaf module: config/ (default.lua `engines`), recipe/ (a recipe's `memory` and
 * `features`), cli/ (--engine, STASIS_ENGINES) and pkgbuild/ (the scheduler) all speak these types.
 */

/** One engine of the pool, as default.lua's `engines`, `--engine` or STASIS_ENGINES names it. */
export interface EngineSpec {
  /** Where it answers: unix:///path.sock, tcp://host:port (TLS with `tls`), ssh://user@host. */
  readonly url: string;
  /** How progress and reports name it (default: derived from the URL, see engineName). */
  readonly name: string;
  /** Containers it runs at once (default: --jobs, else the local machine's cores). */
  readonly jobs: number | undefined;
  /** The most memory a build there may use, in bytes (undefined: no limit known). */
  readonly memoryBytes: number | undefined;
  /** What it offers beyond plain builds (e.g. "kvm", "big"); a package needing a feature goes only where it is. */
  readonly features: readonly string[];
  /** A tcp:// engine's TLS client files directory (ca.pem, cert.pem, key.pem), as DOCKER_CERT_PATH. */
  readonly tls?: string | undefined;
}

/** What a package asks of the engine it builds on: its recipe's `memory` and `features`. */
export interface PackageNeeds {
  readonly memoryBytes: number | undefined;
  readonly features: readonly string[];
}

export const NO_NEEDS: PackageNeeds = { memoryBytes: undefined, features: [] };

/** A name for an engine from its URL: the host of a tcp:// or ssh:// URL, else the socket's file name ("docker.sock" -> "local"). */
export function engineName(url: string): string {
  if (url === '' || url === 'unix:///var/run/docker.sock') return 'local';
  if (url.startsWith('unix://')) return url.slice(url.lastIndexOf('/') + 1).replace(/\.sock$/, '') || 'local';
  try {
    const parsed = new URL(url.includes('://') ? url : `tcp://${url}`);
    return parsed.port === '' ? parsed.hostname : `${parsed.hostname}:${parsed.port}`;
  } catch {
    return url;
  }
}
