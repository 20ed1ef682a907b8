// `stasis-farm release`: its arguments and options, the source of its parser and its help (cmd-release.ts runs it).
import type { CommandSpec } from './spec.js';
import { ALLOWLIST, ENGINE, JOBS, junitOption, OFFLINE } from './options.js';

export const RELEASE = {
  name: 'release',
  summary: 'dev -> stage A -> stage B, compare A and B, audit and boot stage B, write the release',
  description:
    'The profile is built in the dev workspace (its cache reused), then from scratch in stage A and again in stage B; A and B must be the same (but for --exclusions). Stage B is audited as `tests` does (findings fail the release) and, with --kernel, booted (a failed boot fails the release with its exit code). Then workspace-release-stage-b/dist is written: rootfs tarball, manifest, SBOM and SHA256SUMS, with the boot verdict and serial log. The run is recorded in workspace/runs (`stasis-farm report` shows it).',
  options: {
    profile: { type: 'string', value: 'P', description: "release profiles/P.lua instead of config.lua's profile (config.lua's include and exclude still apply)" },
    builder: {
      type: 'string',
      value: 'REF',
      description: "the dev stage's builder image (default: default.lua's builder); stages A and B run in images of the previous stage's rootfs",
    },
    jobs: JOBS,
    engine: ENGINE,
    'keep-going': { type: 'boolean', short: 'k', description: 'a failed build fails only that package and its dependents (the release still fails)' },
    offline: OFFLINE,
    exclusions: { type: 'string', value: 'FILE', description: 'accepted differences between stage A and B: a YAML list of {package, path?, reason}' },
    kernel: { type: 'string', value: 'FILE', description: 'boot stage B with this kernel (a bzImage) before the release is written; without it, the boot is not run' },
    'boot-timeout': { type: 'string', value: 'S', description: "seconds to wait for the guest's verdict (default 180)" },
    allowlist: ALLOWLIST,
    junit: junitOption(
      'per stage one test case per package (failed: failure with the log tail), one per package compared (stage A and B differ: failure), one per audit rule of stage B (findings: failure); written however the release ends',
    ),
  },
} as const satisfies CommandSpec;
