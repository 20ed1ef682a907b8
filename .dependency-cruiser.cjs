/**
 * Import rules checked by `npm run cycles` (part of `npm test`): no module imports itself back
 * through others, and no folder of farm/ imports a folder that imports it back, so imports run one
 * way, from the CLI down to errors/ and fs/. Commands, and the engine's adapter, are loaded only when needed.
 */
module.exports = {
  forbidden: [
    { name: 'no-module-cycle', severity: 'error', comment: 'a module reaches itself through its imports', from: {}, to: { circular: true } },
    { name: 'no-folder-cycle', severity: 'error', scope: 'folder', comment: 'two folders of farm/ import each other (directly or through others)', from: {}, to: { circular: true } },
    { name: 'errors-is-a-leaf', severity: 'error', comment: 'errors/ imports nothing of the farm', from: { path: '^farm/errors/' }, to: { path: '^farm/', pathNot: '^farm/errors/' } },
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
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
  },
};
