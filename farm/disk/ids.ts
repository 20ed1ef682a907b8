import { createHash } from 'node:crypto';

const digest = (seed: string, what: string): Buffer => createHash('sha256').update(`stasis-disk\0${seed}\0${what}`).digest();

/**
 * A UUID for one filesystem of a disk, derived from what goes on the disk (`seed`) and the
 * filesystem's role: the same release gives the same UUIDs, another release others. Laid out as
 * a version-4 UUID so that every tool takes it.
 */
export function derivedUuid(seed: string, role: string): string {
  const b = digest(seed, role).subarray(0, 16);
  b[6] = ((b[6] as number) & 0x0f) | 0x40;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The MBR disk identifier (PARTUUIDs are it and the partition number), never 0. */
export function derivedDiskId(seed: string): number {
  return digest(seed, 'disk-id').readUInt32LE(0) || 1;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
