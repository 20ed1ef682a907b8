import { join } from 'node:path';
import { bootstrapBuilder, DEFAULT_BUILDER, definitionHash, importBuilder } from '../image/builder.js';
import { inspectBuilder } from '../image/inspect.js';
import { LABELS } from '../runtime/labels.js';
import { FARM_HOME } from '../version.js';
import { defineCommand, defineGroup } from './command.js';
import { configuredDefaults } from './defaults.js';
import { runtimeFor } from './engine.js';
import { out, type CliContext } from './io.js';
import type { ArgsOf, CommandSpec, OptionSpec } from './spec.js';

const REF = { type: 'string', value: 'REF', description: "the builder image's name (default: default.lua's builder, else stasis-builder:debian-musl)" } as const satisfies OptionSpec;
const DEFINITION = { type: 'string', value: 'DIR', description: "the builder definition: a directory with its package list and Dockerfile (default: the farm's images/debian-musl)" } as const satisfies OptionSpec;
const SUITE = { type: 'string', value: 'SUITE', description: 'the Debian suite mmdebstrap installs (default: bookworm)' } as const satisfies OptionSpec;

const ENSURE = {
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

const BOOTSTRAP = {
  name: 'image bootstrap',
  summary: 'make the Debian+musl builder image with mmdebstrap (no registry)',
  options: { ref: REF, definition: DEFINITION, suite: SUITE },
} as const satisfies CommandSpec;

const IMPORT = {
  name: 'image import',
  summary: 'import an operator-supplied rootfs tarball as the builder image',
  positionals: [{ name: 'TARBALL', description: 'a rootfs tarball (plain or gzip)' }],
  options: {
    ref: REF,
    definition: { type: 'string', value: 'DIR', description: "a directory whose Dockerfile (ARG BASE / FROM ${BASE}) is built on top of the imported rootfs (default: the rootfs as it is)" },
  },
} as const satisfies CommandSpec;

const LIST = {
  name: 'image list',
  summary: 'whether the builder (REF) and the default builder image are present, with their ids',
  options: { ref: REF },
} as const satisfies CommandSpec;

/** The engine, answering, and the builder these options name. */
async function setup(ctx: CliContext, values: { readonly ref?: string; readonly definition?: string }) {
  const runtime = runtimeFor(ctx);
  await runtime.ping();
  const configured = await configuredDefaults(ctx);
  return {
    runtime,
    configured,
    ref: values.ref ?? configured.ref,
    definitionDir: values.definition ?? join(FARM_HOME, 'images', 'debian-musl'),
    cacheDir: join(ctx.root, 'workspace', 'images'),
  };
}

async function ensure(ctx: CliContext, { values }: ArgsOf<typeof ENSURE>): Promise<number> {
  const { runtime, configured, ref, definitionDir, cacheDir } = await setup(ctx, values);
  const have = await runtime.inspectImage(ref);
  // The default builder made from another definition (its label differs) is made again;
  // any other ref (an operator's import) stays as it is.
  const wanted = await definitionHash(definitionDir, values.suite);
  const stale = have !== undefined && ref === DEFAULT_BUILDER && have.labels[LABELS.kind] === 'builder' && have.labels[LABELS.definition] !== wanted;
  if (have !== undefined && !stale) {
    out(ctx, `builder ${ref} present (${have.id.slice(0, 19)})`);
    return 0;
  }
  if (stale) out(ctx, `builder ${ref} was made from an older definition (${definitionDir}): making it again`);
  if (values.bootstrap !== true) await inspectBuilder(runtime, ref);
  const id = await bootstrapBuilder(runtime, { ref, definitionDir, cacheDir, sourceDateEpoch: configured.sde, sink: ctx.sink, suite: values.suite });
  out(ctx, `builder ${ref} ready (${id.slice(0, 19)})`);
  return 0;
}

async function bootstrap(ctx: CliContext, { values }: ArgsOf<typeof BOOTSTRAP>): Promise<number> {
  const { runtime, configured, ref, definitionDir, cacheDir } = await setup(ctx, values);
  const id = await bootstrapBuilder(runtime, { ref, definitionDir, cacheDir, sourceDateEpoch: configured.sde, sink: ctx.sink, suite: values.suite });
  out(ctx, `builder ${ref} ready (${id.slice(0, 19)})`);
  return 0;
}

async function importTarball(ctx: CliContext, { values, positionals }: ArgsOf<typeof IMPORT>): Promise<number> {
  const { runtime, ref } = await setup(ctx, values);
  // The spec asks for TARBALL.
  const [tarPath] = positionals as [string];
  const id = await importBuilder(runtime, { ref, tarPath, definitionDir: values.definition, sink: ctx.sink });
  out(ctx, `builder ${ref} ready (${id.slice(0, 19)})`);
  return 0;
}

async function list(ctx: CliContext, { values }: ArgsOf<typeof LIST>): Promise<number> {
  const { runtime, ref } = await setup(ctx, values);
  for (const r of [ref, DEFAULT_BUILDER]) {
    const info = await runtime.inspectImage(r);
    out(ctx, `${r}: ${info === undefined ? 'absent' : `${info.id.slice(0, 19)} ${info.labels[LABELS.kind] ?? ''}`}`);
  }
  return 0;
}

export const imageCommand = defineGroup('image', 'the builder image: check it, make it, import one, list them', [
  defineCommand(ENSURE, ensure),
  defineCommand(BOOTSTRAP, bootstrap),
  defineCommand(IMPORT, importTarball),
  defineCommand(LIST, list),
]);
