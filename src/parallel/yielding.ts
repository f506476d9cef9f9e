/**
 * Long synchronous work written as steps (a generator that yields between them), and its two
 * drivers: straight through, or letting the thread's event loop run between steps. A signal such
 * as Ctrl-C reaches JavaScript only between tasks of the event loop, so a command that must answer
 * it during a long search in its own thread drives the search with drainYielding.
 */

/** Runs the steps to their end, in one go. */
export function drain<R>(steps: Generator<void, R>): R {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** Runs the steps to their end, letting the event loop run (signals, timers, I/O) after each. */
export async function drainYielding<R>(steps: Generator<void, R>): Promise<R> {
  let step = steps.next();
  while (!step.done) {
    await new Promise((resolve) => setImmediate(resolve));
    step = steps.next();
  }
  return step.value;
}
