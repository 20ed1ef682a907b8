import { describe, expect, it } from 'vitest';
import { createDockerRuntime } from '../../farm/runtime/docker.js';
import { createEngineReader } from '../../farm/runtime/engine-http.js';
import { DEFAULT_SOCKET } from '../../farm/runtime/endpoint.js';
import { prerequisite } from '../support/prerequisite.js';

// The lean reader and the dockerode adapter asking the machine's own Docker engine the same
// questions: the same answers. Only looks (ping, inspect, list); creates nothing.
const BUILDER = 'stasis-builder:debian-musl';
const endpoint = { kind: 'unix' as const, url: `unix://${DEFAULT_SOCKET}`, socketPath: DEFAULT_SOCKET };
const lean = createEngineReader(endpoint);
const adapter = createDockerRuntime({ endpoint });

async function problem(): Promise<string | undefined> {
  try {
    await lean.ping();
  } catch (error) {
    return `no Docker engine at ${DEFAULT_SOCKET} (${(error as Error).message})`;
  }
  if ((await lean.inspectImage(BUILDER)) === undefined) return `no builder image ${BUILDER} (stasis-farm image ensure --bootstrap)`;
  return undefined;
}

const ready = prerequisite('the lean engine reader against the real engine', await problem());

describe.runIf(ready)('the lean engine reader against the real engine', () => {
  it(`inspects ${BUILDER} exactly as the dockerode adapter does`, async () => {
    const ours = await lean.inspectImage(BUILDER);
    expect(ours?.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(ours).toEqual(await adapter.inspectImage(BUILDER));
  });

  it('agrees with the adapter on an absent image and on a label no container carries', async () => {
    expect(await lean.inspectImage('stasis-farm-test/no-such-image:absent')).toBeUndefined();
    expect(await adapter.inspectImage('stasis-farm-test/no-such-image:absent')).toBeUndefined();
    const labels = { 'org.stasis-farm.kind': 'no-such-kind-of-container' };
    expect(await lean.listContainers(labels)).toEqual([]);
    expect(await adapter.listContainers(labels)).toEqual([]);
  });

  it("lists the farm's containers (running or exited) as the adapter does", async () => {
    // Other runs may start or remove containers meanwhile: the adapter is asked before and after,
    // and the lean answer counts when those two agree.
    const farm = { 'org.stasis-farm.farm': 'stasis-farm' };
    for (let attempt = 1; ; attempt++) {
      const before = (await adapter.listContainers(farm)).sort();
      const ours = (await lean.listContainers(farm)).sort();
      const after = (await adapter.listContainers(farm)).sort();
      if (JSON.stringify(before) === JSON.stringify(after) || attempt === 5) {
        expect(ours).toEqual(after);
        return;
      }
    }
  });
});
