import type { Writable } from 'node:stream';
import type { ChalkInstance } from 'chalk';
import type { EventSink } from '../report/events.js';
import type { ContainerRuntime } from '../runtime/port.js';

/** What every command gets from the CLI edge: streams, env, colours, reporter. */
export interface CliContext {
  readonly root: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly chalk: ChalkInstance;
  readonly json: boolean;
  readonly verbose: boolean;
  readonly sink: EventSink;
  /** Aborted on SIGINT/SIGTERM. */
  readonly signal: AbortSignal;
  readonly isTTY: boolean;
  /** Mirrors from --mirror and STASIS_MIRROR, tried before default.lua's and upstream. */
  readonly mirrors: readonly string[];
  /** The container engine, made when first asked for (the same one after that). */
  runtime(): Promise<ContainerRuntime>;
  /** Another engine, by URL (unix://, tcp://, ssh://): `image copy --to`. A TLS engine's ca/cert/key.pem are in `certPath`. */
  engineAt(url: string, options?: EngineAtOptions): Promise<ContainerRuntime>;
}

export interface EngineAtOptions {
  readonly certPath?: string | undefined;
}

export function out(ctx: CliContext, text: string): void {
  ctx.stdout.write(text.endsWith('\n') ? text : text + '\n');
}
