import { readFileSync } from 'node:fs';

/** The machine's CPU time so far, from the first line of /proc/stat (clock ticks). */
export interface CpuSample {
  readonly busy: number;
  readonly total: number;
  readonly cores: number;
}

/**
 * Read the machine's CPU counters; undefined where there is no /proc/stat (not Linux).
 * `read` is the effect, injectable for tests.
 */
export function sampleCpu(read: () => string = () => readFileSync('/proc/stat', 'utf8')): CpuSample | undefined {
  let text: string;
  try {
    text = read();
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const fields = lines[0]?.split(/\s+/);
  if (fields?.[0] !== 'cpu') return undefined;
  // user nice system idle iowait irq softirq steal (guest time is already in user/nice).
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.slice(1, 9).map((f) => Number(f) || 0);
  const busy = (user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0);
  const cores = lines.filter((l) => /^cpu\d+\s/.test(l)).length;
  return { busy, total: busy + (idle ?? 0) + (iowait ?? 0), cores: Math.max(1, cores) };
}

/**
 * How busy the machine's cores were between two samples, 0..1 (all processes, not only the
 * farm's: on a quiet machine that is the farm). undefined when either sample is missing.
 */
export function coresBusy(start: CpuSample | undefined, end: CpuSample | undefined): number | undefined {
  if (start === undefined || end === undefined) return undefined;
  const total = end.total - start.total;
  if (total <= 0) return undefined;
  return Math.min(1, Math.max(0, (end.busy - start.busy) / total));
}
