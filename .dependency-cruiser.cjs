/**
 * Import rules checked by `npm run cycles` (part of `npm test`): no module imports itself back
 * through others, and no folder of farm/ imports a folder that imports it back, so imports run one
 * way, from the CLI down to errors/ and fs/. Commands are loaded only when they run.
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
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
  },
};
