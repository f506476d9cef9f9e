/**
 * Folders named on the command line, checked before any work starts: a job that computes for
 * minutes must not find at the end that it cannot write its report (DESIGN.md: bad input is refused
 * at its first use, and a finished computation is never lost).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';

/**
 * `path` is a folder this process can write into, or can create: its nearest existing ancestor is
 * a folder, and a probe file can be created there (and is removed). Nothing is left behind.
 */
export function requireWritableFolder(option: string, path: string): void {
  let existing = resolve(path);
  for (;;) {
    const stat = statOrUndefined(existing);
    if (stat !== undefined) {
      if (!stat.isDirectory()) {
        throw new InputError(option, path, existing === resolve(path) ? 'must be a folder; it is a file' : `must be a folder; ${existing} is a file`);
      }
      break;
    }
    const parent = dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  const probe = join(existing, `.samcheck-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    closeSync(openSync(probe, 'wx'));
    unlinkSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new InputError(option, path, `must be a folder samcheck can write to (${existing}: ${code})`);
  }
}

/** `path` exists and is a folder (a store to read from). */
export function requireExistingFolder(option: string, path: string): void {
  const stat = statOrUndefined(resolve(path));
  if (stat === undefined) throw new InputError(option, path, 'must be an existing folder; there is none');
  if (!stat.isDirectory()) throw new InputError(option, path, 'must be a folder; it is a file');
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
