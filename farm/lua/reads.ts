/** One value a recipe read from config.lua / default.lua / the farm table (dotted path), as the sandbox records it. */
export interface RecordedRead {
  readonly path: string;
  /** Canonical JSON of the value read (tables are recorded whole when iterated). */
  readonly value: string;
}
