import { join } from 'node:path';
import { FarmError } from '../errors/index.js';
import { bootstrapBuilder, DEFAULT_BUILDER, definitionHash, importBuilder } from '../image/builder.js';
import { inspectBuilder } from '../project/build.js';
import { LABELS } from '../runtime/port.js';
import { FARM_HOME } from '../version.js';
import { parseFlags } from './args.js';
import { configuredDefaults } from './defaults.js';
import { runtimeFor } from './engine.js';
import { out, type CliContext } from './io.js';

export async function imageCommand(ctx: CliContext, args: readonly string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseFlags(
    rest,
    { ref: { type: 'string' }, bootstrap: { type: 'boolean' }, definition: { type: 'string' }, suite: { type: 'string' } },
    `image ${sub ?? ''}`,
  );
  const runtime = runtimeFor(ctx);
  await runtime.ping();
  const configured = await configuredDefaults(ctx);
  const ref = values.ref ?? configured.ref;
  const definitionDir = values.definition ?? join(FARM_HOME, 'images', 'debian-musl');
  const cacheDir = join(ctx.root, 'workspace', 'images');
  switch (sub) {
    case 'ensure': {
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
    case 'bootstrap': {
      const id = await bootstrapBuilder(runtime, { ref, definitionDir, cacheDir, sourceDateEpoch: configured.sde, sink: ctx.sink, suite: values.suite });
      out(ctx, `builder ${ref} ready (${id.slice(0, 19)})`);
      return 0;
    }
    case 'import': {
      const tarPath = positionals[0];
      if (tarPath === undefined) throw new FarmError('USAGE', 'image import: which rootfs tarball? (stasis-farm image import <rootfs.tar> [--ref REF] [--definition DIR])');
      const id = await importBuilder(runtime, { ref, tarPath, definitionDir: values.definition, sink: ctx.sink });
      out(ctx, `builder ${ref} ready (${id.slice(0, 19)})`);
      return 0;
    }
    case 'list': {
      for (const r of [ref, DEFAULT_BUILDER]) {
        const info = await runtime.inspectImage(r);
        out(ctx, `${r}: ${info === undefined ? 'absent' : `${info.id.slice(0, 19)} ${info.labels[LABELS.kind] ?? ''}`}`);
      }
      return 0;
    }
    default:
      throw new FarmError('USAGE', `image: expected ensure, bootstrap, import or list, got "${sub ?? ''}"`);
  }
}
