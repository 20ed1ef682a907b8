import type { Readable } from 'node:stream';
import type { ContainerRuntime, EngineReader } from './port.js';

/**
 * A ContainerRuntime that answers ping, inspectImage and listContainers with `reader`, and makes
 * the full runtime (`load`: cli/engine.ts imports the dockerode adapter there) only when anything
 * else is first asked for, handing every such call to it from then on. `load` is called at most
 * once; a command that only looks at the engine never calls it.
 */
export function createLazyRuntime(reader: EngineReader, load: () => Promise<ContainerRuntime>): ContainerRuntime {
  let loading: Promise<ContainerRuntime> | undefined;
  const full = (): Promise<ContainerRuntime> => (loading ??= load());
  return {
    ping: () => reader.ping(),
    inspectImage: (ref) => reader.inspectImage(ref),
    listContainers: (labels) => reader.listContainers(labels),
    createContainer: async (spec) => (await full()).createContainer(spec),
    importImage: async (rootfs, ref, options) => (await fullWhile(rootfs, full)).importImage(rootfs, ref, options),
    buildImage: async (context, ref, options) => (await fullWhile(context, full)).buildImage(context, ref, options),
    saveImage: async (ref) => (await full()).saveImage(ref),
    loadImage: async (archive) => (await fullWhile(archive, full)).loadImage(archive),
    listImages: async (labels) => (await full()).listImages(labels),
    removeImage: async (ref, options) => (await full()).removeImage(ref, options),
    removeContainer: async (id) => (await full()).removeContainer(id),
    cores: async () => (await full()).cores(),
  };
}

/**
 * The full runtime, for a call that hands it `input`: a stream that fails while the runtime loads
 * (a saved image from an engine that went away) fails the call, instead of failing unheard before
 * the runtime listens to it.
 */
async function fullWhile(input: Readable, full: () => Promise<ContainerRuntime>): Promise<ContainerRuntime> {
  let onError: (error: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => (onError = reject));
  input.once('error', onError);
  try {
    return await Promise.race([full(), failed]);
  } finally {
    input.off('error', onError);
  }
}
