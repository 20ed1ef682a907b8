import type { ContainerRuntime } from '../runtime/port.js';

/**
 * The container engine of a real run: the Docker engine at DOCKER_HOST (the unix socket by
 * default). The one place the dockerode adapter is made; bin/stasis-farm.js hands this to
 * main(), which calls it only when a command needs the engine, so dockerode loads only then.
 */
export async function dockerRuntime(env: Readonly<Record<string, string | undefined>>): Promise<ContainerRuntime> {
  const { createDockerRuntime } = await import('../runtime/docker.js');
  return createDockerRuntime({ dockerHost: env['DOCKER_HOST'] });
}
