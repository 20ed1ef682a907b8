import { resolve } from 'node:path';
import { copyImage, loadImageArchive } from '../image/copy.js';
import { readKitBuilder } from '../mirror/index.js';
import { parseEndpoint } from '../runtime/endpoint.js';
import { configuredDefaults } from './defaults.js';
import { out, type CliContext } from './io.js';
import type { ArgsOf } from './spec.js';
import type { IMAGE_COPY, IMAGE_LOAD } from './spec-image.js';

/** The engine at DOCKER_HOST, answering, and its URL for messages. */
async function currentEngine(ctx: CliContext) {
  const runtime = await ctx.runtime();
  await runtime.ping();
  return { runtime, name: parseEndpoint(ctx.env['DOCKER_HOST']).url };
}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** `image copy [REF] --to URL`: the builder from this engine to another, its id checked there. */
export async function copy(ctx: CliContext, { values, positionals }: ArgsOf<typeof IMAGE_COPY>): Promise<number> {
  const from = await currentEngine(ctx);
  const to = { runtime: await ctx.engineAt(values.to, { certPath: values['to-cert-path'] }), name: values.to };
  await to.runtime.ping();
  const ref = positionals[0] ?? (await configuredDefaults(ctx)).ref;
  const r = await copyImage(ref, from, to, { sink: ctx.sink, signal: ctx.signal });
  if (ctx.json) out(ctx, JSON.stringify({ ref, id: r.id, from: from.name, to: to.name, copied: r.copied, bytes: r.bytes }));
  else if (r.copied) out(ctx, `copied ${ref} (${r.id.slice(0, 19)}) to ${to.name}: ${mib(r.bytes)}, the same id there`);
  else out(ctx, `${to.name} already has ${ref} (${r.id.slice(0, 19)}): not copied`);
  return 0;
}

/** `image load KIT`: an airgap kit's builder into the engine, its archive's sha256 and then its id checked. */
export async function load(ctx: CliContext, { positionals }: ArgsOf<typeof IMAGE_LOAD>): Promise<number> {
  // The spec asks for KIT.
  const dir = resolve(ctx.root, positionals[0] as string);
  const kit = await readKitBuilder(dir);
  const engine = await currentEngine(ctx);
  const { builder } = kit;
  const r = await loadImageArchive(engine, () => kit.open(), { ref: builder.ref, id: builder.id, origin: dir }, { sink: ctx.sink, signal: ctx.signal });
  const configured = (await configuredDefaults(ctx)).ref;
  if (configured !== builder.ref) {
    ctx.sink({ type: 'warn', message: `the kit's builder is ${builder.ref}, but this project builds with ${configured}: set builder = "${builder.ref}" in default.lua` });
  }
  if (ctx.json) out(ctx, JSON.stringify({ ref: builder.ref, id: builder.id, engine: engine.name, loaded: r.loaded, bytes: r.bytes }));
  else if (r.loaded) out(ctx, `loaded ${builder.ref} (${builder.id.slice(0, 19)}) from ${dir} into ${engine.name}: ${mib(r.bytes)}, the id the kit records`);
  else out(ctx, `${engine.name} already has ${builder.ref} (${builder.id.slice(0, 19)}): not loaded`);
  return 0;
}
