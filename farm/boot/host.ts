import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, isAbsolute, join } from 'node:path';
import type { BootHost, VmProcess } from './port.js';

const KILL_AFTER_MS = 3000;

/** The real host: PATH lookup, /dev/kvm, child processes. */
export function nodeBootHost(env: Readonly<Record<string, string | undefined>>): BootHost {
  return {
    which: async (name) => {
      const candidates = isAbsolute(name)
        ? [name]
        : (env['PATH'] ?? '')
            .split(delimiter)
            .filter((d) => d !== '')
            .map((d) => join(d, name));
      for (const c of candidates) {
        try {
          await access(c, constants.X_OK);
          return c;
        } catch {
          // not here
        }
      }
      return undefined;
    },
    kvmUsable: () =>
      access('/dev/kvm', constants.R_OK | constants.W_OK).then(
        () => true,
        () => false,
      ),
    spawn: (command, args): VmProcess => {
      // stdin stays an open pipe the farm never writes: qemu's serial reads nothing, the terminal is left alone.
      const child = spawn(command, [...args], { stdio: ['pipe', 'pipe', 'pipe'] });
      const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => {
        child.on('error', () => resolve({ code: 127, signal: null }));
        child.on('exit', (code, signal) => resolve({ code, signal }));
      });
      let gone = false;
      void exited.then(() => (gone = true));
      return {
        pid: child.pid,
        onOutput: (listener) => {
          child.stdout.on('data', listener);
          child.stderr.on('data', listener);
        },
        exited,
        kill: () => {
          if (gone) return;
          child.kill('SIGTERM');
          setTimeout(() => {
            if (!gone) child.kill('SIGKILL');
          }, KILL_AFTER_MS).unref();
        },
      };
    },
  };
}
