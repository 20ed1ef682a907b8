import type { BootHost, VmProcess } from '../../farm/boot/port.js';

/** What a fake VM does once started: print serial lines, exit, or hang until killed. */
export type FakeBehaviour = (vm: { readonly args: readonly string[]; say(line: string): void; exit(code: number): void }) => void;

/** A qemu that is not there: records its runs, and which are still "running". */
export function fakeQemu(behaviour: FakeBehaviour, options: { readonly installed?: boolean; readonly kvm?: boolean } = {}) {
  const running = new Set<number>();
  const started: { args: readonly string[]; killed: boolean }[] = [];
  let pids = 1000;
  const host: BootHost = {
    which: (name) => Promise.resolve(options.installed === false ? undefined : `/usr/bin/${name}`),
    kvmUsable: () => Promise.resolve(options.kvm === true),
    spawn: (_command, args): VmProcess => {
      const pid = pids++;
      const run = { args, killed: false };
      started.push(run);
      running.add(pid);
      const listeners: ((c: Buffer) => void)[] = [];
      let settle: (v: { code: number | null; signal: string | null }) => void = () => {};
      const exited = new Promise<{ code: number | null; signal: string | null }>((r) => (settle = r));
      const end = (code: number | null, signal: string | null): void => {
        if (!running.delete(pid)) return;
        settle({ code, signal });
      };
      setImmediate(() =>
        behaviour({
          args,
          say: (line) => running.has(pid) && listeners.forEach((l) => l(Buffer.from(line + '\r\n'))),
          exit: (code) => end(code, null),
        }),
      );
      return {
        pid,
        onOutput: (l) => listeners.push(l),
        exited,
        kill: () => {
          if (!running.has(pid)) return;
          run.killed = true;
          setTimeout(() => end(null, 'SIGTERM'), 5);
        },
      };
    },
  };
  return { host, running, started };
}

/** The nonce a fake VM was started with (from -append). */
export function nonceOf(args: readonly string[]): string {
  const append = args[args.indexOf('-append') + 1] ?? '';
  return /stasis\.nonce=(\S+)/.exec(append)?.[1] ?? '';
}
