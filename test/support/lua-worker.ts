import { pathToFileURL } from 'node:url';
import { inject } from 'vitest';
// From pool.js, not the folder's index: that would load fengari into every test file.
import { useLuaWorkerScript } from '../../farm/lua/pool.js';

// Every test file evaluates Lua on the worker bundled for this run (lua-worker-setup.ts).
useLuaWorkerScript(pathToFileURL(inject('luaWorker')));
