import type { SystemConfig } from '../config/types.js';
import { FarmError } from '../errors/index.js';
import { nearestName } from '../errors/suggest.js';
import { serialConsoles } from './consoles.js';
import { KERNEL_KEYMAP, PROVIDERS, SERVICES } from './providers.js';

/**
 * One thing config.lua asks of the rootfs that the selected packages cannot give. An error: the
 * rootfs cannot be assembled as asked (refused when the project is loaded, before anything is
 * fetched or built, and again at assembly). A warning: it can, but the setting does nothing on the
 * running system.
 */
export interface ConfigProblem {
  readonly severity: 'error' | 'warning';
  readonly file: string;
  /** The option as a Lua path, indexes 1-based: `services[3]`, `network.interfaces[1]`, `timezone`. */
  readonly field: string;
  readonly problem: string;
  readonly fix: string;
  /** The package that, added to include, fixes it (absent when the fix is something else). */
  readonly include?: string;
}

/** What the checks look at: config.lua and what is selected, and what only the built packages know. */
export interface PreflightInput {
  readonly config: SystemConfig;
  /** The packages the rootfs holds (builder tools left out). */
  readonly packages: ReadonlySet<string>;
  /** The names that have a recipe: a missing package without one cannot just be added. Absent at assembly. */
  readonly recipes?: { has(name: string): boolean };
  /** Zone names of the built tzdata (assembly); absent or empty before it is built: zones are not checked. */
  readonly zones?: ReadonlySet<string>;
  /** Keymap names of the built kbd (assembly); absent or empty before it is built: the keymap is not checked. */
  readonly keymaps?: ReadonlySet<string>;
  /** Names in exclude that nothing selected: excluding them changes nothing. */
  readonly unusedExcludes?: readonly string[];
}

const FILE = 'config.lua';

/**
 * Every check of config.lua against the packages of the rootfs, in the order of config.lua's
 * options. Pure: the project loader runs it on the selection before anything is fetched or built,
 * the renderer on the built packages (with tzdata's zones) before anything is written.
 *
 * Not checked here: the locale (musl takes any name, with C.UTF-8's behaviour, and no package
 * ships locale data, so only its form is checked, in config/validate.ts); kernel.config (the file must exist whatever the
 * selection, since the linux recipe reads it: config/load.ts checks it for every command).
 */
export function checkSystemConfig(input: PreflightInput): ConfigProblem[] {
  return [
    ...timezoneProblems(input),
    ...keymapProblems(input),
    ...networkProblems(input),
    ...wifiProblems(input),
    ...serviceProblems(input),
    ...gettyProblems(input),
    ...excludeProblems(input),
  ];
}

/** `field` needs `pkg`, which is not selected; `otherwise` is the fix that drops the option instead. */
function missing(input: PreflightInput, severity: ConfigProblem['severity'], field: string, pkg: string, problem: string, otherwise: string): ConfigProblem {
  const base = { severity, file: FILE, field, problem };
  if (input.config.exclude.includes(pkg)) return { ...base, fix: `remove "${pkg}" from exclude, or ${otherwise}` };
  if (input.recipes !== undefined && !input.recipes.has(pkg)) return { ...base, fix: `add a recipe system/${pkg}/pkg.lua, or ${otherwise}` };
  return { ...base, fix: `add "${pkg}" to the profile or to include, or ${otherwise}`, include: pkg };
}

/** A zone other than UTC needs tzdata; the zone itself is checked once tzdata is built (its recipe does not list the zones). */
function timezoneProblems(input: PreflightInput): ConfigProblem[] {
  const tz = input.config.timezone;
  if (tz === 'UTC') return [];
  if (!input.packages.has(PROVIDERS.zones)) {
    const problem = `"${tz}" needs package ${PROVIDERS.zones}, which is not selected: the zone is not checked and the system keeps UTC`;
    return [missing(input, 'warning', 'timezone', PROVIDERS.zones, problem, 'set timezone = "UTC"')];
  }
  const zones = input.zones ?? new Set<string>();
  if (zones.size === 0 || zones.has(tz)) return [];
  const near = [...zones].filter((z) => z.toLowerCase().includes(tz.split('/').pop()?.toLowerCase() ?? '~'));
  const best = nearestName(tz, [...zones]);
  const suggestions = [...new Set([...(best === undefined ? [] : [best]), ...near])].slice(0, 5);
  return [
    {
      severity: 'error',
      file: FILE,
      field: 'timezone',
      problem: `unknown zone "${tz}"${suggestions.length > 0 ? ` (near: ${suggestions.join(', ')})` : ''}`,
      fix: `name a zone of tzdata${best === undefined ? '' : `, e.g. "${best}"`}, or "UTC"`,
    },
  ];
}

/**
 * A keymap other than the kernel's needs kbd's loadkeys; once kbd is built (assembly), the
 * keymap must be one of the keymap files it ships.
 */
function keymapProblems(input: PreflightInput): ConfigProblem[] {
  const keymap = input.config.keymap;
  if (keymap === KERNEL_KEYMAP) return [];
  if (!input.packages.has(PROVIDERS.keymaps)) {
    const problem = `"${keymap}" needs package ${PROVIDERS.keymaps} (loadkeys), which is not selected: the console keeps the kernel's keymap (${KERNEL_KEYMAP})`;
    return [missing(input, 'warning', 'keymap', PROVIDERS.keymaps, problem, `set keymap = "${KERNEL_KEYMAP}"`)];
  }
  const keymaps = input.keymaps ?? new Set<string>();
  if (keymaps.size === 0 || keymaps.has(keymap)) return [];
  const best = nearestName(keymap, [...keymaps]);
  return [
    {
      severity: 'error',
      file: FILE,
      field: 'keymap',
      problem: `"${keymap}" is not a keymap ${PROVIDERS.keymaps} ships (${keymaps.size} keymaps${best === undefined ? '' : `; near: ${best}`})`,
      fix: `name a keymap of usr/share/keymaps${best === undefined ? '' : `, e.g. "${best}"`}, or "${KERNEL_KEYMAP}"`,
    },
  ];
}

/** Each DHCP interface gets a dhcpcd service. */
function networkProblems(input: PreflightInput): ConfigProblem[] {
  if (input.packages.has(PROVIDERS.dhcp)) return [];
  return input.config.network.interfaces.flatMap((it, i) =>
    it.mode !== 'dhcp'
      ? []
      : [
          missing(
            input,
            'error',
            `network.interfaces[${i + 1}]`,
            PROVIDERS.dhcp,
            `${it.name} uses DHCP, which needs package ${PROVIDERS.dhcp}, which is not selected`,
            `give ${it.name} a static address`,
          ),
        ],
  );
}

/** Wifi runs iwd (unless services names eiwd, whose own check covers it). */
function wifiProblems(input: PreflightInput): ConfigProblem[] {
  const { config, packages } = input;
  if (!config.wifi.enabled || packages.has(PROVIDERS.wifi) || config.services.includes('eiwd')) return [];
  return [missing(input, 'error', 'wifi.enabled', PROVIDERS.wifi, `wifi needs package ${PROVIDERS.wifi} (iwd), which is not selected`, 'set wifi.enabled = false')];
}

/** Each service is one the farm knows, and the package that ships it is selected. */
function serviceProblems(input: PreflightInput): ConfigProblem[] {
  const known = Object.keys(SERVICES);
  return input.config.services.flatMap((name, i): ConfigProblem[] => {
    const field = `services[${i + 1}]`;
    const service = SERVICES[name];
    if (service === undefined) {
      const near = nearestName(name, known);
      const problem = `unknown service "${name}"${near === undefined ? '' : ` (did you mean "${near}"?)`}`;
      return [{ severity: 'error', file: FILE, field, problem, fix: `name a service the farm runs: ${known.join(', ')}` }];
    }
    if (input.packages.has(service.pkg)) return [];
    return [missing(input, 'error', field, service.pkg, `"${name}" needs package ${service.pkg}, which is not selected`, `remove "${name}" from services`)];
  });
}

/** The gettys (ttys, and each serial console of the kernel command line) run busybox's getty. */
function gettyProblems(input: PreflightInput): ConfigProblem[] {
  const { config, packages } = input;
  if (packages.has(PROVIDERS.getty)) return [];
  const pkg = PROVIDERS.getty;
  const serial = serialConsoles(config.kernel.params)
    .map((c) => c.tty)
    .filter((tty) => !config.ttys.includes(tty));
  const problems: ConfigProblem[] = [];
  if (config.ttys.length > 0) {
    const problem = `a getty on ${config.ttys.join(', ')} needs package ${pkg} (its getty), which is not selected: no login prompt there`;
    problems.push(missing(input, 'warning', 'ttys', pkg, problem, 'set ttys = {}'));
  }
  if (serial.length > 0) {
    const problem = `the serial console ${serial.join(', ')} gets a getty, which needs package ${pkg}, which is not selected: no login prompt there`;
    problems.push(missing(input, 'warning', 'kernel.params', pkg, problem, 'leave console=ttyS... out of kernel.params'));
  }
  return problems;
}

/** An exclude that removes nothing (the profile and include do not select it). */
function excludeProblems(input: PreflightInput): ConfigProblem[] {
  return (input.unusedExcludes ?? []).map((name) => ({
    severity: 'warning',
    file: FILE,
    field: `exclude[${input.config.exclude.indexOf(name) + 1}]`,
    problem: `"${name}" is not selected anyway: excluding it changes nothing`,
    fix: `remove "${name}" from exclude`,
  }));
}

/** One problem as one line: file, field, what is wrong, the fix. */
export function formatConfigProblem(p: ConfigProblem): string {
  return `${p.file}: ${p.field}: ${p.problem}; fix: ${p.fix}`;
}

/** CONFIG_INVALID listing every error under `lead`, with the include that adds every missing package as the hint. */
export function configProblemsError(errors: readonly ConfigProblem[], lead: string): FarmError {
  const include = [...new Set(errors.flatMap((p) => (p.include === undefined ? [] : [p.include])))];
  const hint =
    include.length === 0
      ? undefined
      : `include = { ${include.map((n) => `"${n}"`).join(', ')} } in config.lua adds the missing package(s), or choose a profile that has them`;
  return new FarmError('CONFIG_INVALID', `${lead}:\n  ${errors.map(formatConfigProblem).join('\n  ')}`, {
    hint,
    data: { problems: errors.map((p) => ({ file: p.file, field: p.field, problem: p.problem, fix: p.fix })) },
  });
}
