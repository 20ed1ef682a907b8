import type { OptionSpec } from './spec.js';

/** Options several commands take, described once (each command's table spreads them in). */
export const PROFILE = {
  type: 'string',
  value: 'P',
  description: "profiles/P.lua instead of config.lua's profile (config.lua's include and exclude still apply)",
} as const satisfies OptionSpec;

export const OFFLINE = { type: 'boolean', description: 'fetch nothing: every source must already be in the store or a mirror directory' } as const satisfies OptionSpec;

export const JOBS = { type: 'string', short: 'j', value: 'N', description: 'packages built at once (default: one per core)' } as const satisfies OptionSpec;

/** --engine of build, release and challenge: one engine of the pool (cli/engines.ts reads it). */
export const ENGINE = {
  type: 'string',
  value: 'URL',
  multiple: true,
  description:
    'an engine of the pool, repeatable: its URL (unix:///path.sock, tcp://host:port, ssh://user@host), or "URL jobs=N memory=MIB features=a,b name=X tls=DIR" as one argument. Given, it replaces STASIS_ENGINES (entries separated by ; or newlines), which replaces default.lua\'s engines; none anywhere: the local engine (DOCKER_HOST)',
} as const satisfies OptionSpec;

export const ALLOWLIST = {
  type: 'string',
  value: 'FILE',
  description: 'accepted audit findings (default: audit-allowlist.yaml when present)',
} as const satisfies OptionSpec;

export const ALL_RECIPES = { type: 'boolean', description: 'the sources of every recipe in system/, not only of the profile' } as const satisfies OptionSpec;

/** --junit FILE of build, tests and release: what one test case is, in that command's words. */
export function junitOption<const C extends string>(cases: C) {
  return { type: 'string', value: 'FILE', description: `also write a JUnit XML report for CI to FILE: ${cases}` } as const satisfies OptionSpec;
}
