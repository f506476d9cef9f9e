#!/usr/bin/env node
/**
 * The `samcheck` executable.
 */
import { runCli } from './cli/program.js';

process.exitCode = await runCli(process.argv.slice(2));
