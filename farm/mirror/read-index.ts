import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { FarmError } from '../errors/index.js';
import { FieldReader } from '../validate/fields.js';
import { IMAGE_REF, PLAIN_FILE, SHA256 } from '../validate/patterns.js';
import { INDEX_FILE, SUMS_FILE, type KitBuilder, type MirrorEntry, type MirrorIndex } from './items.js';

const ENTRY_FIELDS = ['file', 'sha256', 'url', 'size'] as const;
const BUILDER_FIELDS = ['ref', 'id', 'file', 'sha256', 'size'] as const;
const IMAGE_ID = /^sha256:[0-9a-f]{64}$/;
/** Names the mirror uses for itself. */
const RESERVED = new Set([INDEX_FILE, SUMS_FILE, 'sha256']);

/**
 * index.yaml as data -> MirrorIndex, or MIRROR_INVALID naming the file and every
 * bad entry. Mirrors travel between machines, so the index is untrusted: each
 * name must be one plain file name inside the mirror (no `/`, no `..`) and each
 * hash 64 hex digits (it names `sha256/<hex>`). Pure.
 */
export function validateIndex(raw: unknown, file: string): MirrorIndex {
  const r = new FieldReader(file, 'MIRROR_INVALID');
  const top = r.object(raw, '') ?? {};
  r.unknownKeys(top, ['packages', 'builder'], '');
  const pkgs = top['packages'] === undefined ? {} : (r.object(top['packages'], 'packages') ?? {});
  const packages: Record<string, MirrorEntry[]> = {};
  const hashOf = new Map<string, string>();
  for (const pkg of Object.keys(pkgs)) {
    r.list(pkgs, pkg, 'packages').forEach((value, i) => {
      const p = `packages.${pkg}[${i + 1}]`;
      const e = r.object(value, p);
      if (e === undefined) return;
      r.unknownKeys(e, ENTRY_FIELDS, p);
      const name = r.string(e, 'file', p, { pattern: PLAIN_FILE, what: 'a plain file name inside the mirror (no "/", no "..")' });
      const sha256 = r.string(e, 'sha256', p, { pattern: SHA256, what: '64 lower-case hex digits' });
      const url = r.string(e, 'url', p, { optional: true }) ?? '';
      const size = r.integer(e, 'size', p, 0);
      if (name === undefined || sha256 === undefined) return;
      if (RESERVED.has(name)) return r.fail(`${p}.file`, `"${name}" is a name the mirror uses for itself`);
      const other = hashOf.get(name);
      if (other !== undefined && other !== sha256) return r.fail(`${p}.file`, `"${name}" is listed again with another sha256`);
      hashOf.set(name, sha256);
      (packages[pkg] ??= []).push({ file: name, sha256, url, size });
    });
  }
  const builder = top['builder'] === undefined ? undefined : validateBuilder(r, top['builder'], hashOf);
  r.throwIfAny();
  return { packages, ...(builder === undefined ? {} : { builder }) };
}

/** The kit's `builder` entry: a plain file name no source uses, its sha256 and size, an image reference and id. */
function validateBuilder(r: FieldReader, raw: unknown, sources: ReadonlyMap<string, string>): KitBuilder | undefined {
  const e = r.object(raw, 'builder');
  if (e === undefined) return undefined;
  r.unknownKeys(e, BUILDER_FIELDS, 'builder');
  const ref = r.string(e, 'ref', 'builder', { pattern: IMAGE_REF, what: 'an image reference' });
  const id = r.string(e, 'id', 'builder', { pattern: IMAGE_ID, what: 'an image id (sha256: and 64 hex digits)' });
  const file = r.string(e, 'file', 'builder', { pattern: PLAIN_FILE, what: 'a plain file name inside the mirror (no "/", no "..")' });
  const sha256 = r.string(e, 'sha256', 'builder', { pattern: SHA256, what: '64 lower-case hex digits' });
  const size = r.integer(e, 'size', 'builder', 0);
  if (ref === undefined || id === undefined || file === undefined || sha256 === undefined) return undefined;
  if (RESERVED.has(file) || sources.has(file)) {
    r.fail('builder.file', `"${file}" is a name the mirror uses for itself or for a source`);
    return undefined;
  }
  return { ref, id, file, sha256, size };
}

/** Read and validate `<dir>/index.yaml`. */
export async function readIndex(dir: string): Promise<MirrorIndex> {
  const file = join(dir, INDEX_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new FarmError('MIRROR_INVALID', `${dir}: no ${INDEX_FILE} (not an exported mirror?)`, { hint: 'stasis-farm mirror export <dir> makes one', cause: error });
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new FarmError('MIRROR_INVALID', `${file}: not valid YAML: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  }
  return validateIndex(raw, file);
}

/** Every file of a kit: the sources (expectedFiles) and the builder archive, name -> sha256. */
export function kitFiles(index: MirrorIndex): Map<string, string> {
  const out = expectedFiles(index);
  if (index.builder !== undefined) out.set(index.builder.file, index.builder.sha256);
  return out;
}

/** Expected source files of an index: name -> sha256. */
export function expectedFiles(index: MirrorIndex): Map<string, string> {
  const out = new Map<string, string>();
  for (const files of Object.values(index.packages)) for (const f of files) out.set(f.file, f.sha256);
  return out;
}
