import { endpointEnv, parseEndpoint } from '../runtime/endpoint.js';
import type { ContainerRuntime } from '../runtime/port.js';
import type { EngineAtOptions } from './io.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The container engine of a real run: the Docker engine at DOCKER_HOST (the unix socket by
 * default; tcp:// over TLS with DOCKER_TLS_VERIFY / DOCKER_CERT_PATH as Docker's client; ssh://
 * through SSH_AUTH_SOCK's agent). The one place the dockerode adapter is made; bin/stasis-farm.js
 * hands this to main(), which calls it only when a command needs the engine, so dockerode loads only then.
 */
export async function dockerRuntime(env: Env): Promise<ContainerRuntime> {
  const endpoint = parseEndpoint(env['DOCKER_HOST'], endpointEnv(env));
  const { createDockerRuntime } = await import('../runtime/docker.js');
  return createDockerRuntime({ endpoint });
}

/**
 * Another engine, by its URL (`image copy --to`): Docker's TLS variables describe DOCKER_HOST's
 * engine, not this one, so a tcp:// engine here is TLS only when `certPath` names its files.
 */
export async function dockerRuntimeAt(url: string, env: Env, options: EngineAtOptions = {}): Promise<ContainerRuntime> {
  const endpoint = parseEndpoint(url, { certPath: options.certPath, home: env['HOME'], sshAgent: env['SSH_AUTH_SOCK'] });
  const { createDockerRuntime } = await import('../runtime/docker.js');
  return createDockerRuntime({ endpoint });
}
