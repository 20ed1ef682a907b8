import type { Probe } from './probes.js';

/** What the guest checks, decided on the host from the rootfs as assembled. */
export interface CheckPlan {
  /** From the rootfs's /etc/hostname; undefined: not checked. */
  readonly hostname: string | undefined;
  /** Atomic services of the s6-rc `default` bundle. */
  readonly services: readonly string[];
  readonly mdevd: boolean;
  readonly probes: readonly Probe[];
  /** A getty on a serial line is expected: give it a moment to print its prompt. */
  readonly serialGetty: boolean;
  /** How long the guest waits for the services, in seconds. */
  readonly waitSeconds: number;
  /** The nonce, when the kernel command line cannot carry it (a disk boots with its own). */
  readonly nonce?: string | undefined;
  /** A boot from disk: what must be mounted from where, and the command line GRUB must give. */
  readonly disk?: DiskChecks | undefined;
}

/** The checks of a boot from disk, from the disk's layout and the rootfs's rendered files. */
export interface DiskChecks {
  /** fstab's device (/dev/sda2, UUID=...) and type for / and, when separate, /boot. */
  readonly mounts: readonly { readonly mountpoint: string; readonly device: string; readonly type: string }[];
  /** The kernel command line grub.cfg gives (config.lua's root=, rw and kernel.params). */
  readonly cmdline: string;
  /** fstab's swap device, when there is one: s6-boot's mount-fs turns it on. */
  readonly swap?: string | undefined;
}

/** The kernel command-line parameter that carries the per-run nonce. */
export const NONCE_PARAM = 'stasis.nonce';

/** A word quoted for sh. */
export const shQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

const MOUNTS: readonly (readonly [string, string])[] = [
  ['/proc', 'proc'],
  ['/sys', 'sysfs'],
  ['/dev', 'devtmpfs'],
  ['/run', ''],
];

/**
 * The `run` script of the stasis-check service (busybox sh). It runs once:
 * waits (bounded) for the default bundle, prints `STASIS-CHECK <nonce> ok|fail|out
 * <check>...` lines and `... done` to /dev/console, powers the guest off through
 * s6-linux-init, then sleeps so that s6-supervise does not start it again.
 * Pure: the nonce is read from /proc/cmdline, so the initramfs does not change per run.
 */
export function checkScript(plan: CheckPlan): string {
  // Each step ends its last line; a blank line separates the steps.
  return [
    prelude(),
    waitForDefaultBundle(plan),
    nonceAndReporting(plan.nonce),
    coreChecks(plan),
    ...(plan.disk === undefined ? [] : [diskChecks(plan.disk)]),
    systemChecks(plan),
    powerOff(),
  ].join('\n');
}

/** The script runs once per boot; its state lives in /run when it can. */
function prelude(): string {
  return `#!/bin/sh
# stasis-check: put here by \`stasis-farm boot\` in the boot initramfs only (never in a release).
PATH=/usr/bin:/usr/sbin:/bin:/sbin
export PATH
state=/run/stasis-check
mkdir -p "$state" 2>/dev/null || state=/.stasis-check
mkdir -p "$state"
idle() { while :; do sleep 3600; done; }
# One run per boot: if supervision starts this again, just wait for the power-off.
[ -e "$state/ran" ] && idle
: > "$state/ran"
`;
}

/** Step 1: a bounded wait, leaving the names of services not up in `$missing`. */
function waitForDefaultBundle(plan: CheckPlan): string {
  return `# 1. Wait (at most ${plan.waitSeconds} s) until s6-rc has brought up the default bundle.
expected=${shQuote(plan.services.join(' '))}
missing=
i=0
while :; do
  active=" $(s6-rc -a list 2>/dev/null | tr '\\n' ' ') "
  missing=
  for s in $expected; do
    case "$active" in *" $s "*) ;; *) missing="$missing $s" ;; esac
  done
  [ -z "$missing" ] && break
  [ -x /usr/bin/s6-rc ] || break
  i=$((i + 1))
  [ "$i" -ge ${plan.waitSeconds} ] && break
  sleep 1
done
`;
}

/** The nonce, and the functions that print tagged lines to the console for the host to read. */
function nonceAndReporting(nonce: string | undefined): string {
  return `# The nonce of this run, from the kernel command line (a private /proc if none is mounted).
proc=/proc
if [ ! -r /proc/cmdline ]; then
  mkdir -p "$state/proc" && mount -t proc proc "$state/proc" && proc="$state/proc"
fi
nonce=${nonce === undefined ? '-' : shQuote(nonce)}
for w in $(cat "$proc/cmdline"); do
  case "$w" in ${NONCE_PARAM}=*) nonce="\${w#${NONCE_PARAM}=}" ;; esac
done
say() { echo "STASIS-CHECK $nonce $*" > /dev/console; }
ok() { say "ok $*"; }
fail() { say "fail $*"; }
# Up to 10 lines of a command's output, tagged with the check's name.
show() { printf '%s\\n' "$2" | head -n 10 | while IFS= read -r l; do say "out $1: $l"; done; }
`;
}

/** Step 2, first: PID 1, the hostname, and the services (up, and staying up). */
function coreChecks(plan: CheckPlan): string {
  return `# 2. The battery.
comm=$(cat "$proc/1/comm" 2>/dev/null)
if [ "$comm" = s6-svscan ]; then ok pid1: s6-svscan; else fail "pid1: PID 1 is '$comm', not s6-svscan"; fi
${
  plan.hostname === undefined
    ? 'ok hostname: not checked (no /etc/hostname)'
    : `want=${shQuote(plan.hostname)}
got=$(cat "$proc/sys/kernel/hostname" 2>/dev/null)
if [ "$got" = "$want" ]; then ok "hostname: $got"; else fail "hostname: '$got', expected '$want'"; fi`
}
# A longrun whose run script exits at once is restarted by s6-supervise every second and
# may still count as active for s6-rc: its pid must stay the same for two seconds.
pids=
for s in $expected; do
  [ -d "/run/service/$s" ] && pids="$pids $s=$(s6-svstat -o pid "/run/service/$s" 2>/dev/null)"
done
[ -n "$pids" ] && sleep 2
flapping=
for p in $pids; do
  s=\${p%%=*}
  now=$(s6-svstat -o pid "/run/service/$s" 2>/dev/null)
  if [ "\${p#*=}" = -1 ] || [ "$now" != "\${p#*=}" ]; then flapping="$flapping $s"; fi
done
if [ -n "$missing" ]; then fail "services:$(for s in $missing; do printf ' %s' "$s"; done) not up"
elif [ -n "$flapping" ]; then fail "services:$(for s in $flapping; do printf ' %s' "$s"; done) not staying up (the run script exits and is restarted)"
else ok "services: $(echo $expected | wc -w) up"; fi
`;
}

/**
 * Step 2, for a boot from disk: / and /boot mounted from the partitions fstab names (by device
 * number: /proc/mounts says /dev/root for /), and the command line GRUB gave.
 */
function diskChecks(disk: DiskChecks): string {
  const mounts = disk.mounts.map((m) => `from_disk ${shQuote(m.mountpoint)} ${shQuote(m.device)} ${shQuote(m.type)}`);
  return `devnode() { # fstab's device -> /dev/NAME
  case "$1" in
    UUID=*|LABEL=*|PARTUUID=*) blkid -o device -t "$1" 2>/dev/null | head -n 1 ;;
    *) echo "$1" ;;
  esac
}
from_disk() { # mountpoint, fstab device, type
  dev=$(devnode "$2")
  want=$(cat "/sys/class/block/\${dev#/dev/}/dev" 2>/dev/null)
  got=$(while read -r _ _ mm _ mp _; do [ "$mp" = "$1" ] && echo "$mm"; done < "$proc/self/mountinfo" | tail -n 1)
  ty=$(while read -r _ m t _; do [ "$m" = "$1" ] && echo "$t"; done < "$proc/mounts" | tail -n 1)
  if [ -z "$got" ]; then fail "disk $1: not mounted"
  elif [ -z "$want" ]; then fail "disk $1: no block device for $2 ($dev)"
  elif [ "$got" != "$want" ]; then fail "disk $1: mounted from device $got, expected $2 ($dev, $want)"
  elif [ "$ty" != "$3" ]; then fail "disk $1: type $ty, expected $3"
  else ok "disk $1: $2 ($dev $want) $ty"; fi
}
${mounts.join('\n')}
${
  disk.swap === undefined
    ? ''
    : `dev=$(devnode ${shQuote(disk.swap)})
if [ -n "$dev" ] && grep -q "^$dev[[:space:]]" "$proc/swaps"; then ok "disk swap: ${disk.swap} ($dev) in use"; else fail "disk swap: ${disk.swap} ($dev) not in /proc/swaps"; fi`
}
want=${shQuote(disk.cmdline)}
got=
for w in $(cat "$proc/cmdline"); do
  case "$w" in BOOT_IMAGE=*) ;; *) got="\${got:+$got }$w" ;; esac
done
if [ "$got" = "$want" ]; then ok "cmdline: $got"; else fail "cmdline: '$got', expected '$want'"; fi
`;
}

/** Step 2, then: mounts, mdevd, the probes; `say done` ends the battery. */
function systemChecks(plan: CheckPlan): string {
  const mounts = MOUNTS.map(([m, t]) => `mounted ${m} ${shQuote(t)}`);
  const probes = plan.probes.map((p) => `probe ${shQuote(p.pkg)} ${shQuote(p.command)}`);
  return `mounted() { # mountpoint, type ('' = any)
  t=$(while read -r _ m ty _; do [ "$m" = "$1" ] && echo "$ty"; done < "$proc/mounts" | tail -n 1)
  if [ -z "$t" ]; then fail "mount $1: not mounted"
  elif [ -n "$2" ] && [ "$t" != "$2" ]; then fail "mount $1: type $t, expected $2"
  else ok "mount $1: $t"; fi
}
${mounts.join('\n')}
${
  plan.mdevd
    ? `found=
for c in "$proc"/[0-9]*/comm; do [ "$(cat "$c" 2>/dev/null)" = mdevd ] && found=1; done
if [ -n "$found" ]; then ok mdevd: running; else fail "mdevd: no mdevd process"; fi`
    : ''
}
probe() { # package, command
  out=$(sh -c "$2" 2>&1)
  st=$?
  if [ "$st" -eq 0 ]; then ok "probe $1"; else fail "probe $1: '$2' exited $st"; show "probe $1" "$out"; fi
}
${probes.join('\n')}
${plan.serialGetty ? '# Let the serial getty print its prompt (the host looks for it).\nsleep 2\n' : ''}say done
`;
}

/** Step 3: power off, and never exit (s6-supervise would start the script again). */
function powerOff(): string {
  return `# 3. Power off through s6-linux-init (/sbin/poweroff elsewhere), then stay up until it happens.
if [ -x /usr/bin/s6-linux-init-shutdown ]; then
  s6-linux-init-shutdown -p now
else
  /sbin/poweroff
fi
idle
`;
}
