#!/usr/bin/env node
// The installed entry point: run the compiled CLI (npm's `prepare` builds dist/).
// A Ctrl-C while the CLI is still loading has nothing to clean up: exit 130 at
// once. This listener stays (a no-op once main has its own): removing the last
// listener of a signal drops one that arrived but was not dispatched yet.
let loading = true;
const early = () => {
  if (loading) process.exit(130);
};
process.on('SIGINT', early);
process.on('SIGTERM', early);
const [{ main }, { dockerRuntime, dockerRuntimeAt }] = await Promise.all([import('../dist/farm/cli/main.js'), import('../dist/farm/cli/engine.js')]);
loading = false;

// main installs its own handlers before its first await. Exit when it returns:
// nothing (a keep-alive socket, a worker) may hold an interrupted farm open.
// The engine is Docker's, made (and dockerode loaded) only if the command needs one.
process.exit(
  await main(process.argv.slice(2), {
    handleSignals: true,
    runtime: () => dockerRuntime(process.env),
    engineAt: (url, options) => dockerRuntimeAt(url, process.env, options),
  }),
);
