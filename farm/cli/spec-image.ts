// `stasis-farm image` and its subcommands: their arguments and options, the source of their parsers and their help (cmd-image.ts runs them).
import type { CommandSpec, GroupSpec, OptionSpec } from './spec.js';

export const IMAGE = { name: 'image', summary: 'the builder image: check it, make it, import one, list them' } as const satisfies GroupSpec;

const REF = {
  type: 'string',
  value: 'REF',
  description: "the builder image's name (default: default.lua's builder, else stasis-builder:debian-musl)",
} as const satisfies OptionSpec;
const DEFINITION = {
  type: 'string',
  value: 'DIR',
  description: "the builder definition: a directory with its package list and Dockerfile (default: the farm's images/debian-musl)",
} as const satisfies OptionSpec;
const SUITE = { type: 'string', value: 'SUITE', description: 'the Debian suite mmdebstrap installs (default: bookworm)' } as const satisfies OptionSpec;

export const IMAGE_ENSURE = {
  name: 'image ensure',
  summary: 'check the builder image (make it when missing or made from an older definition)',
  description: 'Without --bootstrap, a missing builder is an error naming how to make it (exit 5).',
  options: {
    bootstrap: { type: 'boolean', description: 'make the builder (as `image bootstrap`) when it is missing' },
    ref: REF,
    definition: DEFINITION,
    suite: SUITE,
  },
} as const satisfies CommandSpec;

export const IMAGE_BOOTSTRAP = {
  name: 'image bootstrap',
  summary: 'make the Debian+musl builder image with mmdebstrap (no registry)',
  options: { ref: REF, definition: DEFINITION, suite: SUITE },
} as const satisfies CommandSpec;

export const IMAGE_IMPORT = {
  name: 'image import',
  summary: 'import an operator-supplied rootfs tarball as the builder image',
  positionals: [{ name: 'TARBALL', description: 'a rootfs tarball (plain or gzip)' }],
  options: {
    ref: REF,
    definition: {
      type: 'string',
      value: 'DIR',
      description: 'a directory whose Dockerfile (ARG BASE / FROM ${BASE}) is built on top of the imported rootfs (default: the rootfs as it is)',
    },
  },
} as const satisfies CommandSpec;

export const IMAGE_LIST = {
  name: 'image list',
  summary: 'the builder images on the engine (ids, sizes), marking the configured (REF) and the default one',
  options: { ref: REF },
} as const satisfies CommandSpec;
