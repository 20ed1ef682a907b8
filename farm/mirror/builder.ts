import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FarmError } from '../errors/index.js';
import { exists } from '../fs/exists.js';
import { hashFile } from './export.js';
import { realPathInside } from './inside.js';
import { BUILDER_FILE, INDEX_FILE, type KitBuilder } from './items.js';
import { readIndex } from './read-index.js';

/** An image as the kit records it. */
export interface KitImage {
  readonly ref: string;
  readonly id: string;
}

/**
 * Put an image archive into the kit as builder.tar: streamed into a temporary file while
 * hashed, renamed into place when whole. A kit whose index already records this image, with
 * its archive intact, keeps it (`save` is not called).
 */
export async function writeKitBuilder(
  dir: string,
  image: KitImage,
  save: () => Promise<Readable>,
  options: { readonly signal?: AbortSignal | undefined } = {},
): Promise<{ readonly builder: KitBuilder; readonly kept: boolean }> {
  const previous = await recordedBuilder(dir);
  if (previous !== undefined && previous.ref === image.ref && previous.id === image.id && (await intact(dir, previous))) return { builder: previous, kept: true };
  await mkdir(dir, { recursive: true });
  const target = join(dir, BUILDER_FILE);
  const tmp = `${target}.tmp-${randomBytes(4).toString('hex')}`;
  const hash = createHash('sha256');
  let size = 0;
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(await save(), hashing, createWriteStream(tmp, { flags: 'wx', mode: 0o644 }), { signal: options.signal });
    await rename(tmp, target);
  } finally {
    await rm(tmp, { force: true });
  }
  return { builder: { ref: image.ref, id: image.id, file: BUILDER_FILE, sha256: hash.digest('hex'), size }, kept: false };
}

/** The builder entry of the kit's index as it is now; undefined for a kit without one, or no kit yet. */
export async function recordedBuilder(dir: string): Promise<KitBuilder | undefined> {
  if (!(await exists(join(dir, INDEX_FILE)))) return undefined;
  return (await readIndex(dir)).builder;
}

async function intact(dir: string, builder: KitBuilder): Promise<boolean> {
  const real = await realPathInside(dir, builder.file);
  return real !== undefined && (await stat(real)).size === builder.size && (await hashFile(real)) === builder.sha256;
}

/**
 * The kit's builder: its index entry, and its archive to stream once the archive's sha256 is the
 * recorded one (a corrupt or swapped archive is refused before anything reaches the engine).
 */
export async function readKitBuilder(dir: string): Promise<{ readonly builder: KitBuilder; open(): Promise<Readable> }> {
  const builder = (await readIndex(dir)).builder;
  if (builder === undefined) {
    throw new FarmError('MIRROR_INVALID', `${dir}: the kit carries no builder image (its index.yaml has no builder)`, {
      hint: 'export one with it: stasis-farm mirror export DIR --with-builder (on a machine that has the builder)',
    });
  }
  return {
    builder,
    async open() {
      const real = await realPathInside(dir, builder.file);
      if (real === undefined) throw new FarmError('MIRROR_INVALID', `${join(dir, builder.file)}: missing`, { hint: `stasis-farm mirror verify ${dir}` });
      const got = await hashFile(real);
      if (got !== builder.sha256) {
        throw new FarmError('MIRROR_INVALID', `${join(dir, builder.file)}: sha256 ${got}, the kit's index says ${builder.sha256}`, {
          hint: 'the archive is damaged or not the one exported: copy the kit again, or export it again with --with-builder',
        });
      }
      return createReadStream(real, { highWaterMark: 1 << 20 });
    },
  };
}
