import { join } from 'node:path';
import { bootstrapBuilder, DEFAULT_BUILDER, definitionHash } from '../image/builder.js';
import { importRootfs } from '../image/import.js';
import { inspectBuilder } from '../image/inspect.js';
import { LABELS } from '../runtime/labels.js';
import { FARM_HOME } from '../version.js';
import { configuredDefaults } from './defaults.js';
import { out, type CliContext } from './io.js';
import type { ArgsOf } from './spec.js';
import type { IMAGE_BOOTSTRAP, IMAGE_ENSURE, IMAGE_IMPORT, IMAGE_LIST } from './spec-image.js';

/** The engine, answering, and the builder these options name. */
async function setup(ctx: CliContext, values: { readonly ref?: string; readonly definition?: string }) {
  const runtime = await ctx.runtime();
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

export async function ensure(ctx: CliContext, { values }: ArgsOf<typeof IMAGE_ENSURE>): Promise<number> {
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

export async function bootstrap(ctx: CliContext, { values }: ArgsOf<typeof IMAGE_BOOTSTRAP>): Promise<number> {
  const { runtime, configured, ref, definitionDir, cacheDir } = await setup(ctx, values);
  const id = await bootstrapBuilder(runtime, { ref, definitionDir, cacheDir, sourceDateEpoch: configured.sde, sink: ctx.sink, suite: values.suite });
  out(ctx, `builder ${ref} ready (${id.slice(0, 19)})`);
  return 0;
}

export async function importTarball(ctx: CliContext, { values, positionals }: ArgsOf<typeof IMAGE_IMPORT>): Promise<number> {
  const { runtime, ref } = await setup(ctx, values);
  // The spec asks for TARBALL.
  const [tarPath] = positionals as [string];
  const { id, facts, made } = await importRootfs(runtime, { ref, tarPath, definitionDir: values.definition, imagesDir: join(FARM_HOME, 'images'), sink: ctx.sink });
  const how = made === 'rootfs' ? `the rootfs as it is, STASIS_CC=${facts.cc ?? 'cc'}` : made.definition;
  out(ctx, `builder ${ref} ready (${id.slice(0, 19)}, libc ${facts.libc}: ${how})`);
  return 0;
}

export async function list(ctx: CliContext, { values }: ArgsOf<typeof IMAGE_LIST>): Promise<number> {
  const { runtime, ref } = await setup(ctx, values);
  const builders = await runtime.listImages({ [LABELS.kind]: 'builder' });
  const rows = builders.flatMap((image) => image.refs.map((r) => ({ ref: r, image }))).sort((x, y) => x.ref.localeCompare(y.ref));
  for (const { ref: r, image } of rows) {
    const marks = [r === ref ? 'configured' : '', r === DEFAULT_BUILDER ? 'default' : ''].filter((m) => m !== '');
    const size = `${(image.size / 1_048_576).toFixed(0)} MiB`;
    out(ctx, `${r}  ${image.id.slice(0, 19)}  ${size}${marks.length === 0 ? '' : `  (${marks.join(', ')})`}`);
  }
  // The configured builder is named even when the engine lacks it (or it is not labelled a builder).
  if (!rows.some((row) => row.ref === ref)) {
    const info = await runtime.inspectImage(ref);
    out(
      ctx,
      `${ref}  ${info === undefined ? 'absent: `stasis-farm image ensure --bootstrap` makes it' : `${info.id.slice(0, 19)}  (configured; not labelled a builder)`}`,
    );
  }
  return 0;
}
