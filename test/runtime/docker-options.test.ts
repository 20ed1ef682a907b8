import { describe, expect, it } from 'vitest';
import { containerOptions } from '../../farm/runtime/docker.js';
import type { ContainerSpec } from '../../farm/runtime/port.js';

const SPEC: ContainerSpec = {
  image: 'sha256:builder',
  cmd: ['/bin/sh', '/build/run.sh'],
  env: {},
  workdir: '/build',
  hostname: 'stasis-build',
  labels: {},
  limits: { memoryBytes: 1 << 30, pids: 4096, logBytes: 1 << 20 },
};

describe("the engine's form of a container spec", () => {
  it('gives the ulimits as HostConfig.Ulimits, and none when the spec has none (the engine default)', () => {
    const limited = containerOptions({
      ...SPEC,
      limits: {
        ...SPEC.limits,
        ulimits: [
          { name: 'nofile', soft: 1024, hard: 4096 },
          { name: 'core', soft: 0, hard: 0 },
        ],
      },
    });
    expect(limited.HostConfig?.Ulimits).toEqual([
      { Name: 'nofile', Soft: 1024, Hard: 4096 },
      { Name: 'core', Soft: 0, Hard: 0 },
    ]);
    expect(limited.HostConfig).toMatchObject({ PidsLimit: 4096, NetworkMode: 'none', CapDrop: ['ALL'] });
    expect(containerOptions(SPEC).HostConfig).not.toHaveProperty('Ulimits');
  });
});
