/**
 * Replaying counterexample files: each is rerun from its own content and reported as reproduced
 * or not, with what was observed. A malformed file is reported by name and field; the others
 * still run, and no file is modified.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { cardById } from '../theorems/catalog.js';
import { readCounterexample, type CounterexampleFile } from './counterexamples.js';
import { judgeCase } from './verdict.js';

export interface ReplayResult {
  readonly file: string;
  readonly id: string | null;
  readonly reproduced: boolean;
  /** What the file says was observed, and what the replay observed. */
  readonly expected: unknown;
  readonly observed: unknown;
  readonly error?: string;
}

/** The counterexample files of a folder, sorted (hidden and temporary files left out). */
export function counterexampleFiles(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort().map((n) => join(folder, n));
}

export function replayFile(path: string): ReplayResult {
  let file: CounterexampleFile;
  try {
    file = readCounterexample(path);
  } catch (error) {
    if (error instanceof InputError) return { file: path, id: null, reproduced: false, expected: null, observed: null, error: error.message };
    throw error;
  }
  return replayFound(path, file);
}

/** A found counterexample reproduces when its card is still violated on its instance. */
function replayFound(path: string, file: CounterexampleFile): ReplayResult {
  const claim = file.claims.find((c) => c.relation === 'violates');
  if (claim === undefined) {
    return { file: path, id: file.id, reproduced: false, expected: file.observed, observed: null, error: `${file.id}: no claim it violates` };
  }
  try {
    const verdict = judgeCase(cardById(claim.card), file.run, { precision: file.arithmetic.precision, constants: file.constants });
    return {
      file: path,
      id: file.id,
      reproduced: verdict.holds === false,
      expected: file.observed,
      observed: { ratio: verdict.ratioText, at: verdict.at, level: verdict.level, holds: verdict.holds ?? null },
    };
  } catch (error) {
    if (error instanceof InputError) return { file: path, id: file.id, reproduced: false, expected: file.observed, observed: null, error: error.message };
    throw error;
  }
}
