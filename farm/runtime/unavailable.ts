import { FarmError } from '../errors/index.js';

/** How to get an engine: the hint of every ENGINE_UNAVAILABLE for an engine that does not answer. */
export const ENGINE_START_HINT = 'start one: apt-get install -y docker.io && dockerd --iptables=false --bridge=none & ' + '(or point DOCKER_HOST at a running engine)';

/** The engine at `where` (its URL) did not answer a ping: `error` says how. */
export function engineUnavailable(where: string, error: unknown): FarmError {
  return new FarmError('ENGINE_UNAVAILABLE', `no container engine answers at ${where}: ${(error as Error).message}`, { hint: ENGINE_START_HINT, cause: error });
}
