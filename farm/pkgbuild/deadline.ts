/**
 * How long after its recipe's timeout a build container stops itself. The farm
 * stops it at the timeout; this is for when the farm is gone (SIGKILL, a crash).
 */
export function deadlineMarginS(timeoutS: number): number {
  return Math.min(60, Math.max(5, Math.ceil(timeoutS / 10)));
}

/**
 * Where the deadline shell leaves the number of processes the kernel's OOM killer ended in the
 * container. The engine's own flag misses kills of processes other than PID 1 on some hosts
 * (Docker 20.10 on cgroup v1 reports none), so a failed build is checked against this count too.
 */
export const OOM_KILLS_PATH = '/build/oom-kills';

/**
 * `argv` run under a deadline the container carries itself: PID 1 is a shell
 * that runs the build in the background and, `seconds` later, is sent TERM by
 * its own watchdog; its trap exits, and with PID 1 the kernel ends every other
 * process of the container. When the build ends, the shell records the
 * container's OOM kill count (OOM_KILLS_PATH). Only POSIX sh, sleep, kill and
 * sed are needed (the builder image and the busybox stage images have them).
 */
export function withDeadline(argv: readonly string[], seconds: number): string[] {
  const script = [
    'trap \'echo "stasis-farm: the container deadline passed" >&2; exit 124\' TERM',
    '"$@" & build=$!',
    `(sleep ${Math.ceil(seconds)}; kill -TERM 1) &`,
    'wait "$build"; status=$?',
    // The kernel's count of OOM kills in this container's cgroup (v2 or v1), for the farm to read.
    `{ sed -n 's/^oom_kill //p' /sys/fs/cgroup/memory.events /sys/fs/cgroup/memory/memory.oom_control > ${OOM_KILLS_PATH}; } 2>/dev/null`,
    'exit "$status"',
  ].join('\n');
  return ['/bin/sh', '-c', script, 'stasis-build', ...argv];
}
