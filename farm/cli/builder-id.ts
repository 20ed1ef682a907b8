import { isFarmError } from '../errors/index.js';
import { inspectBuilder, type Builder } from '../image/inspect.js';
import type { Project } from '../project/load.js';
import { workspacePaths } from '../workspace/paths.js';
import { readManifest } from '../workspace/state.js';
import type { CliContext } from './io.js';

/**
 * The builder's id enters every key. Ask the engine; without one, fall back to
 * the id recorded by the last build (and say so), so planning works offline.
 */
export async function builderForPlanning(ctx: CliContext, project: Project): Promise<Builder> {
  const ref = project.config.defaults.builder;
  try {
    const runtime = await ctx.runtime();
    await runtime.ping();
    return await inspectBuilder(runtime, ref);
  } catch (error) {
    if (!isFarmError(error) || (error.code !== 'ENGINE_UNAVAILABLE' && error.code !== 'IMAGE_MISSING')) throw error;
    const last = await readManifest(workspacePaths(project.root, project.stage).manifest);
    if (last !== undefined && last.builder_image.ref === ref) {
      ctx.sink({ type: 'warn', message: `${error.message}; planning with the builder id of the last build (${last.builder_image.id.slice(0, 19)})` });
      const { cc, toolchain_flags: flags, libc } = last.builder_image;
      return { ref, id: last.builder_image.id, cc: cc ?? 'cc', libc: libc === 'glibc' || libc === 'musl' ? libc : 'unknown', ...(flags === undefined ? {} : { flags }) };
    }
    ctx.sink({ type: 'warn', message: `${error.message}; keys are computed for an unresolved builder "${ref}"` });
    return { ref, id: `unresolved:${ref}`, cc: 'cc', libc: 'unknown' };
  }
}
