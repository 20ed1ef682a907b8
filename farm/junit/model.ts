/** A JUnit test case: what CI systems show as one line of a test report. */
export interface TestCase {
  readonly classname: string;
  readonly name: string;
  readonly ms?: number;
  readonly result:
    | { readonly kind: 'pass'; readonly output?: string }
    | { readonly kind: 'failure' | 'error'; readonly type: string; readonly message: string; readonly text: string }
    | { readonly kind: 'skipped'; readonly message: string };
}

export interface TestSuite {
  readonly name: string;
  /** ISO 8601, when the suite began. */
  readonly timestamp?: string;
  readonly ms?: number;
  readonly cases: readonly TestCase[];
}
