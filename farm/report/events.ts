import type { BootVerdict } from './boot-verdict.js';

/**
 * Everything the engine reports, as data. Reporters (TTY, plain lines, JSON lines)
 * render these; the engine itself never writes to the console.
 */
export type FarmEvent =
  | { readonly type: 'info'; readonly message: string }
  | { readonly type: 'warn'; readonly message: string }
  | { readonly type: 'plan'; readonly stage: string; readonly toBuild: readonly string[]; readonly cached: readonly string[] }
  | { readonly type: 'fetch-start'; readonly pkg: string; readonly file: string; readonly from: string }
  | { readonly type: 'fetch-done'; readonly pkg: string; readonly file: string; readonly from: string; readonly bytes: number; readonly cached: boolean }
  | { readonly type: 'build-start'; readonly pkg: string; readonly key: string; readonly stage: string }
  | { readonly type: 'build-output'; readonly pkg: string; readonly line: string }
  | { readonly type: 'build-done'; readonly pkg: string; readonly outputSha256: string; readonly ms: number; readonly files: number; readonly bytes: number }
  | { readonly type: 'build-failed'; readonly pkg: string; readonly reason: string; readonly logTail: readonly string[]; readonly logFile: string | undefined }
  | { readonly type: 'build-cached'; readonly pkg: string; readonly key: string; readonly via: 'key' | 'cutoff' }
  | { readonly type: 'build-skipped'; readonly pkg: string; readonly because: string }
  | { readonly type: 'assemble-done'; readonly dir: string; readonly packages: number; readonly files: number }
  | { readonly type: 'stage-start'; readonly stage: string; readonly image: string }
  | { readonly type: 'stage-done'; readonly stage: string; readonly ms: number }
  | { readonly type: 'image-progress'; readonly ref: string; readonly line: string }
  | { readonly type: 'sweep'; readonly removed: number }
  | {
      readonly type: 'boot-start';
      readonly kernel: string;
      readonly initramfs: string;
      readonly log: string;
      readonly accel: 'kvm' | 'tcg';
      readonly services: number;
      readonly probes: number;
    }
  | { readonly type: 'boot-serial'; readonly line: string }
  | { readonly type: 'boot-check'; readonly ok: boolean; readonly text: string }
  | { readonly type: 'boot-verdict'; readonly verdict: BootVerdict; readonly ms: number; readonly log: string | undefined }
  | { readonly type: 'cache-evicted'; readonly pkg: string; readonly key: string; readonly reason: string }
  | { readonly type: 'cleanup'; readonly removed: readonly string[] }
  | { readonly type: 'gc-removed'; readonly what: 'stage-image' | 'cache-entry'; readonly stage: string; readonly name: string; readonly bytes: number };

export type EventType = FarmEvent['type'];

/** Where the engine sends events. */
export type EventSink = (event: FarmEvent) => void;

export const nullSink: EventSink = () => {};
