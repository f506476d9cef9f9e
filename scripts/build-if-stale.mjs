#!/usr/bin/env node
/**
 * `npm start`'s first step: build dist/ when it is missing or older than what it is built from,
 * and only then. A fresh build is used as it is, so `npm start` also runs from a checkout its user
 * cannot write to (a shared installation), with --report elsewhere; a stale build there is one
 * line and exit code 2, not a failed rebuild's stack of npm errors.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** What dist/ is built from (tsconfig.build.json's include, and the build's settings). */
const SOURCES = ['src', 'bench', 'soak', 'properties/conjectures', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];
/** Written by the build's last step (package.json postbuild). */
const STAMP = join(root, 'dist', '.build-stamp');

function newest(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return 0;
  if (!stat.isDirectory()) return /\.test\.ts$/.test(path) ? 0 : stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const built = statSync(STAMP, { throwIfNoEntry: false })?.mtimeMs;
const sources = Math.max(...SOURCES.map((s) => newest(join(root, s))));
if (built !== undefined && built >= sources) process.exit(0);

try {
  accessSync(root, constants.W_OK);
} catch (error) {
  const why = built === undefined ? 'dist/ has not been built' : 'dist/ is older than the sources';
  process.stderr.write(`samcheck: ${why}, and this checkout cannot be written (${error.code}): build it where it can be (npm run build), then npm start here uses it\n`);
  process.exit(2);
}
const build = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
process.exit(build.status ?? 1);
