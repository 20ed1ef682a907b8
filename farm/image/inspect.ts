import { FarmError } from '../errors/index.js';
import type { ContainerRuntime } from '../runtime/port.js';
import { imageToolchain, type ImageToolchain } from '../toolchain/index.js';

/** A builder image as builds and keys see it: its reference, its id and its declared toolchain. */
export type Builder = { readonly ref: string; readonly id: string } & ImageToolchain;

/** How to make a missing builder image: the one hint every error about it gives. */
export const MISSING_BUILDER_HINT = 'make the builder: stasis-farm image ensure --bootstrap (or stasis-farm image import <rootfs.tar>)';

/** Resolve an image to its id and declared toolchain (STASIS_CC, STASIS_TOOLCHAIN_FLAGS); IMAGE_MISSING when absent. */
export async function inspectBuilder(runtime: ContainerRuntime, ref: string): Promise<Builder> {
  const info = await runtime.inspectImage(ref);
  if (info === undefined) throw new FarmError('IMAGE_MISSING', `image ${ref} does not exist`, { hint: MISSING_BUILDER_HINT });
  return { ref, id: info.id, ...imageToolchain(info.env) };
}
