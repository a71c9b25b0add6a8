#!/usr/bin/env node
// Thin launcher: the bundled CLI (scripts/bundle.mjs) decides the exit code; only here does the process exit.
import { run } from '../dist/kasuhara-press.js';

const code = await run(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  cwd: process.cwd(),
  tty: process.stderr.isTTY === true,
});
process.exitCode = code;
