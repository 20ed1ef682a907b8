#!/usr/bin/env node
// The installed entry point: run the compiled CLI (npm's `prepare` builds dist/).
import { main } from '../dist/farm/cli/main.js';

process.exitCode = await main(process.argv.slice(2), { handleSignals: true });
