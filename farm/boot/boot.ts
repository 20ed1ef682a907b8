import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { EventSink } from '../report/events.js';
import { bootAdditions } from './additions.js';
import { checkScript, NONCE_PARAM, type CheckPlan } from './check-script.js';
import { decideVerdict, type RunOutcome } from './decide.js';
import type { RootfsImage } from './image.js';
import { writeInitramfs } from './initramfs.js';
import { KERNEL_HINT, notABzImage, resolveKernel } from './kernel.js';
import { planBoot } from './plan.js';
import type { BootHost } from './port.js';
import { QEMU, QEMU_HINT, qemuArgs, type VmBoot } from './qemu.js';
import { runVm } from './run.js';
import { checkLine } from './serial.js';
import type { BootVerdict } from '../report/boot-verdict.js';

export interface BootOptions {
  readonly image: RootfsImage;
  readonly host: BootHost;
  /** --kernel; else STASIS_KERNEL from env; else the image's /boot/vmlinuz. */
  readonly kernel?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The workspace's tmp dir (initramfs) and log dir (serial log). */
  readonly tmpDir: string;
  readonly logDir: string;
  readonly sourceDateEpoch: number;
  readonly timeoutSeconds: number;
  /** How long the guest waits for the default bundle. */
  readonly serviceWaitSeconds?: number;
  readonly net?: boolean;
  readonly sink: EventSink;
  readonly signal: AbortSignal;
  readonly nonce?: string;
  readonly now?: () => number;
}

export interface BootReport {
  readonly verdict: BootVerdict;
  readonly ms: number;
  readonly kernel?: string;
  readonly initramfs?: string;
  readonly log?: string;
  readonly accel?: 'kvm' | 'tcg';
}

/** The boot's start, and how it ends: the verdict reported (and returned) with the time it took. */
function verdictReporter(o: Pick<BootOptions, 'now' | 'sink'>): {
  readonly started: number;
  readonly done: (verdict: BootVerdict, more?: Omit<BootReport, 'verdict' | 'ms'>) => BootReport;
} {
  const now = o.now ?? Date.now;
  const started = now();
  const done = (verdict: BootVerdict, more: Omit<BootReport, 'verdict' | 'ms'> = {}): BootReport => {
    const report = { verdict, ms: now() - started, ...more };
    o.sink({ type: 'boot-verdict', verdict, ms: report.ms, log: more.log });
    return report;
  };
  return { started, done };
}

/**
 * Boot a rootfs in qemu from a deterministic initramfs with a check service
 * added, and judge the boot from the serial console. Never leaves a VM behind.
 */
export async function bootImage(o: BootOptions): Promise<BootReport> {
  const { started, done } = verdictReporter(o);
  const qemu = await o.host.which(QEMU);
  if (qemu === undefined) return done({ kind: 'qemu-missing', qemu: QEMU, hint: QEMU_HINT });
  const kernel = await resolveKernel(o.kernel, o.env, o.image, o.tmpDir);
  if ('missing' in kernel) return done({ kind: 'kernel-missing', reason: kernel.missing, hint: KERNEL_HINT });
  const bad = await notABzImage(kernel.path);
  if (bad !== undefined) return done({ kind: 'kernel-missing', reason: `${bad} (from ${kernel.from})`, hint: KERNEL_HINT });

  const { plan, params } = await planBoot(o.image, o.serviceWaitSeconds ?? 60);
  const initramfs = await writeInitramfs(o.image, bootAdditions(checkScript(plan)), { dir: join(o.tmpDir, 'boot'), sourceDateEpoch: o.sourceDateEpoch });
  if (initramfs.skippedDevices.length > 0) {
    o.sink({
      type: 'warn',
      message: `${initramfs.skippedDevices.length} device node(s) left out of the initramfs (no device numbers in the manifest; devtmpfs provides /dev): ${initramfs.skippedDevices.slice(0, 5).join(', ')}`,
    });
  }
  const nonce = o.nonce ?? randomBytes(8).toString('hex');
  const log = serialLog(o.logDir, started, nonce);
  const boot: VmBoot = { kind: 'initramfs', kernel: kernel.path, initramfs: initramfs.path, params: [...params, `${NONCE_PARAM}=${nonce}`] };
  const { run, kvm } = await runWithFallback(o, { qemu, boot, plan, nonce, log });
  const verdict = decideVerdict(run, nonce, { loginPrompt: plan.serialGetty });
  return done(verdict, { kernel: kernel.path, initramfs: initramfs.path, log, accel: kvm ? 'kvm' : 'tcg' });
}

const serialLog = (logDir: string, started: number, nonce: string): string =>
  join(logDir, 'boot', `${new Date(started).toISOString().replace(/[:.]/g, '-')}-${nonce.slice(0, 8)}.log`);

export interface DiskBootOptions extends Omit<BootOptions, 'image' | 'kernel' | 'env' | 'tmpDir' | 'sourceDateEpoch'> {
  /** What the guest checks: the plan `disk` recorded, with the disk's own checks. */
  readonly plan: Omit<CheckPlan, 'nonce'>;
  /**
   * A copy of the disk image with the check service (the script, nonce included) added to its
   * root filesystem; the copy is booted, and removed by the caller.
   */
  readonly checkedCopy: (script: string) => Promise<string>;
}

/**
 * Boot a disk image through its own boot loader (SeaBIOS, GRUB, the kernel and command line
 * its grub.cfg gives) and judge the boot from the serial console, as bootImage does. The image
 * itself is never written: the check service goes into a copy. Never leaves a VM behind.
 */
export async function bootDisk(o: DiskBootOptions): Promise<BootReport> {
  const { started, done } = verdictReporter(o);
  const qemu = await o.host.which(QEMU);
  if (qemu === undefined) return done({ kind: 'qemu-missing', qemu: QEMU, hint: QEMU_HINT });
  const nonce = o.nonce ?? randomBytes(8).toString('hex');
  const plan: CheckPlan = { ...o.plan, waitSeconds: o.serviceWaitSeconds ?? o.plan.waitSeconds, nonce };
  const image = await o.checkedCopy(checkScript(plan));
  const log = serialLog(o.logDir, started, nonce);
  const { run, kvm } = await runWithFallback(o, { qemu, boot: { kind: 'disk', image }, plan, nonce, log });
  const verdict = decideVerdict(run, nonce, { loginPrompt: plan.serialGetty });
  return done(verdict, { log, accel: kvm ? 'kvm' : 'tcg' });
}

/**
 * Why qemu could not run the VM with KVM, when that is how it ended: it exited on its own, every line
 * it left is qemu's own (the guest printed nothing), and one of them is about KVM or a CPU register.
 */
export function kvmRefused(run: RunOutcome): string | undefined {
  if (run.timedOut || run.lines.length === 0 || !run.lines.every((l) => l.startsWith('qemu-system'))) return undefined;
  return run.lines.find((l) => /kvm|MSR/i.test(l))?.replace(/^qemu-system-\S+: /, '');
}

/** What one boot of the VM needs besides the options. */
interface VmPlan {
  readonly qemu: string;
  readonly boot: VmBoot;
  readonly plan: CheckPlan;
  readonly nonce: string;
  readonly log: string;
}

/** The VM booted with KVM when /dev/kvm is usable, again with TCG when KVM turned out not to run it. */
async function runWithFallback(o: Pick<BootOptions, 'sink' | 'host' | 'net' | 'timeoutSeconds' | 'signal'>, vm: VmPlan): Promise<{ run: RunOutcome; kvm: boolean }> {
  const boot = (kvm: boolean): Promise<RunOutcome> => {
    o.sink({
      type: 'boot-start',
      ...(vm.boot.kind === 'disk' ? { disk: vm.boot.image } : { kernel: vm.boot.kernel, initramfs: vm.boot.initramfs }),
      log: vm.log,
      accel: kvm ? 'kvm' : 'tcg',
      services: vm.plan.services.length,
      probes: vm.plan.probes.length,
    });
    return runVm(o.host, {
      command: vm.qemu,
      args: qemuArgs({ boot: vm.boot, kvm, net: o.net === true }),
      nonce: vm.nonce,
      logFile: vm.log,
      timeoutMs: o.timeoutSeconds * 1000,
      powerOffGraceMs: 30_000,
      panicGraceMs: 10_000,
      signal: o.signal,
      onLine: (line) => {
        o.sink({ type: 'boot-serial', line });
        const c = checkLine(line, vm.nonce);
        if (c !== undefined && (c.verb === 'ok' || c.verb === 'fail')) o.sink({ type: 'boot-check', ok: c.verb === 'ok', text: c.text });
      },
    });
  };
  let kvm = await o.host.kvmUsable();
  let run = await boot(kvm);
  // /dev/kvm can open and still not run this VM (nested virtualization without every feature):
  // qemu then stops before the guest prints a line. The same boot under TCG says what the guest does.
  const refused = kvm ? kvmRefused(run) : undefined;
  if (refused !== undefined && !o.signal.aborted) {
    o.sink({ type: 'warn', message: `KVM could not run the VM on this host (${refused}): booting again with TCG (slower)` });
    kvm = false;
    run = await boot(kvm);
  }
  return { run, kvm };
}
