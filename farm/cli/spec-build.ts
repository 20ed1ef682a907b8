// `stasis-farm build`: its arguments and options, the source of its parser and its help (cmd-build.ts runs it).
import type { CommandSpec } from './spec.js';
import { ENGINE, junitOption, OFFLINE } from './options.js';

export const BUILD = {
  name: 'build',
  summary: 'build the selected packages in containers into workspace/preview',
  description:
    "Without PKG: the packages of the profile (config.lua, or --profile) with config.lua's include and exclude; the preview is then assembled from them, and config.lua is checked against them before anything is fetched or built (a service, network mode or wifi whose package is not selected is refused, naming the option and the fix). With PKG...: those packages and everything they need, from every recipe in system/ whatever the profile, into the cache only: the preview is not assembled or replaced. The run is recorded in workspace/runs (`stasis-farm report` shows it).",
  positionals: [{ name: 'PKG', description: 'a package to build, with everything it needs', optional: true, repeats: true }],
  options: {
    jobs: { type: 'string', short: 'j', value: 'N', description: "packages built at once (default: default.lua's jobs, else one per core)" },
    'keep-going': {
      type: 'boolean',
      short: 'k',
      description: 'a failed build or a source that cannot be fetched fails only that package and its dependents (a cached package needs no source)',
    },
    offline: OFFLINE,
    wait: { type: 'boolean', description: 'wait (up to an hour) for another stasis-farm using the workspace instead of failing (exit 6)' },
    profile: { type: 'string', value: 'P', description: "build profiles/P.lua instead of config.lua's profile, with config.lua's include and exclude (not with PKG...)" },
    builder: { type: 'string', value: 'REF', description: "the builder image to build in (default: default.lua's builder)" },
    engine: ENGINE,
    junit: junitOption('one test case per package (built or cached: pass; failed: failure with the log tail; skipped: skipped), written however the build ends'),
  },
} as const satisfies CommandSpec;
