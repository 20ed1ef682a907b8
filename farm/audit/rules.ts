export const RULES = [
  'elf-dynamic',
  'elf-foreign-arch',
  'elf-textrel',
  'elf-execstack',
  'setuid',
  'setgid',
  'world-writable-file',
  'world-writable-dir',
  'non-root-owner',
  'device-outside-dev',
  'fifo-outside-dev',
  'unsafe-path',
  'hardlink-outside',
  'well-known-mode',
  'build-path',
  'builder-path',
  'glibc-version',
  'host-name',
  'user-name',
  'symlink-outside',
  'dangling-symlink',
  'elf-unstripped',
] as const;

export type Rule = (typeof RULES)[number];

/** A failure fails `tests` and the release audit; a warning is reported and fails nothing. */
export type Severity = 'failure' | 'warning';

/** Rules whose findings are warnings; every other rule's are failures. */
const WARNING_RULES: ReadonlySet<Rule> = new Set<Rule>(['elf-unstripped']);

export function severityOf(rule: Rule): Severity {
  return WARNING_RULES.has(rule) ? 'warning' : 'failure';
}

export interface Finding {
  readonly rule: Rule;
  readonly severity: Severity;
  readonly path: string;
  readonly package: string | undefined;
  readonly detail: string;
}

/** Modes that well-known paths must have (any of the listed). */
export const WELL_KNOWN_MODES: Readonly<Record<string, readonly number[]>> = {
  'etc/shadow': [0o600, 0o640],
  'etc/gshadow': [0o600, 0o640],
  root: [0o700],
  tmp: [0o1777],
  'var/tmp': [0o1777],
};
