/**
 * Progress of a long command on stderr: a redrawn bar on a terminal, plain lines otherwise (a log
 * file or a CI console should not fill with carriage returns).
 */
import type { CliIO } from './io.js';

export interface Progress {
  /** A phase of `units` units of work (cases of a check, a replay, a chart) begins. */
  begin(label: string, units: number): void;
  advance(units?: number): void;
  /** The phase ends; `result` is kept on its own line. */
  end(result: string): void;
  /** Clears the bar, if any. */
  close(): void;
}

/** One line per finished phase. */
export function lineProgress(io: CliIO): Progress {
  return { begin() {}, advance() {}, end: (result) => io.err(result), close() {} };
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
  const draw = (force = false) => {
    if (!force && now() - drawn < REDRAW_MS) return;
    drawn = now();
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const width = Math.max(10, Math.min(30, (terminal.columns ?? 80) - 50));
    const filled = Math.round(fraction * width);
    const bar = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%`;
    const seconds = Math.round((now() - started) / 1000);
    const text = `${bar}  ${label} ${phaseDone}/${phaseUnits}  ${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
    terminal.write(`\r\x1b[K${text.slice(0, (terminal.columns ?? 80) - 1)}`);
  };
  return {
    begin(name, units) {
      label = name;
      phaseDone = 0;
      phaseUnits = units;
      draw(true);
    },
    advance(units = 1) {
      done += units;
      phaseDone += units;
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
  };
}
