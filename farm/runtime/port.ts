import type { Readable } from 'node:stream';

/**
 * The farm's view of a container engine. The build code only sees this port;
 * `docker.ts` adapts dockerode to it (cli/engine.ts loads it when a command needs the engine;
 * on a unix socket `lazy.ts` answers the EngineReader calls without it until then, through
 * `engine-http.ts`) and `fake.ts` serves unit tests.
 */
/** A resource limit of the container's processes (setrlimit): soft <= hard. */
export interface Ulimit {
  readonly name: 'nofile' | 'nproc' | 'core';
  readonly soft: number;
  readonly hard: number;
}

export interface ContainerSpec {
  readonly image: string;
  /** argv; run as-is (no shell unless cmd names one). */
  readonly cmd: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly workdir: string;
  readonly hostname: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly user?: string;
  readonly limits: {
    readonly memoryBytes: number;
    readonly pids: number;
    /** Max size of the engine-side log before rotation. */
    readonly logBytes: number;
    /**
     * Explicit rlimits. Without them the engine applies its own defaults, which podman sets
     * above the hard limits of a host that cannot raise them (`error setting rlimit type 7`).
     */
    readonly ulimits?: readonly Ulimit[];
  };
  /** Capabilities added back after dropping ALL. */
  readonly capAdd?: readonly string[];
  /** Mount points backed by tmpfs (e.g. { '/tmp': 'rw,exec,size=1g' }). */
  readonly tmpfs?: Readonly<Record<string, string>>;
}

export interface ExitStatus {
  /** Exit code of the main process (137 after a kill). */
  readonly exitCode: number;
  /** The kernel OOM killer ended the container (Docker may still report exit 0). */
  readonly oomKilled: boolean;
  /** The farm stopped the container because its wall-clock limit passed. */
  readonly timedOut: boolean;
}

export interface Container extends AsyncDisposable {
  readonly id: string;
  /** Unpack a tar stream at `path` inside the (not yet started) container. */
  putArchive(path: string, tar: Readable): Promise<void>;
  /**
   * Start the container and wait for it to exit, streaming stdout+stderr (interleaved)
   * to `onOutput`. Stops the container when `timeoutMs` passes; when `signal` aborts,
   * kills it and rejects at once with the signal's reason (the caller removes it).
   */
  run(options: { readonly timeoutMs: number; readonly onOutput: (chunk: Buffer) => void; readonly signal?: AbortSignal }): Promise<ExitStatus>;
  /** A tar stream of `path` from the container (works on a stopped container). */
  getArchive(path: string): Promise<Readable>;
  /** Remove the container and its anonymous volumes; idempotent. */
  remove(): Promise<void>;
}

export interface ImageInfo {
  readonly id: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly env: readonly string[];
}

/** One image as the engine lists it. */
export interface ImageSummary {
  readonly id: string;
  /** Repository tags (`repo:tag`); empty for an untagged image. */
  readonly refs: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  /** Creation time, ms since the epoch. */
  readonly created: number;
  /** Bytes on disk, layers shared with other images included. */
  readonly size: number;
}

export interface ContainerRuntime {
  /** Resolves when the engine answers; throws FarmError('ENGINE_UNAVAILABLE') otherwise. */
  ping(): Promise<void>;
  createContainer(spec: ContainerSpec): Promise<Container>;
  /** undefined when no image has this reference. */
  inspectImage(ref: string): Promise<ImageInfo | undefined>;
  /** `docker import`: a rootfs tar stream becomes image `ref`; returns the image id. */
  importImage(rootfs: Readable, ref: string, options: { readonly labels: Readonly<Record<string, string>>; readonly changes?: readonly string[] }): Promise<string>;
  /** `docker build` of a context tar (with network none); returns the image id. */
  buildImage(
    context: Readable,
    ref: string,
    options: {
      readonly dockerfile: string;
      readonly labels: Readonly<Record<string, string>>;
      readonly buildArgs?: Readonly<Record<string, string>>;
      readonly onOutput?: (line: string) => void;
    },
  ): Promise<string>;
  /**
   * `docker save` of one image (`GET /images/{name}/get`): a tar stream in the engine's
   * archive format, holding the image's config (so its id) and its reference.
   */
  saveImage(ref: string): Promise<Readable>;
  /**
   * `docker load` of such a stream (`POST /images/load`); resolves when the engine has taken
   * it whole, with the references it names (tags, or ids for an untagged image). Rejects when
   * the stream fails or the engine refuses it.
   */
  loadImage(archive: Readable): Promise<string[]>;
  /** Images carrying all of these labels (intermediate build images excluded). */
  listImages(labels: Readonly<Record<string, string>>): Promise<ImageSummary[]>;
  /**
   * Remove an image reference (a tag, or an id); the image goes with its last
   * reference. No error if absent. Unless `force`, an image that a container
   * (running or stopped) uses, or an id other tags still name, is kept and
   * FarmError('IMAGE_IN_USE') thrown.
   */
  removeImage(ref: string, options?: { readonly force?: boolean }): Promise<void>;
  /** Ids of containers (running or not) carrying all of these labels. */
  listContainers(labels: Readonly<Record<string, string>>): Promise<string[]>;
  /** Force-remove a container by id, with its volumes (no error if absent). */
  removeContainer(id: string): Promise<void>;
  /** The CPUs the engine's containers run on (`docker info` NCPU); undefined when it does not say. */
  cores(): Promise<number | undefined>;
}

/**
 * The calls a command makes when it only looks at the engine (plan; a build whose packages are all
 * cached): answered without dockerode on a local socket (engine-http.ts, lazy.ts).
 */
export type EngineReader = Pick<ContainerRuntime, 'ping' | 'inspectImage' | 'listContainers'>;
