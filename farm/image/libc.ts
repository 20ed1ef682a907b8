import { LABELS } from '../runtime/labels.js';

/**
 * The C library a builder image's own programs run on. A glibc builder (the
 * bootstrapped Debian one, whose musl-gcc is a wrapper around glibc's gcc) is
 * trusted for the dev stage only; a musl one is a Stasis or Alpine rootfs.
 */
export type BuilderLibc = 'glibc' | 'musl' | 'unknown';

/**
 * What an image's labels say of its C library: the libc label set when the builder
 * was made (`image import`, `image bootstrap`); a stage image is a Stasis rootfs, musl.
 */
export function libcOfLabels(labels: Readonly<Record<string, string>>): BuilderLibc {
  const libc = labels[LABELS.libc];
  if (libc === 'glibc' || libc === 'musl') return libc;
  return labels[LABELS.kind] === 'stage' ? 'musl' : 'unknown';
}
