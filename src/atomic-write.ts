/**
 * Writing files atomically: the text goes to a temporary file in the same folder, flushed, and
 * then takes its name in one step, so a reader never sees half a file. A write that fails (a full
 * disk) removes its temporary file. A process killed mid-write (kill -9) can leave one behind, but
 * only under a hidden name that no reader takes for a result (`.NAME.PID.HEX.tmp`); the next
 * process that writes into that folder removes those of processes no longer alive.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** A temporary file's name: `.NAME.PID.HEX.tmp`. */
const TEMPORARY = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

function writeTemporary(path: string, text: string): string {
  const folder = dirname(path);
  mkdirSync(folder, { recursive: true });
  sweepOnce(folder);
  const temporary = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temporary, 'wx');
  try {
    // A write may take fewer bytes than it was given (a disk or quota near its limit takes what
    // fits): it is repeated for the rest, and the one that cannot take any more throws.
    const bytes = Buffer.from(text, 'utf8');
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temporary);
    throw error;
  }
  closeSync(fd);
  return temporary;
}

/** Writes `path` only if it does not exist; returns whether it wrote. Never replaces a file. */
export function writeNewFile(path: string, text: string): boolean {
  const temporary = writeTemporary(path, text);
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  } finally {
    unlinkSync(temporary);
  }
}

/** Writes `path`, replacing what was there in one step; returns whether a file was replaced. */
export function replaceFile(path: string, text: string): boolean {
  const existed = existsSync(path);
  const temporary = writeTemporary(path, text);
  try {
    renameSync(temporary, path);
  } catch (error) {
    unlinkSync(temporary);
    throw error;
  }
  return existed;
}

/** Whether a process with this id is alive (on this machine): it exists, ours or another user's. */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const swept = new Set<string>();

/** The temporary files a dead process left in `folder` removed, once per folder and process. */
function sweepOnce(folder: string): void {
  const key = resolve(folder);
  if (swept.has(key)) return;
  swept.add(key);
  removeStaleTemporaries(folder);
}

/** Removes the temporary files of processes no longer alive from `folder`; returns their names. */
export function removeStaleTemporaries(folder: string): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(folder)) {
    const pid = TEMPORARY.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || processIsAlive(Number(pid))) continue;
    try {
      unlinkSync(join(folder, name));
      removed.push(name);
    } catch {
      // Gone already (another process swept it), or not ours to remove: either way, not a result.
    }
  }
  return removed;
}
