// `stasis-farm mirror` and its subcommands: their arguments and options, the source of their parsers and their help (cmd-mirror.ts runs them).
import type { CommandSpec, GroupSpec, OptionSpec, PositionalSpec } from './spec.js';
import { ALL_RECIPES } from './options.js';

export const MIRROR = {
  name: 'mirror',
  summary: 'airgap tooling for the source mirror: export, verify, prune, serve over HTTP, share over BitTorrent',
} as const satisfies GroupSpec;

const DIR = [{ name: 'DIR', description: 'the mirror directory (default: workspace/mirror)', optional: true }] as const satisfies readonly PositionalSpec[];
const NAME = {
  type: 'string',
  value: 'NAME',
  description: 'the name of the source set, the top directory of the torrent (default: stasis-sources)',
} as const satisfies OptionSpec;

export const MIRROR_EXPORT = {
  name: 'mirror export',
  summary: 'copy the sources of the selected packages into a self-describing mirror directory',
  description:
    'Copied from the store and the mirror directories (--mirror, STASIS_MIRROR), each checked against its sha256; a file already there with the right hash is kept. The directory gets index.yaml and SHA256SUMS. A builder archive an earlier --with-builder put there stays in the index.',
  positionals: DIR,
  options: {
    all: ALL_RECIPES,
    profile: { type: 'string', value: 'P', description: "the sources of profiles/P.lua instead of config.lua's profile (with config.lua's include and exclude)" },
    'with-builder': {
      type: 'boolean',
      description:
        "also put the builder image (default.lua's builder, or --builder) into the directory as builder.tar, its reference and id in index.yaml: an airgap kit (`stasis-farm image load DIR` on the offline machine)",
    },
    builder: { type: 'string', value: 'REF', description: "the image --with-builder saves (default: default.lua's builder, else stasis-builder:debian-musl)" },
  },
} as const satisfies CommandSpec;

export const MIRROR_VERIFY = {
  name: 'mirror verify',
  summary: 're-hash a mirror (an exported one by its index.yaml, a plain directory by its SHA256SUMS); report missing, corrupt and unreferenced files (exit 1 when any)',
  positionals: DIR,
  options: {},
} as const satisfies CommandSpec;

export const MIRROR_PRUNE = {
  name: 'mirror prune',
  summary: 'remove the files no recipe references (a dry run unless --yes)',
  positionals: DIR,
  options: { yes: { type: 'boolean', description: 'remove them (without it: list what would be removed)' } },
} as const satisfies CommandSpec;

export const MIRROR_SERVE = {
  name: 'mirror serve',
  summary: 'serve a mirror read-only over HTTP, for other farms (until Ctrl-C)',
  description: 'Only the files its index names are served, also under /NAME/ for BitTorrent web seeds.',
  positionals: DIR,
  options: {
    port: { type: 'string', value: 'N', description: 'the TCP port (default 8080; 0: any free port)' },
    host: { type: 'string', value: 'H', description: 'the address to listen on (default 127.0.0.1, loopback only)' },
    name: NAME,
  },
} as const satisfies CommandSpec;

export const MIRROR_TORRENT = {
  name: 'mirror torrent',
  summary: 'a BitTorrent v1 .torrent and magnet link of a mirror, with a web seed',
  positionals: DIR,
  options: {
    'web-seed': {
      type: 'string',
      value: 'URL',
      required: true,
      description: 'where the files can also be fetched over HTTP, e.g. the URL of `stasis-farm mirror serve`',
    },
    name: NAME,
  },
} as const satisfies CommandSpec;
