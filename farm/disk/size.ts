import { FarmError } from '../errors/index.js';

export const MIB = 1024 * 1024;
export const SECTOR = 512;

const UNITS: Readonly<Record<string, number>> = { '': 1, K: 1024, M: MIB, G: 1024 * MIB, T: 1024 * 1024 * MIB };

/** "2G", "256M", "512MiB", "1048576" -> bytes (binary units). `what` names the option in the error. */
export function parseSize(text: string, what: string): number {
  const m = /^(\d+)\s*([KMGT]?)(i?B)?$/i.exec(text.trim());
  const unit = m === null ? undefined : UNITS[(m[2] ?? '').toUpperCase()];
  if (m === null || unit === undefined || (m[3] !== undefined && m[2] === '')) {
    throw new FarmError('USAGE', `${what}: "${text}" is not a size`, { hint: 'a number of bytes, or with a unit: 512M, 2G (binary units: 1M = 1 MiB)' });
  }
  const bytes = Number(m[1]) * unit;
  if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new FarmError('USAGE', `${what}: "${text}" is not a usable size`);
  return bytes;
}

/** Bytes as MiB for messages ("300 MiB"), rounded up. */
export const mib = (bytes: number): string => `${Math.ceil(bytes / MIB)} MiB`;

export const roundUpTo = (n: number, unit: number): number => Math.ceil(n / unit) * unit;
