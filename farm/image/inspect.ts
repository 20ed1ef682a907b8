import { FarmError } from '../errors/index.js';
import type { ContainerRuntime } from '../runtime/port.js';
import { imageToolchain, type ImageToolchain } from '../toolchain/index.js';
import { libcOfLabels, type BuilderLibc } from './libc.js';

/** A builder image as builds and keys see it: its reference, its id, its declared toolchain and the C library it runs on. */
export type Builder = { readonly ref: string; readonly id: string; readonly libc: BuilderLibc } & ImageToolchain;

/** How to make a missing builder image: the one hint every error about it gives. */
export const MISSING_BUILDER_HINT = 'make the builder: stasis-farm image ensure --bootstrap (or stasis-farm image import <rootfs.tar>)';

/**
 * Resolve an image to its id, declared toolchain (STASIS_CC, STASIS_TOOLCHAIN_FLAGS)
 * and C library (its libc label); IMAGE_MISSING when absent.
 */
export async function inspectBuilder(runtime: ContainerRuntime, ref: string): Promise<Builder> {
  const info = await runtime.inspectImage(ref);
  if (info === undefined) throw new FarmError('IMAGE_MISSING', `image ${ref} does not exist`, { hint: MISSING_BUILDER_HINT });
  return { ref, id: info.id, libc: libcOfLabels(info.labels), ...imageToolchain(info.env) };
}
