/**
 * Import rules checked by `npm run cycles` (part of `npm test`): no module imports itself back
 * through others, and no folder of farm/ imports a folder that imports it back, so imports run one
 * way, from the CLI down to errors/ and fs/. Commands, and the engine's adapter, are loaded only when needed.
 * Type-only imports count (tsPreCompilationDeps): a type
 * pulls an arrow as a value does.
 *
 * The layers of farm/, top down:
 *   cli/                      the edge: commands, rendering of errors
 *   release/, gc/, trust/     whole releases and what works on them (gc/ and trust/ read release/'s
 *                             stage image refs and manifests)
 *   project/                  the build of one stage: sources, keys, builds, assembly
 *   pkgbuild/                 one package in one container, and the scheduler of a whole build
 *   everything else           what plans, reads, stores and checks: lua/ evalcache/ recipe/ config/ validate/
 *                             graph/ keys/ plan/ toolchain/ encoding/ sources/ tar/ cache/ rootfs/
 *                             audit/ disk/ boot/ image/ runtime/ mirror/ workspace/ report/ runs/ timeline/
 *                             runreport/ junit/ shell/ fs/ errors/
 * A layer imports only layers below it; a new folder is in the lowest layer until a rule says otherwise.
 */
const UPPER = '^farm/(cli|release|gc|trust|project|pkgbuild)/';

module.exports = {
  forbidden: [
    { name: 'no-module-cycle', severity: 'error', comment: 'a module reaches itself through its imports', from: {}, to: { circular: true } },
    { name: 'no-folder-cycle', severity: 'error', scope: 'folder', comment: 'two folders of farm/ import each other (directly or through others)', from: {}, to: { circular: true } },
    { name: 'errors-is-a-leaf', severity: 'error', comment: 'errors/ imports nothing of the farm', from: { path: '^farm/errors/' }, to: { path: '^farm/', pathNot: '^farm/errors/' } },
    { name: 'pool-is-a-leaf', severity: 'error', comment: 'pool/ (engine specs and the scheduler) imports nothing of the farm', from: { path: '^farm/pool/' }, to: { path: '^farm/', pathNot: '^farm/pool/' } },
    { name: 'fs-over-errors-only', severity: 'error', comment: 'fs/ imports only errors/', from: { path: '^farm/fs/' }, to: { path: '^farm/', pathNot: '^farm/(fs|errors)/' } },
    { name: 'cli-on-top', severity: 'error', comment: 'only the CLI imports the CLI', from: { pathNot: '^farm/cli/' }, to: { path: '^farm/cli/' } },
    {
      name: 'commands-load-when-they-run',
      severity: 'error',
      comment: "a command's implementation (cli/cmd-*.ts) is loaded with import() when it runs, so --version, --help and a usage error load none",
      from: {},
      to: { path: '^farm/cli/cmd-', dependencyTypesNot: ['dynamic-import'] },
    },
    {
      name: 'engine-loads-when-needed',
      severity: 'error',
      comment: 'the dockerode adapter is loaded with import() when a command needs the engine (cli/engine.ts); everything else sees the ContainerRuntime port',
      from: {},
      to: { path: '^farm/runtime/docker[.]ts$', dependencyTypesNot: ['dynamic-import'] },
    },
    { name: 'dockerode-in-its-adapter', severity: 'error', comment: 'only runtime/docker.ts imports dockerode', from: { pathNot: '^farm/runtime/docker[.]ts$' }, to: { path: 'node_modules/(@types/)?dockerode/' } },
    {
      name: 'lower-layers-stay-below',
      severity: 'error',
      comment: 'a folder below pkgbuild/ (tar/, cache/, sources/, keys/, recipe/, rootfs/, ...) imports none of pkgbuild/, project/, release/, gc/, trust/ or cli/: a type two layers share lives in the lower one',
      from: { path: '^farm/', pathNot: UPPER },
      to: { path: UPPER },
    },
    { name: 'pkgbuild-below-project', severity: 'error', comment: 'the executor imports no orchestration above it', from: { path: '^farm/pkgbuild/' }, to: { path: '^farm/(project|release|gc|trust)/' } },
    { name: 'project-below-release', severity: 'error', comment: 'the build of one stage imports nothing of releases', from: { path: '^farm/project/' }, to: { path: '^farm/(release|gc|trust)/' } },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
  },
};
