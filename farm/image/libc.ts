import { LABELS } from '../runtime/labels.js';

/**
 * The C library a builder image's own programs run on. A glibc builder (the
 * bootstrapped Debian one, whose musl-gcc is a wrapper around glibc's gcc) is
 * trusted for the dev stage only; a musl one is a Stasis or Alpine rootfs.
 */
export type BuilderLibc = 'glibc' | 'musl' | 'unknown';

/**
 * What an image's labels say of its C library: the libc label set when the builder was
 * made (`image import`); a stage image is a Stasis rootfs, musl. A builder with a definition
 * label was made by `image bootstrap`, which only ever makes Debian (mmdebstrap) rootfs: glibc.
 * (That label is read rather than a libc label added to images/debian-musl: any change to the
 * definition remakes the builder, whose new id would change every package key.)
 */
export function libcOfLabels(labels: Readonly<Record<string, string>>): BuilderLibc {
  const libc = labels[LABELS.libc];
  if (libc === 'glibc' || libc === 'musl') return libc;
  if (labels[LABELS.kind] === 'stage') return 'musl';
  return labels[LABELS.definition] !== undefined ? 'glibc' : 'unknown';
}
