import { endpointEnv, parseEndpoint, type Endpoint } from '../runtime/endpoint.js';
import type { ContainerRuntime } from '../runtime/port.js';
import type { EngineAtOptions } from './io.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The container engine of a real run: the Docker engine at DOCKER_HOST (the unix socket by
 * default; tcp:// over TLS with DOCKER_TLS_VERIFY / DOCKER_CERT_PATH as Docker's client; ssh://
 * through SSH_AUTH_SOCK's agent). The one place the dockerode adapter is made; bin/stasis-farm.js
 * hands this to main(), which calls it only when a command needs the engine.
 */
export async function dockerRuntime(env: Env): Promise<ContainerRuntime> {
  return runtimeAt(parseEndpoint(env['DOCKER_HOST'], endpointEnv(env)));
}

/**
 * Another engine, by its URL (`image copy --to`): Docker's TLS variables describe DOCKER_HOST's
 * engine, not this one, so a tcp:// engine here is TLS only when `certPath` names its files.
 */
export async function dockerRuntimeAt(url: string, env: Env, options: EngineAtOptions = {}): Promise<ContainerRuntime> {
  return runtimeAt(parseEndpoint(url, { certPath: options.certPath, home: env['HOME'], sshAgent: env['SSH_AUTH_SOCK'] }));
}

/**
 * On a unix socket, ping, inspectImage and listContainers are asked with node:http alone and
 * dockerode loads (about 0.2 s) only when a command first does anything else: plan, and a build
 * whose packages are all cached, never load it. tcp:// (TLS) and ssh:// go to dockerode at once.
 * The reader too is imported here, so a command that needs no engine loads not even node:http.
 */
async function runtimeAt(endpoint: Endpoint): Promise<ContainerRuntime> {
  const load = async (): Promise<ContainerRuntime> => (await import('../runtime/docker.js')).createDockerRuntime({ endpoint });
  if (endpoint.kind !== 'unix') return load();
  const [{ createEngineReader }, { createLazyRuntime }] = await Promise.all([import('../runtime/engine-http.js'), import('../runtime/lazy.js')]);
  return createLazyRuntime(createEngineReader(endpoint), load);
}
