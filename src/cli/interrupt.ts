/**
 * Ctrl-C and SIGTERM during a long command (the main job, run, audit, audit --class): the first
 * asks the work to stop through a shared flag (src/parallel/stop.ts): no new check, case or
 * search round starts, the running ones end at their next boundary, and the command prints and
 * writes what finished, marked interrupted, and exits 130. A second signal exits at once: every
 * file samcheck writes takes its name in one step (src/atomic-write.ts), so even then no partial
 * file is left under a real name.
 */
import type { NotRun } from '../parallel/jobs.js';
import { stopFlag, type StopFlag } from '../parallel/stop.js';
import { EXIT_INTERRUPTED } from './exit-codes.js';
import type { CliIO } from './io.js';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Runs `work` with a stop flag that the first Ctrl-C (or SIGTERM) sets; `ending` says in a few
 * words what the command does before it stops ("the running checks end their current case").
 * Returns what `work` returns and whether it was interrupted.
 */
export async function interruptible<R>(io: CliIO, ending: string, work: (stop: StopFlag) => Promise<R>): Promise<{ result: R; interrupted: boolean }> {
  const stop = stopFlag();
  const onSignal = (signal: NodeJS.Signals) => {
    const name = signal === 'SIGINT' ? 'Ctrl-C' : signal;
    if (!stop.requested()) {
      stop.request();
      io.err(`\nsamcheck: ${name}: stopping; ${ending}, then what finished is printed and written, marked interrupted (${name === 'Ctrl-C' ? 'Ctrl-C' : signal} again: stop at once)`);
      return;
    }
    io.err(`\nsamcheck: ${name} again: stopped at once; nothing more is written (the files already written are whole)`);
    process.exit(EXIT_INTERRUPTED);
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  try {
    const result = await work(stop);
    return { result, interrupted: stop.requested() };
  } finally {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  }
}

/** "interrupted: 3 checks not run (C1, C2, C3), 2 counterexample files not replayed": what an interrupted job lacks. */
export function interruptedText(notRun: NotRun): string {
  const checks = `${notRun.checks.length} check${notRun.checks.length === 1 ? '' : 's'} not run${notRun.checks.length === 0 ? '' : ` (${notRun.checks.join(', ')})`}`;
  const files = notRun.files.length === 0 ? '' : `, ${notRun.files.length} counterexample file${notRun.files.length === 1 ? '' : 's'} not replayed`;
  return `interrupted: ${checks}${files}`;
}
