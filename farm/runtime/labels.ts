/** Labels every farm-made container and image carries. */
export const LABEL_PREFIX = 'org.stasis-farm';
export const LABELS = {
  farm: `${LABEL_PREFIX}.farm`,
  run: `${LABEL_PREFIX}.run`,
  pkg: `${LABEL_PREFIX}.package`,
  stage: `${LABEL_PREFIX}.stage`,
  rootfs: `${LABEL_PREFIX}.rootfs-sha256`,
  kind: `${LABEL_PREFIX}.kind`,
  /** sha256 of a bootstrapped builder's definition (suite, package list, Dockerfile). */
  definition: `${LABEL_PREFIX}.definition`,
  /** The C library a builder image's own programs run on: glibc or musl (see image/libc.ts). */
  libc: `${LABEL_PREFIX}.libc`,
} as const;

/** The value of LABELS.farm on everything the farm makes. */
export const FARM_MARK = 'stasis-farm';

/** What a container or image is, beyond being the farm's: its kind, and whichever of the rest apply. */
export interface LabelSet {
  /** build:<workspace id> (see buildKind), builder, builder-base, stage. */
  readonly kind: string;
  readonly run?: string;
  readonly pkg?: string;
  readonly stage?: string;
  readonly rootfs?: string;
  readonly definition?: string;
  readonly libc?: string;
}

/** The labels of a container or image the farm makes: the farm's mark and what it is. */
export function farmLabels(set: LabelSet): Record<string, string> {
  const labels: Record<string, string> = { [LABELS.farm]: FARM_MARK };
  for (const [name, value] of Object.entries(set) as [keyof LabelSet, string | undefined][]) {
    if (value !== undefined) labels[LABELS[name]] = value;
  }
  return labels;
}

/** The kind of the build containers of one workspace (swept by it at the start of a build). */
export function buildKind(workspaceId: string): string {
  return `build:${workspaceId}`;
}

/** Whether `labels` mark something the farm made, of `kind`. */
export function isFarmMade(labels: Readonly<Record<string, string>>, kind: string): boolean {
  return labels[LABELS.farm] === FARM_MARK && labels[LABELS.kind] === kind;
}
