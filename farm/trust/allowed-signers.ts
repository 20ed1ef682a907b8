import { readFile } from 'node:fs/promises';
import { FarmError } from '../errors/index.js';
import { blobKeyType } from './ed25519.js';

/** One line of an allowed-signers file (ssh-keygen(1), ALLOWED SIGNERS). */
export interface AllowedSigner {
  readonly principals: readonly string[];
  readonly publicBlob: Buffer;
  readonly keyType: string;
  /** namespaces="..." patterns; undefined when the line accepts every namespace. */
  readonly namespaces: readonly string[] | undefined;
  readonly validAfter: Date | undefined;
  readonly validBefore: Date | undefined;
  /** cert-authority lines trust certificates, which release signatures never carry. */
  readonly certAuthority: boolean;
  readonly where: string;
}

/** Space-separated fields; double quotes keep spaces inside a field (and stay in it: see `unquote`). */
function fields(line: string): string[] {
  return line.match(/(?:[^\s"]|"[^"]*")+/g) ?? [];
}

function unquote(text: string): string {
  return text.replace(/"/g, '');
}

/** Commas outside quotes separate options and principals. */
function commaList(text: string): string[] {
  return text.match(/(?:[^,"]|"[^"]*")+/g) ?? [];
}

const KEY_TYPE = /^(ssh-(ed25519|rsa|dss)|ecdsa-sha2-nistp\d+|sk-\S+@openssh\.com|\S+-cert-v01@openssh\.com)$/;

/** YYYYMMDD[HHMM[SS]], UTC with a trailing Z, local time otherwise (as ssh-keygen reads it). */
function timestamp(value: string, where: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?(Z?)$/.exec(value);
  if (m === null) throw new FarmError('KEY_INVALID', `${where}: "${value}" is not a time (YYYYMMDD[HHMM[SS]][Z])`);
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  return m[7] === 'Z' ? new Date(Date.UTC(y, mo - 1, d, h, mi, s)) : new Date(y, mo - 1, d, h, mi, s);
}

export function parseAllowedSigners(text: string, file: string): AllowedSigner[] {
  const out: AllowedSigner[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const where = `${file}:${i + 1}`;
    const f = fields(line);
    const hasOptions = f[1] !== undefined && !KEY_TYPE.test(f[1]);
    const [principals, opts, keyType, key] = hasOptions ? f : [f[0], undefined, f[1], f[2]];
    if (principals === undefined || keyType === undefined || key === undefined)
      throw new FarmError('KEY_INVALID', `${where}: expected "principals [options] keytype base64-key"`);
    const publicBlob = Buffer.from(key, 'base64');
    if (blobKeyType(publicBlob) !== keyType) throw new FarmError('KEY_INVALID', `${where}: the key is not a ${keyType} key`);
    let namespaces: string[] | undefined;
    let validAfter: Date | undefined;
    let validBefore: Date | undefined;
    let certAuthority = false;
    for (const opt of commaList(opts ?? '')) {
      const eq = opt.indexOf('=');
      const name = eq === -1 ? opt : opt.slice(0, eq);
      const value = eq === -1 ? '' : unquote(opt.slice(eq + 1));
      const lower = name.toLowerCase();
      if (lower === 'cert-authority') certAuthority = true;
      else if (lower === 'namespaces') namespaces = value.split(',').filter((n) => n !== '');
      else if (lower === 'valid-after') validAfter = timestamp(value, where);
      else if (lower === 'valid-before') validBefore = timestamp(value, where);
      else throw new FarmError('KEY_INVALID', `${where}: unknown option "${name}" (cert-authority, namespaces, valid-after, valid-before)`);
    }
    out.push({
      principals: commaList(principals)
        .map(unquote)
        .filter((p) => p !== ''),
      publicBlob,
      keyType,
      namespaces,
      validAfter,
      validBefore,
      certAuthority,
      where,
    });
  });
  return out;
}

export async function loadAllowedSigners(file: string): Promise<AllowedSigner[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new FarmError('KEY_INVALID', `${file}: cannot read the allowed-signers file`, { cause: error });
  }
  return parseAllowedSigners(text, file);
}

/** ssh-style pattern: `*` and `?` wildcards. */
function matches(pattern: string, value: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  return re.test(value);
}

/** The lines that accept a signature by `blob` in `namespace` at `now`. */
export function signersFor(blob: Buffer, namespace: string, allowed: readonly AllowedSigner[], now: Date): AllowedSigner[] {
  return allowed.filter(
    (a) =>
      !a.certAuthority &&
      a.publicBlob.equals(blob) &&
      (a.namespaces === undefined || a.namespaces.some((p) => matches(p, namespace))) &&
      (a.validAfter === undefined || now >= a.validAfter) &&
      (a.validBefore === undefined || now <= a.validBefore),
  );
}
