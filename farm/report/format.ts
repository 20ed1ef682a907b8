import type { ChalkInstance } from 'chalk';
import type { FarmEvent } from './events.js';
import { formatAuditDone, formatCompareDone } from './format-checks.js';
import { formatVerdict } from './verdict.js';

export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const m = Math.floor(ms / 60_000);
  const s = Math.round((ms % 60_000) / 1000);
  return `${m}m${String(s).padStart(2, '0')}s`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GiB`;
}

/** " on ENGINE" for a build on an engine of a pool; nothing for the one default engine. */
function onEngine(engine: string | undefined, c: ChalkInstance): string {
  return engine === undefined ? '' : ` ${c.dim('on')} ${engine}`;
}

/** The preview written, or kept as it was (the same package outputs and config files). */
function formatAssembled(event: Extract<FarmEvent, { type: 'assemble-done' }>, c: ChalkInstance): string {
  const what = `${event.dir}: ${event.packages} packages, ${event.files} files`;
  return event.reused ? `${c.dim('preview up to date')} ${what}` : `${c.green('assembled')} ${what}`;
}

/** One human line per event, or undefined for events that plain output omits. */
export function formatEvent(event: FarmEvent, c: ChalkInstance, verbose: boolean): string | undefined {
  switch (event.type) {
    case 'info':
      return event.message;
    case 'warn':
      return `${c.yellow('warning:')} ${event.message}`;
    case 'plan':
      return `${c.bold(event.stage)}: ${event.toBuild.length} to build, ${event.cached.length} cached`;
    case 'fetch-start':
      return verbose ? `${c.dim('fetch')} ${event.pkg}: ${event.file} from ${event.from}` : undefined;
    case 'fetch-done':
      return event.cached ? undefined : `${c.cyan('fetched')} ${event.pkg}: ${event.file} (${formatBytes(event.bytes)}) from ${event.from}`;
    case 'build-start':
      return `${c.blue('build')}   ${event.pkg} ${c.dim(event.key.slice(0, 12))}${onEngine(event.engine, c)}`;
    case 'build-output':
      return verbose ? `${c.dim(event.pkg + ' |')} ${event.line}` : undefined;
    case 'build-done':
      return `${c.green('built')}   ${event.pkg} in ${formatMs(event.ms)}: ${event.files} files, ${formatBytes(event.bytes)} ${c.dim(event.outputSha256.slice(0, 12))}${onEngine(event.engine, c)}`;
    case 'build-failed': {
      const tail = event.logTail.map((l) => `  ${c.dim('|')} ${l}`).join('\n');
      const log = event.logFile === undefined ? '' : `\n  full log: ${event.logFile}`;
      return `${c.red('FAILED')}  ${event.pkg}: ${event.reason}${tail === '' ? '' : '\n' + tail}${log}`;
    }
    case 'build-cached':
      return verbose || event.via === 'cutoff' ? `${c.dim('cached')}  ${event.pkg}${event.via === 'cutoff' ? ' (dependency output unchanged)' : ''}` : undefined;
    case 'build-skipped':
      return `${c.yellow('skipped')} ${event.pkg}: ${event.because}`;
    case 'assemble-done':
      return formatAssembled(event, c);
    case 'audit-done':
      return formatAuditDone(event);
    case 'compare-done':
      return formatCompareDone(event);
    case 'stage-start':
      return c.bold(`== stage ${event.stage} (${event.image})`);
    case 'stage-done':
      return c.bold(`== stage ${event.stage} done in ${formatMs(event.ms)}`);
    case 'image-progress':
      return verbose ? `${c.dim(event.ref + ' |')} ${event.line}` : undefined;
    case 'sweep':
      return event.removed > 0 ? `${c.yellow('swept')} ${event.removed} leftover container(s)` : undefined;
    case 'boot-start':
      return `${c.blue('boot')}    ${event.accel === 'kvm' ? 'KVM' : 'TCG (no usable /dev/kvm: slower)'}, ${event.services} service(s) and ${event.probes} probe(s) to check\n${event.disk !== undefined ? `  disk      ${event.disk} (BIOS, its boot loader)` : `  kernel    ${event.kernel ?? '?'}\n  initramfs ${event.initramfs ?? '?'}`}\n  serial    ${event.log}`;
    case 'boot-serial':
      return verbose ? `${c.dim('serial |')} ${event.line}` : undefined;
    case 'boot-check':
      return `  ${event.ok ? c.green('ok  ') : c.red('FAIL')} ${event.text}`;
    case 'boot-verdict':
      return formatVerdict(event.verdict, formatMs(event.ms), event.log, c);
    case 'cache-evicted':
      return `${c.yellow('evicted')} ${event.pkg}: cache entry ${event.key.slice(0, 12)} is corrupt (${event.reason}); rebuilding`;
    case 'cleanup':
      return `${c.yellow('cleaned')} ${event.removed.length} leftover(s) of an interrupted run: ${event.removed.join(', ')}`;
    case 'engine-down':
      return `${c.red('engine down')} ${event.engine}: ${event.reason}; ${event.left.length === 0 ? 'no engine is left' : `its builds go to ${event.left.join(', ')}`}`;
    case 'gc-removed':
      return `${c.yellow('removed')} ${event.what === 'stage-image' ? `stage image ${event.name} (stage ${event.stage})` : event.what === 'disk-tools-image' ? `disk tools image ${event.name}` : `${event.stage} cache entry ${event.name}`} ${c.dim(formatBytes(event.bytes))}`;
  }
}
