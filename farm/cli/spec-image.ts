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
  summary: 'import a rootfs tarball as a builder image, made according to what the tarball is',
  description:
    "A Stasis rootfs (a release's dist tarball: etc/os-release says ID=stasis, or the farm's etc/stasis/) or any rootfs with /bin/sh and a C compiler becomes a builder as it is, no package manager run: images/rootfs/Dockerfile adds PATH, STASIS_CC (the compiler found: tcc on Stasis) and the farm's labels, with the C library found (libc label: musl or glibc; the release manifest records it). An Alpine minirootfs (etc/alpine-release) gets images/alpine/Dockerfile.import (apk add of the toolchain, which needs a local repository with the network off). A rootfs with no /bin/sh, or with no C compiler and no definition to install one, is refused (BUILDER_UNUSABLE, exit 5).",
  positionals: [{ name: 'TARBALL', description: 'a rootfs tarball (plain, gzip, bzip2 or xz)' }],
  options: {
    ref: REF,
    definition: {
      type: 'string',
      value: 'DIR',
      description: 'a directory whose Dockerfile.import (else Dockerfile; ARG BASE / FROM ${BASE}) is built on top of the imported rootfs, whatever the tarball is',
    },
  },
} as const satisfies CommandSpec;

export const IMAGE_LIST = {
  name: 'image list',
  summary: 'the builder images on the engine (ids, sizes), marking the configured (REF) and the default one',
  options: { ref: REF },
} as const satisfies CommandSpec;
