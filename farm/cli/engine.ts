import { createDockerRuntime } from '../runtime/docker.js';
import type { ContainerRuntime } from '../runtime/port.js';
import type { CliContext } from './io.js';

/** The container engine, from DOCKER_HOST (unix socket by default). */
export function runtimeFor(ctx: CliContext): ContainerRuntime {
  return createDockerRuntime({ dockerHost: ctx.env['DOCKER_HOST'] });
}

/** Mirrors in priority order: --mirror / STASIS_MIRROR, then default.lua. */
export function mirrorsFor(ctx: CliContext, fromDefaults: readonly string[]): string[] {
  return [...ctx.mirrors, ...fromDefaults];
}
