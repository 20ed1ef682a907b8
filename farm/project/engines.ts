import { copyImage } from '../image/copy.js';
import type { Builder } from '../image/inspect.js';
import type { PoolEngine } from '../pkgbuild/build-all.js';
import type { EngineSpec } from '../pool/index.js';
import type { EventSink } from '../report/events.js';
import { buildKind, LABELS } from '../runtime/labels.js';
import type { ContainerRuntime } from '../runtime/port.js';

/** An engine of the pool as the CLI hands it over: what default.lua, --engine or STASIS_ENGINES said, and its adapter. */
export interface PoolInput {
  readonly spec: EngineSpec;
  readonly runtime: ContainerRuntime;
}

export interface PoolSetup {
  /** The engine that holds the builder (and a release's stage images): DOCKER_HOST's. Images are copied from it. */
  readonly home: { readonly runtime: ContainerRuntime; readonly name: string };
  readonly builder: Builder;
  /** The label of this workspace's build containers (stale ones are swept from each engine). */
  readonly workspaceId: string;
  /** Slots of an engine that names none: --jobs, else the machine's cores. */
  readonly defaultJobs: number;
  readonly sink: EventSink;
  readonly signal: AbortSignal;
}

/**
 * The executor's engines. Each becomes ready before its first build, once: it answers, it holds
 * the builder under its reference with the home engine's id (copied there through the API when it
 * does not: `docker save` into `docker load`, the id checked), and no container of this workspace
 * that a killed run left is on it. One that cannot be made ready is put down by the executor and
 * its packages go elsewhere.
 */
export function poolEngines(inputs: readonly PoolInput[], setup: PoolSetup): PoolEngine[] {
  return inputs.map(({ spec, runtime }) => {
    const jobs = Math.max(1, spec.jobs ?? setup.defaultJobs);
    let readying: Promise<void> | undefined;
    return {
      name: spec.name,
      runtime,
      jobs,
      cores: jobs,
      memoryBytes: spec.memoryBytes,
      features: spec.features,
      ready: () => (readying ??= makeReady({ name: spec.name, runtime }, setup)),
    };
  });
}

async function makeReady(engine: { readonly name: string; readonly runtime: ContainerRuntime }, setup: PoolSetup): Promise<void> {
  await engine.runtime.ping();
  // An engine that has the builder (the home engine among them) is left alone, without a word.
  if ((await engine.runtime.inspectImage(setup.builder.ref))?.id !== setup.builder.id) {
    await copyImage(setup.builder.ref, setup.home, engine, { sink: setup.sink, signal: setup.signal });
  }
  await sweepStale(engine.runtime, setup.workspaceId, setup.sink);
}

/** Build containers of a workspace that a killed run left on an engine: removed, and counted in a sweep event. */
export async function sweepStale(runtime: ContainerRuntime, workspaceId: string, sink: EventSink): Promise<void> {
  const stale = await runtime.listContainers({ [LABELS.kind]: buildKind(workspaceId) });
  for (const id of stale) await runtime.removeContainer(id);
  if (stale.length > 0) sink({ type: 'sweep', removed: stale.length });
}
