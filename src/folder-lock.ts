/**
 * One writer per report folder: a job that writes REPORT/index.html and results.json holds
 * REPORT/.samcheck.lock while it runs (the pid, host, start and command of its holder), so a
 * second job aimed at the same folder refuses with one line instead of interleaving its pages with
 * the first's. A lock whose holder is no longer alive on this host (a job killed by kill -9) is
 * stale and taken over; one held from another host cannot be checked and is named for removal.
 */
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { processIsAlive, writeNewFile } from './atomic-write.js';
import { InputError } from './errors.js';

export const LOCK_NAME = '.samcheck.lock';

interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly started: string;
  readonly command: string;
}

export interface FolderLock {
  /** The lock of a dead job that this one took over (said on stderr), if any. */
  readonly tookOver?: string;
  /** Gives the folder up (also done when the process exits, however it exits). */
  release(): void;
}

/** Takes `folder`'s lock for this process, or throws an InputError naming `option` and the holder. */
export function lockFolder(option: string, folder: string, command: string): FolderLock {
  const file = join(folder, LOCK_NAME);
  const own: Holder = { pid: process.pid, host: hostname(), started: new Date().toISOString(), command };
  let tookOver: string | undefined;
  while (!writeNewFile(file, `${JSON.stringify(own)}\n`)) {
    const holder = readHolder(file);
    if (holder === undefined && !existsSync(file)) continue; // released meanwhile: try again
    const stale = holder !== undefined && holder.host === own.host && !processIsAlive(holder.pid);
    if (!stale) {
      const who = holder === undefined ? 'another samcheck job' : `another samcheck job (pid ${holder.pid} on ${holder.host}, started ${holder.started}: ${holder.command})`;
      const elsewhere = holder !== undefined && holder.host !== own.host ? `; if that job is no longer running, remove ${file}` : '';
      throw new InputError(option, folder, `is being written by ${who}: wait for it to end, or give another ${option}${elsewhere}`);
    }
    tookOver = `the lock of pid ${holder.pid} (started ${holder.started}), which is no longer running`;
    unlinkQuietly(file);
  }
  const release = () => {
    process.off('exit', release);
    if (readHolder(file)?.pid === own.pid) unlinkQuietly(file);
  };
  process.on('exit', release);
  return { ...(tookOver === undefined ? {} : { tookOver }), release };
}

function readHolder(file: string): Holder | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Holder;
  } catch {
    return undefined; // removed meanwhile (retried), or not a lock of this format (named as held)
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone: what was wanted.
  }
}
