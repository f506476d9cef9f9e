/**
 * `samcheck replay [FILES...]`: rerun counterexample files (all of counterexamples/ by default).
 */
import type { ExpectedValue, ObservedValue } from '../check/counterexamples.js';
import { counterexampleFiles, replayFile, type ReplayResult } from '../check/replay.js';
import { observableName } from '../constructions/construction.js';
import { showDigits } from '../report/text.js';
import { formatJson } from '../report/json.js';
import type { CliIO } from './io.js';

export interface ReplayCommandOptions {
  json?: boolean;
  counterexamples?: string;
}

/** Returns the exit code: 1 when a file does not reproduce or cannot be read. */
export function replayCommand(files: string[], options: ReplayCommandOptions, io: CliIO): number {
  const paths = files.length > 0 ? files : counterexampleFiles(options.counterexamples ?? 'counterexamples');
  const results = paths.map((path) => replayFile(path));
  if (options.json) {
    io.out(formatJson({ counterexamples: results }));
  } else if (results.length === 0) {
    io.out('no counterexample files to replay');
  } else {
    for (const r of results) io.out(`${r.file}: ${resultText(r)}`);
  }
  return results.every((r) => r.reproduced) ? 0 : 1;
}

function resultText(r: ReplayResult): string {
  if (r.error) return `ERROR ${r.error}`;
  const verdict = `${r.reproduced ? 'reproduced' : 'NOT reproduced'}${r.level ? ` (${r.level})` : ''}`;
  if (r.kind === 'construction') {
    const expected = r.expected as ExpectedValue[];
    const observed = r.observed as ObservedValue[];
    return `${verdict}: ${expected.map((e, i) => `${observableName(e)} ${observedText(e, observed[i]!)}`).join(', ')}`;
  }
  const o = r.observed as { ratio: string; at: number };
  return `${verdict}: observed/bound = ${showDigits(o.ratio, 12)} at ${o.at}`;
}

function observedText(e: ExpectedValue, o: ObservedValue): string {
  if ('digits' in o) return `${o.digits}/${e.digits} digits`;
  const level = `${(e.level ?? 0.99) * 100}%`;
  return e.test === 'interval'
    ? `mean ${showDigits(o.mean, 6)}, ${level} interval [${showDigits(o.lower, 6)}, ${showDigits(o.upper, 6)}] ${o.passed ? 'contains' : 'misses'} ${showDigits(e.value, 6)}`
    : `mean ${showDigits(o.mean, 6)}, ${level} lower bound ${showDigits(o.lower, 6)} ${o.passed ? '>' : '<='} ${showDigits(e.value, 6)}`;
}
