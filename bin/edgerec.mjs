#!/usr/bin/env node
// Runs the compiled CLI (.cli/, see cli-bundle.mjs), rebuilding it first when a source changed since.
import { buildBundle, bundleIsFresh, ENTRY } from "./cli-bundle.mjs";

if (!bundleIsFresh()) await buildBundle();
const { main } = await import(ENTRY);
process.exitCode = await main(process.argv.slice(2));
