/**
 * A request to stop, shared by the threads of a command: set once (by the command's handler of
 * Ctrl-C or SIGTERM, src/cli/interrupt.ts), read by the work at its natural boundaries (a check
 * before each case, a search before each evaluation, a pool before each task). It lives in shared
 * memory so that a worker thread busy with a check sees it without waiting for a message.
 */
export interface StopFlag {
  /** The memory a worker thread rebuilds the flag from (stopFlag(buffer)). */
  readonly buffer: SharedArrayBuffer;
  /** Asks every holder of the flag to stop. */
  request(): void;
  /** Whether stopping was asked. */
  requested(): boolean;
}

/** A new flag, or the flag whose memory is `buffer` (another thread's). */
export function stopFlag(buffer: SharedArrayBuffer = new SharedArrayBuffer(4)): StopFlag {
  const cell = new Int32Array(buffer);
  return {
    buffer,
    request: () => void Atomics.store(cell, 0, 1),
    requested: () => Atomics.load(cell, 0) === 1,
  };
}
