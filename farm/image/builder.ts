import { exists } from '../fs/exists.js';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { FarmError } from '../errors/index.js';
import type { EventSink } from '../report/events.js';
import { farmLabels, LABELS } from '../runtime/labels.js';
import type { ContainerRuntime } from '../runtime/port.js';
import { dockerfileContext } from './context.js';

export const DEFAULT_BUILDER = 'stasis-builder:debian-musl';

/** Runs a host command, streaming its output lines; resolves with the exit code. */
export type HostExec = (cmd: string, args: readonly string[], env: Record<string, string>, onLine: (line: string) => void) => Promise<number>;

export const hostExec: HostExec = (cmd, args, env, onLine) =>
  new Promise((resolve, reject) => {
    const child = spawn(cmd, [...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const feed = (chunk: Buffer): void =>
      chunk
        .toString()
        .split('\n')
        .filter((l) => l !== '')
        .forEach(onLine);
    child.stdout.on('data', feed);
    child.stderr.on('data', feed);
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });

export interface BootstrapOptions {
  readonly ref: string;
  /** images/debian-musl: `packages` + `Dockerfile`. */
  readonly definitionDir: string;
  /** Where the mmdebstrap rootfs tarball is kept between runs. */
  readonly cacheDir: string;
  readonly suite?: string;
  readonly sourceDateEpoch: number;
  readonly sink: EventSink;
  readonly exec?: HostExec;
}

async function packageList(definitionDir: string): Promise<string[]> {
  const text = await readFile(join(definitionDir, 'packages'), 'utf8');
  return text
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter((l) => l !== '');
}

/**
 * Make the dev builder without a registry: mmdebstrap a minbase Debian with the
 * musl toolchain into a tarball (kept, keyed by the package list), import it,
 * then apply the definition's Dockerfile through the engine with network none.
 */
/**
 * The identity of a builder definition: the suite, the package list and the
 * Dockerfile. `image ensure` rebuilds a builder whose label differs.
 */
export async function definitionHash(definitionDir: string, suite = 'bookworm'): Promise<string> {
  const packages = await packageList(definitionDir);
  const dockerfile = await readFile(join(definitionDir, 'Dockerfile'), 'utf8');
  return createHash('sha256')
    .update(`${suite}\n${packages.join(',')}\n${dockerfile}`)
    .digest('hex');
}

export async function bootstrapBuilder(runtime: ContainerRuntime, options: BootstrapOptions): Promise<string> {
  const exec = options.exec ?? hostExec;
  const suite = options.suite ?? 'bookworm';
  const packages = await packageList(options.definitionDir);
  const tag = createHash('sha256')
    .update(`${suite}\n${packages.join(',')}`)
    .digest('hex')
    .slice(0, 12);
  await mkdir(options.cacheDir, { recursive: true });
  const tarball = join(options.cacheDir, `debian-${suite}-${tag}.tar`);
  const progress = (line: string): void => options.sink({ type: 'image-progress', ref: options.ref, line });

  if (!(await exists(tarball))) {
    const which = await exec('sh', ['-c', 'command -v mmdebstrap'], {}, () => {}).catch(() => 1);
    if (which !== 0) {
      throw new FarmError('IMAGE_FAILED', 'mmdebstrap is not installed on this host', {
        hint: 'apt-get install -y mmdebstrap (or import a rootfs tarball: stasis-farm image import <rootfs.tar>)',
      });
    }
    options.sink({ type: 'info', message: `bootstrapping ${options.ref}: mmdebstrap ${suite} (${packages.join(', ')})` });
    // mmdebstrap picks the output format from the extension: keep ".tar".
    const partial = tarball.replace(/\.tar$/, '.partial.tar');
    const code = await exec(
      'mmdebstrap',
      ['--variant=minbase', `--include=${packages.join(',')}`, suite, partial],
      { SOURCE_DATE_EPOCH: String(options.sourceDateEpoch) },
      progress,
    );
    if (code !== 0) {
      await rm(partial, { force: true });
      throw new FarmError('IMAGE_FAILED', `mmdebstrap exited with ${code}`, { hint: 'it needs Debian package repositories; see the output above with --verbose' });
    }
    await rename(partial, tarball);
  }
  return importBuilder(runtime, {
    ref: options.ref,
    tarPath: tarball,
    definitionDir: options.definitionDir,
    sink: options.sink,
    labels: { [LABELS.definition]: await definitionHash(options.definitionDir, suite) },
  });
}

export interface ImportOptions {
  readonly ref: string;
  readonly tarPath: string;
  /** A directory with a Dockerfile (ARG BASE / FROM ${BASE}) applied on top; none: the rootfs as is. */
  readonly definitionDir?: string | undefined;
  readonly dockerfileName?: string;
  readonly sink: EventSink;
  /** Extra labels of the final image. */
  readonly labels?: Readonly<Record<string, string>>;
}

/** Import an operator-supplied rootfs tarball (plain or gzip) as a builder image. */
export async function importBuilder(runtime: ContainerRuntime, options: ImportOptions): Promise<string> {
  if (!(await exists(options.tarPath))) throw new FarmError('IMAGE_FAILED', `${options.tarPath}: no such rootfs tarball`);
  const labels = farmLabels({ kind: 'builder-base' });
  const baseRef =
    options.definitionDir === undefined ? options.ref : `${options.ref.replace(/:.*$/, '')}-base:${options.ref.includes(':') ? options.ref.split(':').pop() : 'latest'}`;
  let stream: Readable = createReadStream(options.tarPath);
  if (options.tarPath.endsWith('.gz') || options.tarPath.endsWith('.tgz')) stream = stream.pipe(createGunzip());
  const baseId = await runtime.importImage(stream, baseRef, {
    labels,
    changes: ['ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'CMD ["/bin/sh"]'],
  });
  options.sink({ type: 'info', message: `imported ${options.tarPath} as ${baseRef} (${baseId.slice(0, 19)})` });
  if (options.definitionDir === undefined) return baseId;
  const context = await dockerfileContext(join(options.definitionDir, options.dockerfileName ?? 'Dockerfile'));
  const id = await runtime.buildImage(context, options.ref, {
    dockerfile: 'Dockerfile',
    labels: { ...farmLabels({ kind: 'builder' }), ...options.labels },
    buildArgs: { BASE: baseRef },
    onOutput: (line) => options.sink({ type: 'image-progress', ref: options.ref, line }),
  });
  return id;
}
