import { resolve } from 'node:path';
import { EXIT_CODES, FarmError, isFarmError, nearestName } from '../errors/index.js';
import type { makeChalk } from '../report/index.js';
import type { ContainerRuntime } from '../runtime/port.js';
import { FARM_VERSION } from '../version.js';
import type { CliCommand } from './spec.js';
import { takeGlobals, type GlobalFlags } from './globals.js';
import type { CliContext, EngineAtOptions } from './io.js';

// What only some runs need is imported when they need it: --version loads none of it, --help
// only the overview, and the command table (every command's spec), the reporter and chalk come
// with a command. The commands' implementations load when they run (commands.ts).
const loadReport = () => import('../report/index.js');
const loadCommands = async () => (await import('./commands.js')).COMMANDS;

export interface MainOptions {
  /**
   * Makes the container engine, when a command first needs one: bin/stasis-farm.js passes
   * the Docker engine (engine.ts), tests a fake. --version, --help and the commands that
   * need no engine never call it.
   */
  readonly runtime: () => ContainerRuntime | Promise<ContainerRuntime>;
  /** Makes the engine at a URL other than DOCKER_HOST's (`image copy --to`): engine.ts's for the real CLI. */
  readonly engineAt?: (url: string, options: EngineAtOptions) => ContainerRuntime | Promise<ContainerRuntime>;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly stdout?: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr?: NodeJS.WritableStream & { isTTY?: boolean };
  readonly cwd?: string;
  /** Install SIGINT/SIGTERM handlers (the real CLI does; tests do not). */
  readonly handleSignals?: boolean;
  /** How a second SIGINT/SIGTERM ends the process at once (default: process.exit). */
  readonly exit?: (code: number) => void;
}

type Out = NodeJS.WritableStream & { isTTY?: boolean };
type Chalk = ReturnType<typeof makeChalk>;

/** The CLI edge: parse, run one command, render errors, return the exit code. */
export async function main(argv: readonly string[], options: MainOptions): Promise<number> {
  const env = options.env ?? process.env;
  const stdout = (options.stdout ?? process.stdout) as Out;
  const stderr = (options.stderr ?? process.stderr) as Out;
  let flags: GlobalFlags;
  try {
    flags = takeGlobals(argv);
  } catch (error) {
    stderr.write(`stasis-farm: ${(error as Error).message}\n`);
    return 2;
  }
  // `help build` is `build --help`.
  const [name, ...args] = flags.rest[0] === 'help' && flags.rest.length > 1 ? [...flags.rest.slice(1), '--help'] : flags.rest;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    stdout.write((await import('./help.js')).HELP);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    stdout.write(`stasis-farm ${FARM_VERSION}\n`);
    return 0;
  }
  const report = await loadReport();
  const errChalk = report.makeChalk(flags.noColor ? 0 : report.colorLevel(env, stderr.isTTY === true));
  const commands = await loadCommands();
  const early = await answerWithoutRunning(commands, name, args, { stdout, stderr, errChalk, json: flags.json });
  if (early !== undefined) return early;
  return runOne(commands[name] as CliCommand, args, { options, env, flags, stdout, stderr, errChalk, report });
}

/**
 * What needs no command to run: an unknown command, and a command's own --help. Undefined
 * when a command is to run.
 */
async function answerWithoutRunning(
  commands: Readonly<Record<string, CliCommand>>,
  name: string,
  args: readonly string[],
  io: { stdout: Out; stderr: Out; errChalk: Chalk; json: boolean },
): Promise<number | undefined> {
  const command = commands[name];
  if (command === undefined) {
    io.stderr.write(`stasis-farm: ${unknownCommand(name, commands)}\n`);
    return 2;
  }
  const { asksForHelp, helpFor } = await import('./command.js');
  if (!asksForHelp(args)) return undefined;
  try {
    io.stdout.write(helpFor(command, args));
    return 0;
  } catch (error) {
    return renderError(error, io.stderr, io.errChalk, io.json);
  }
}

interface RunSetup {
  readonly options: MainOptions;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly flags: GlobalFlags;
  readonly stdout: Out;
  readonly stderr: Out;
  readonly errChalk: Chalk;
  readonly report: Awaited<ReturnType<typeof loadReport>>;
}

/** Run one command with signal handling: an interruption is exit 130 however far the command got. */
async function runOne(command: CliCommand, args: readonly string[], setup: RunSetup): Promise<number> {
  const { options, flags, stderr, errChalk } = setup;
  const { chooseMode, createReporter } = setup.report;
  const { runCommand } = await import('./command.js');
  const controller = new AbortController();
  const reporter = createReporter({
    mode: chooseMode(flags.json, setup.stdout.isTTY === true, setup.env),
    out: stderr as unknown as import('node:stream').Writable,
    chalk: errChalk,
    verbose: flags.verbose,
  });
  const onSignal = signalHandler(controller, stderr, options.exit ?? ((code) => process.exit(code)));
  if (options.handleSignals === true) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  try {
    const code = await runCommand(command, contextFor(setup, reporter.sink, controller.signal), args);
    return controller.signal.aborted ? EXIT_CODES.INTERRUPTED : code;
  } catch (error) {
    reporter.close();
    const shown: unknown = controller.signal.aborted && !(isFarmError(error) && error.code === 'INTERRUPTED') ? controller.signal.reason : error;
    return renderError(shown, stderr, errChalk, flags.json);
  } finally {
    reporter.close();
    if (options.handleSignals === true) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  }
}

/** The first SIGINT/SIGTERM aborts the command (containers are removed); a second one exits at once. */
function signalHandler(controller: AbortController, stderr: Out, exit: (code: number) => void): (signal: NodeJS.Signals) => void {
  return (signal) => {
    if (controller.signal.aborted) {
      // A second Ctrl-C: leave now. Containers stop at their own deadline; the next run sweeps them.
      stderr.write(`stasis-farm: ${signal} again: exiting now\n`);
      exit(130);
      return;
    }
    stderr.write(`\nstasis-farm: ${signal}: stopping, removing containers...\n`);
    controller.abort(new FarmError('INTERRUPTED', `interrupted by ${signal}`));
  };
}

/** What a command sees: its root, streams, output mode, mirrors, the event sink and the engine on demand. */
function contextFor(setup: RunSetup, sink: CliContext['sink'], signal: AbortSignal): CliContext {
  const { options, env, flags } = setup;
  const { makeChalk, colorLevel } = setup.report;
  const isTTY = setup.stdout.isTTY === true;
  let engine: Promise<ContainerRuntime> | undefined;
  return {
    root: resolve(options.cwd ?? process.cwd(), flags.root ?? '.'),
    env,
    stdout: setup.stdout as unknown as import('node:stream').Writable,
    stderr: setup.stderr as unknown as import('node:stream').Writable,
    chalk: makeChalk(flags.noColor ? 0 : colorLevel(env, isTTY)),
    json: flags.json,
    verbose: flags.verbose,
    sink,
    signal,
    isTTY,
    mirrors: [...flags.mirrors, ...(env['STASIS_MIRROR'] ?? '').split(/[\s,]+/).filter((m) => m !== '')],
    runtime: () => (engine ??= Promise.resolve().then(() => options.runtime())),
    engineAt: (url, opts = {}) =>
      Promise.resolve().then(() => {
        if (options.engineAt === undefined) throw new FarmError('ENGINE_UNAVAILABLE', `no way to reach ${url} from here`);
        return options.engineAt(url, opts);
      }),
  };
}

function unknownCommand(name: string, commands: Readonly<Record<string, CliCommand>>): string {
  if (name.startsWith('-')) return `unknown option ${name} before the command (a command's options come after its name; see stasis-farm --help)`;
  const near = nearestName(name, Object.keys(commands));
  return `unknown command "${name}" ${near === undefined ? '(see stasis-farm --help)' : `(did you mean "${near}"?)`}`;
}

function renderError(error: unknown, stderr: NodeJS.WritableStream, c: ReturnType<typeof makeChalk>, json: boolean): number {
  if (isFarmError(error)) {
    if (json) {
      stderr.write(JSON.stringify({ type: 'error', code: error.code, message: error.message, hint: error.hint, data: error.data }) + '\n');
    } else {
      stderr.write(`${c.red('error')} ${c.dim(`[${error.code}]`)} ${error.message}\n`);
      if (error.hint !== undefined) stderr.write(`${c.cyan('hint:')} ${error.hint}\n`);
    }
    return error.exitCode;
  }
  // A bug, not an operator error: show everything.
  stderr.write(`stasis-farm: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 70;
}
