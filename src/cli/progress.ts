/**
 * Progress of a long command on stderr: a redrawn bar on a terminal, plain lines otherwise (a log
 * file or a CI console should not fill with carriage returns). Both listen to what the computation
 * is doing (src/activity.ts), so a case that runs for minutes keeps the elapsed time moving on the
 * bar and, on lines, says every STILL_WORKING_MS what it is still doing.
 */
import { setActivityListener, type ActivityListener } from '../activity.js';
import type { CliIO } from './io.js';

export interface Progress extends ActivityListener {
  /** A phase of `units` units of work (cases of a check, a replay, a chart) begins. */
  begin(label: string, units: number): void;
  advance(units?: number): void;
  /** The phase ends; `result` is kept on its own line. */
  end(result: string): void;
  /** Clears the bar, if any. */
  close(): void;
}

export const STILL_WORKING_MS = 15_000;

/** One line per finished phase, and one while a unit of work has run long, every STILL_WORKING_MS. */
export function lineProgress(io: CliIO, now: () => number = () => performance.now()): Progress {
  let label = '';
  let phaseDone = 0;
  let phaseUnits = 0;
  let detail = '';
  let unitStarted = now();
  let lastLine = unitStarted;
  const restart = () => {
    unitStarted = now();
    lastLine = unitStarted;
    detail = '';
  };
  return {
    begin(name, units) {
      label = name;
      phaseDone = 0;
      phaseUnits = units;
      restart();
    },
    advance(units = 1) {
      phaseDone += units;
      restart();
    },
    end: (result) => io.err(result),
    close() {},
    activity(what) {
      detail = what;
    },
    heartbeat() {
      const t = now();
      if (t - lastLine < STILL_WORKING_MS) return;
      lastLine = t;
      const unit = phaseUnits > 1 ? ` ${Math.min(phaseDone + 1, phaseUnits)}/${phaseUnits}` : '';
      io.err(`  ${label}${unit}: still ${detail || 'working'} after ${Math.round((t - unitStarted) / 1000)} s`);
    },
  };
}

/**
 * Runs `work` with `progress` told what the computation does, and closes it after (also when the
 * work throws).
 */
export async function withProgress<R>(progress: Progress, work: (progress: Progress) => R | Promise<R>): Promise<R> {
  const previous = setActivityListener(progress);
  try {
    return await work(progress);
  } finally {
    setActivityListener(previous);
    progress.close();
  }
}

/** A bar on a terminal, lines elsewhere. */
export function progressFor(io: CliIO, totalUnits: number): Progress {
  return io.terminal ? barProgress(io.terminal, totalUnits) : lineProgress(io);
}

interface Terminal {
  write(text: string): unknown;
  readonly columns?: number;
}

const REDRAW_MS = 80;

/** A bar over the whole job of `total` units, redrawn in place; finished phases scroll above it. */
export function barProgress(terminal: Terminal, total: number, now: () => number = () => performance.now()): Progress {
  const started = now();
  let done = 0;
  let label = '';
  let phaseDone = 0;
  let phaseUnits = 0;
  let drawn = 0;
  let detail = '';
  const draw = (force = false) => {
    if (!force && now() - drawn < REDRAW_MS) return;
    drawn = now();
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const width = Math.max(10, Math.min(30, (terminal.columns ?? 80) - 50));
    const filled = Math.round(fraction * width);
    const bar = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%`;
    const seconds = Math.round((now() - started) / 1000);
    const clock = `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
    const text = `${bar}  ${label} ${phaseDone}/${phaseUnits}  ${clock}${detail ? `  ${detail}` : ''}`;
    terminal.write(`\r\x1b[K${text.slice(0, (terminal.columns ?? 80) - 1)}`);
  };
  return {
    begin(name, units) {
      label = name;
      phaseDone = 0;
      phaseUnits = units;
      detail = '';
      draw(true);
    },
    advance(units = 1) {
      done += units;
      phaseDone += units;
      detail = '';
      draw();
    },
    end(result) {
      // Units a phase did not use (a search that stopped at a counterexample) still count as done.
      done += Math.max(0, phaseUnits - phaseDone);
      phaseDone = phaseUnits;
      terminal.write(`\r\x1b[K${result}\n`);
      draw(true);
    },
    close() {
      terminal.write('\r\x1b[K');
    },
    activity(what) {
      detail = what;
      draw();
    },
    heartbeat() {
      draw();
    },
  };
}
