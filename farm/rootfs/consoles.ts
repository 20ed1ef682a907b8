/** A serial console named on the kernel command line (`console=ttyS0,115200`): its tty and baud rate. */
export interface SerialConsole {
  readonly tty: string;
  readonly baud: number;
}

/** Serial consoles named on the kernel command line, each once, in order. */
export function serialConsoles(params: readonly string[]): SerialConsole[] {
  const out: SerialConsole[] = [];
  for (const p of params) {
    const m = /^console=(ttyS\d+)(?:,(\d+))?/.exec(p);
    if (m !== null && !out.some((c) => c.tty === m[1])) out.push({ tty: m[1] as string, baud: m[2] === undefined ? 115200 : Number(m[2]) });
  }
  return out;
}
