import type { BootVerdict } from './boot-verdict.js';

/**
 * Everything the engine reports, as data. Reporters (TTY, plain lines, JSON lines)
 * render these; the engine itself never writes to the console.
 */
export type FarmEvent =
  | { readonly type: 'info'; readonly message: string }
  | { readonly type: 'warn'; readonly message: string }
  | {
      readonly type: 'plan';
      readonly stage: string;
      readonly toBuild: readonly string[];
      readonly cached: readonly string[];
      /** Per package of the plan: the packages its build waits for (its sysroot: build_deps and what they need). */
      readonly waitsFor: Readonly<Record<string, readonly string[]>>;
    }
  | { readonly type: 'fetch-start'; readonly pkg: string; readonly file: string; readonly from: string }
  | { readonly type: 'fetch-done'; readonly pkg: string; readonly file: string; readonly from: string; readonly bytes: number; readonly cached: boolean }
  | {
      readonly type: 'build-start';
      readonly pkg: string;
      readonly key: string;
      readonly stage: string;
      readonly log: string;
      /** The engine of the pool it runs on (a build with engines given). */
      readonly engine?: string;
    }
  | { readonly type: 'build-output'; readonly pkg: string; readonly line: string }
  | {
      readonly type: 'build-done';
      readonly pkg: string;
      readonly outputSha256: string;
      readonly ms: number;
      readonly files: number;
      readonly bytes: number;
      readonly engine?: string;
    }
  /** An engine of the pool failed (unreachable, or gone mid-build): it gets no more builds; its packages are built elsewhere. */
  | { readonly type: 'engine-down'; readonly engine: string; readonly reason: string; readonly left: readonly string[] }
  | { readonly type: 'build-failed'; readonly pkg: string; readonly reason: string; readonly logTail: readonly string[]; readonly logFile: string | undefined }
  | { readonly type: 'build-cached'; readonly pkg: string; readonly key: string; readonly via: 'key' | 'cutoff'; readonly files: number; readonly bytes: number }
  | { readonly type: 'build-skipped'; readonly pkg: string; readonly because: string }
  /** `reused`: the preview already held exactly this rootfs (same package outputs and config files), so nothing was written. */
  | { readonly type: 'assemble-done'; readonly dir: string; readonly packages: number; readonly files: number; readonly reused: boolean }
  | AuditDoneEvent
  | CompareDoneEvent
  | { readonly type: 'stage-start'; readonly stage: string; readonly image: string }
  | { readonly type: 'stage-done'; readonly stage: string; readonly ms: number }
  | { readonly type: 'image-progress'; readonly ref: string; readonly line: string }
  | { readonly type: 'sweep'; readonly removed: number }
  | {
      readonly type: 'boot-start';
      /** An initramfs boot: the kernel and initramfs qemu is given. */
      readonly kernel?: string;
      readonly initramfs?: string;
      /** A disk boot: the image booted through its boot loader. */
      readonly disk?: string;
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
  | {
      readonly type: 'gc-removed';
      readonly what: 'stage-image' | 'cache-entry' | 'disk-tools-image';
      readonly stage: string;
      readonly name: string;
      readonly bytes: number;
    };

export type EventType = FarmEvent['type'];

/** One audit finding or warning, as events carry it. */
export interface AuditItem {
  readonly rule: string;
  readonly path: string;
  readonly package: string | undefined;
  readonly detail: string;
}

/** How many findings (or warnings, for a warning rule) one audit rule made. */
export interface AuditRuleCount {
  readonly rule: string;
  readonly severity: 'failure' | 'warning';
  readonly count: number;
}

/**
 * An audit is over (the release's audit of stage B). Every rule is counted; the findings and
 * warnings themselves are listed up to AUDIT_EVENT_ITEMS each.
 */
export interface AuditDoneEvent {
  readonly type: 'audit-done';
  /** What was audited, as a person names it: `stage B`, a directory, a tarball. */
  readonly target: string;
  readonly files: number;
  readonly elfFiles: number;
  readonly rules: readonly AuditRuleCount[];
  readonly findings: readonly AuditItem[];
  readonly warnings: readonly AuditItem[];
  /** Findings the allowlist accepted. */
  readonly allowed: number;
}

export const AUDIT_EVENT_ITEMS = 200;

/** One package of a comparison of two stages. */
export interface ComparedPackage {
  readonly name: string;
  readonly verdict: 'identical' | 'different' | 'excluded' | 'only-a' | 'only-b';
  /** Output sha256 in each stage (absent for an identical package and where the package is missing). */
  readonly a?: string;
  readonly b?: string;
  /** How many files differ, and the first COMPARE_EVENT_FILES of them. */
  readonly fileCount: number;
  readonly files: readonly { readonly path: string; readonly change: string; readonly detail: string; readonly excludedBy?: string }[];
}

/** Two stages were compared: A vs B (the verdict) or dev vs A (informational). */
export interface CompareDoneEvent {
  readonly type: 'compare-done';
  readonly a: string;
  readonly b: string;
  readonly pass: boolean;
  readonly informational: boolean;
  readonly packages: readonly ComparedPackage[];
}

export const COMPARE_EVENT_FILES = 20;

/** Where the engine sends events. */
export type EventSink = (event: FarmEvent) => void;

export const nullSink: EventSink = () => {};
