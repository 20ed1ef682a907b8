/**
 * What a boot found, as data (a leaf module: boot/ makes verdicts, the events
 * carry them, the reporter and the CLI read them). Every verdict has its own exit code.
 */
export interface CheckResult {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
  /** Output of a failing command, as the guest printed it. */
  readonly output: readonly string[];
}

export type BootVerdict =
  | { readonly kind: 'pass'; readonly checks: readonly CheckResult[] }
  | { readonly kind: 'check-failed'; readonly failed: readonly CheckResult[]; readonly checks: readonly CheckResult[] }
  | { readonly kind: 'kernel-panic'; readonly lines: readonly string[] }
  | { readonly kind: 'timeout'; readonly seconds: number; readonly lastLines: readonly string[] }
  | { readonly kind: 'unclean-shutdown'; readonly reason: string; readonly lastLines: readonly string[] }
  | { readonly kind: 'qemu-missing'; readonly qemu: string; readonly hint: string }
  | { readonly kind: 'kernel-missing'; readonly reason: string; readonly hint: string };

export type VerdictKind = BootVerdict['kind'];

/** Process exit code per verdict; documented in `stasis-farm --help`. */
export const VERDICT_EXIT: Readonly<Record<VerdictKind, number>> = {
  pass: 0,
  'check-failed': 10,
  'kernel-panic': 11,
  timeout: 12,
  'unclean-shutdown': 13,
  'qemu-missing': 14,
  'kernel-missing': 15,
};
