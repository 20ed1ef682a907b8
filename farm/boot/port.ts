/** A running VM process, as the boot runner needs it. */
export interface VmProcess {
  readonly pid: number | undefined;
  /** Serial console and qemu's own messages, as they come. */
  onOutput(listener: (chunk: Buffer) => void): void;
  /** Settles once the process is gone (code null when killed by a signal). */
  readonly exited: Promise<{ readonly code: number | null; readonly signal: string | null }>;
  /** SIGTERM, then SIGKILL if it is still there shortly after. */
  kill(): void;
}

/** The effects of a boot, injected at the CLI edge (tests fake qemu with it). */
export interface BootHost {
  /** The absolute path of an executable on PATH, or undefined. */
  which(name: string): Promise<string | undefined>;
  /** Whether /dev/kvm can be opened read-write. */
  kvmUsable(): Promise<boolean>;
  spawn(command: string, args: readonly string[]): VmProcess;
}
