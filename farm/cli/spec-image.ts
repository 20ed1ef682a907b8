// `stasis-farm image` and its subcommands: their arguments and options, the source of their parsers and their help (cmd-image.ts runs them).
import type { CommandSpec, GroupSpec, OptionSpec } from './spec.js';

export const IMAGE = {
  name: 'image',
  summary: 'the builder image: check it, make it, import one, list them, copy it to another engine, load it from a kit',
} as const satisfies GroupSpec;

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

export const IMAGE_COPY = {
  name: 'image copy',
  summary: 'copy the builder (or REF) from this engine to another one, and check its id there',
  description:
    "From the engine at DOCKER_HOST (or the local socket) to the one at --to, streamed from the one's `docker save` into the other's `docker load` (no registry, no temporary file); the image must then have the same id on both (IMAGE_MISMATCH, exit 5, otherwise). A target that already has the image with that id is skipped.",
  positionals: [{ name: 'REF', description: "the image (default: default.lua's builder, else stasis-builder:debian-musl)", optional: true }],
  options: {
    to: {
      type: 'string',
      value: 'URL',
      required: true,
      description: 'the engine to copy to: unix:///path/docker.sock, tcp://host:port (TLS with --to-cert-path) or ssh://user@host (through the ssh agent)',
    },
    'to-cert-path': { type: 'string', value: 'DIR', description: "a TLS engine's client files: DIR/ca.pem, DIR/cert.pem and DIR/key.pem" },
  },
} as const satisfies CommandSpec;

export const IMAGE_LOAD = {
  name: 'image load',
  summary: 'load the builder image of an airgap kit (mirror export --with-builder) into the engine',
  description:
    "The kit's builder archive is checked against its sha256 first, loaded into the engine at DOCKER_HOST, and must then have the id the kit records (IMAGE_MISMATCH, exit 5, otherwise). An engine that already has it is left alone.",
  positionals: [{ name: 'KIT', description: 'the kit directory' }],
  options: {},
} as const satisfies CommandSpec;
