/**
 * How long after its recipe's timeout a build container stops itself. The farm
 * stops it at the timeout; this is for when the farm is gone (SIGKILL, a crash).
 */
export function deadlineMarginS(timeoutS: number): number {
  return Math.min(60, Math.max(5, Math.ceil(timeoutS / 10)));
}

/**
 * `argv` run under a deadline the container carries itself: PID 1 is a shell
 * that runs the build in the background and, `seconds` later, is sent TERM by
 * its own watchdog; its trap exits, and with PID 1 the kernel ends every other
 * process of the container. Only POSIX sh, sleep and kill are needed (the
 * builder image and the busybox stage images both have them).
 */
export function withDeadline(argv: readonly string[], seconds: number): string[] {
  const script = [
    "trap 'echo \"stasis-farm: the container deadline passed\" >&2; exit 124' TERM",
    '"$@" & build=$!',
    `(sleep ${Math.ceil(seconds)}; kill -TERM 1) &`,
    'wait "$build"',
  ].join('\n');
  return ['/bin/sh', '-c', script, 'stasis-build', ...argv];
}
