import { addAbortSignal, pipeline, Transform, type Readable } from 'node:stream';
import { FarmError } from '../errors/index.js';
import type { EventSink } from '../report/events.js';
import type { ContainerRuntime } from '../runtime/port.js';
import { MISSING_BUILDER_HINT } from './inspect.js';

/** An engine and how to name it to people (its URL). */
export interface Engine {
  readonly runtime: ContainerRuntime;
  readonly name: string;
}

export interface CopyResult {
  /** The image id, the same on both engines. */
  readonly id: string;
  /** false: the target already had the image under this reference with this id; nothing moved. */
  readonly copied: boolean;
  /** Bytes of the archive streamed from one engine to the other. */
  readonly bytes: number;
}

export interface TransferOptions {
  readonly sink?: EventSink | undefined;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Copy image `ref` from one engine to another without a registry or a temporary file: the
 * source's `docker save` stream goes straight into the target's `docker load`, then the target's
 * image under `ref` must have the source's id (IMAGE_MISMATCH otherwise). A target that already
 * has that id under `ref` is left alone. What an engine pool uses to put the builder on each engine.
 */
export async function copyImage(ref: string, from: Engine, to: Engine, options: TransferOptions = {}): Promise<CopyResult> {
  const source = await from.runtime.inspectImage(ref);
  if (source === undefined) throw new FarmError('IMAGE_MISSING', `image ${ref} is not on ${from.name}`, { hint: MISSING_BUILDER_HINT });
  const present = await to.runtime.inspectImage(ref);
  if (present?.id === source.id) {
    options.sink?.({ type: 'info', message: `${to.name} already has ${ref} (${shortId(source.id)}): nothing to copy` });
    return { id: source.id, copied: false, bytes: 0 };
  }
  options.sink?.({ type: 'info', message: `copying ${ref} (${shortId(source.id)}) from ${from.name} to ${to.name}` });
  const counted = countBytes(await from.runtime.saveImage(ref), options.signal);
  const loaded = await to.runtime.loadImage(counted.stream);
  await expectLoaded(to, ref, source.id, { origin: from.name, loaded });
  return { id: source.id, copied: true, bytes: counted.bytes() };
}

/**
 * Load an image archive (a kit's builder) into an engine and check that `ref` now names image
 * `id`. Skipped, with `loaded: false`, when the engine already has it.
 */
export async function loadImageArchive(
  to: Engine,
  archive: () => Promise<Readable>,
  wanted: { readonly ref: string; readonly id: string; readonly origin: string },
  options: TransferOptions = {},
): Promise<{ readonly loaded: boolean; readonly bytes: number }> {
  const present = await to.runtime.inspectImage(wanted.ref);
  if (present?.id === wanted.id) {
    options.sink?.({ type: 'info', message: `${to.name} already has ${wanted.ref} (${shortId(wanted.id)}): nothing to load` });
    return { loaded: false, bytes: 0 };
  }
  options.sink?.({ type: 'info', message: `loading ${wanted.ref} (${shortId(wanted.id)}) from ${wanted.origin} into ${to.name}` });
  const counted = countBytes(await archive(), options.signal);
  const loaded = await to.runtime.loadImage(counted.stream);
  await expectLoaded(to, wanted.ref, wanted.id, { origin: wanted.origin, loaded });
  return { loaded: true, bytes: counted.bytes() };
}

/** After a load: `ref` on the target names image `id`, or IMAGE_MISMATCH saying what it names instead. */
async function expectLoaded(to: Engine, ref: string, id: string, context: { readonly origin: string; readonly loaded: readonly string[] }): Promise<void> {
  const got = await to.runtime.inspectImage(ref);
  if (got?.id === id) return;
  const what = got === undefined ? `has no image ${ref}` : `has ${ref} as ${got.id}`;
  throw new FarmError(
    'IMAGE_MISMATCH',
    `${to.name} loaded the archive from ${context.origin} (it reported: ${context.loaded.join(', ') || 'nothing'}) but ${what}, not ${id}`,
    {
      hint:
        'the engines must store images alike: an engine with the containerd image store names an image by its manifest digest, the classic storage by its config digest ' +
        '(`docker info -f {{.DriverStatus}}` on both); make the builder on the target instead (DOCKER_HOST=<target> stasis-farm image ensure --bootstrap)',
      data: { ref, wanted: id, got: got?.id ?? null, engine: to.name },
    },
  );
}

/** The stream with its bytes counted; aborted (destroyed) by `signal`. */
function countBytes(source: Readable, signal: AbortSignal | undefined): { readonly stream: Readable; readonly bytes: () => number } {
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  // An error of the source (its engine went away) reaches the counter, which the load listens to.
  const stream = pipeline(source, counter, () => {});
  if (signal !== undefined) addAbortSignal(signal, stream);
  return { stream, bytes: () => bytes };
}

function shortId(id: string): string {
  return id.slice(0, 19);
}
