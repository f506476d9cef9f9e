/**
 * Replaying counterexample files: each is rerun from its own content and reported as reproduced
 * or not, with what was observed. A malformed file is reported by name and field; the others
 * still run, and no file is modified.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Method } from '../algorithms/ascent.js';
import { replayConstruction } from '../constructions/files.js';
import { InputError } from '../errors.js';
import { allChecks, cardById } from '../theorems/catalog.js';
import { admissibilityProblem, requireConstantValues } from './admissible.js';
import { readCounterexample, type ConstructionFile, type CounterexampleFile, type FoundFile, type InterpolatedFile } from './counterexamples.js';
import { interpolatedInvalidity, replayInterpolated } from '../interpolation/files.js';
import { DEFAULT_VERIFY_PRECISION, judgeCase } from './verdict.js';

export interface ReplayResult {
  readonly file: string;
  readonly id: string | null;
  readonly kind: CounterexampleFile['kind'] | null;
  readonly reproduced: boolean;
  /** How sure the replay is: certified, verified (or, for a found case, float/undecided). */
  readonly level: string | null;
  /** What the file expects (closed forms, or the observed ratio), and what the replay observed. */
  readonly expected: unknown;
  readonly observed: unknown;
  /**
   * The file could not be read (bad JSON, a missing field, an unknown version): bad input; or the
   * replay itself threw (a bug of samcheck, with its message).
   */
  readonly error?: string;
  /**
   * The file reads, but its run lies outside the class or ranges of the card it speaks of (or its
   * constants break the card's rules): it proves nothing, and does not count as reproduced.
   */
  readonly invalid?: string;
}

export interface ReplayOptions {
  /** Replay with another method than the file's (to show that a wrong SAM fails the replay). */
  readonly method?: Method;
}

/** The counterexample files of a folder, sorted (hidden and temporary files left out). */
export function counterexampleFiles(folder: string): string[] {
  return filesOf(folder, (n) => n.endsWith('.json') && !n.startsWith('.'));
}

/** The files of `folder` whose names pass `keep`, sorted, with their paths; none when it does not exist. */
export function filesOf(folder: string, keep: (name: string) => boolean): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.filter(keep).sort().map((n) => join(folder, n));
}

export function replayFile(path: string, options: ReplayOptions = {}): ReplayResult {
  let file: CounterexampleFile;
  try {
    file = readCounterexample(path);
  } catch (error) {
    if (error instanceof InputError) return { file: path, id: null, kind: null, reproduced: false, level: null, expected: null, observed: null, error: error.message };
    throw error;
  }
  const invalid = invalidity(path, file);
  if (invalid !== undefined) return { file: path, id: file.id, kind: file.kind, reproduced: false, level: null, expected: null, observed: null, invalid };
  try {
    if (file.kind === 'interpolated') return replayInterpolatedFile(path, file);
    return file.kind === 'construction' ? replayConstructionFile(path, file, options) : replayFound(path, file, options);
  } catch (error) {
    const failed = { file: path, id: file.id, kind: file.kind, reproduced: false, level: null, expected: null, observed: null };
    if (error instanceof InputError) return { ...failed, invalid: error.message };
    // Anything else is a bug of samcheck: said, with the file that makes it happen, never a crash.
    return { ...failed, error: `the replay itself failed (a bug of samcheck: npx samcheck replay ${path} repeats it): ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}` };
  }
}

/**
 * Why a readable file proves nothing about the cards it names: an unknown card, a run outside a
 * card's class or ranges, or constants that break the card's rules. Undefined when it is valid.
 */
export function invalidity(path: string, file: CounterexampleFile): string | undefined {
  if (file.kind === 'interpolated') return interpolatedInvalidity(path, file);
  const name = basename(path);
  for (const claim of file.claims) {
    const card = allChecks().find((c) => c.id === claim.card);
    if (card === undefined) {
      const known = allChecks().map((c) => c.id).join(', ');
      return new InputError(`${name}: claims`, claim.card, `must name a card or conjecture (${known}); a conjecture of your own is known once its folder is loaded: add --conjectures DIR`).message;
    }
    const problem = admissibilityProblem(card, file.run, `${name}: run`);
    if (problem !== undefined) return problem.message;
    if (file.kind === 'found' && file.constants !== undefined) {
      try {
        requireConstantValues(card, file.constants, (constant) => `${name}: constants.${constant}`);
      } catch (error) {
        if (error instanceof InputError) return error.message;
        throw error;
      }
    }
  }
  return undefined;
}

/**
 * A class-wide worst case reproduces when its data are certified again (every interpolation
 * condition proven in interval arithmetic) with at least the recorded value; otherwise the replay
 * says what failed (the pair whose condition does not hold, for data that were changed).
 */
function replayInterpolatedFile(path: string, file: InterpolatedFile): ReplayResult {
  const { reproduced, certification, changed } = replayInterpolated(file);
  const observed = certification.holds ? { value: certification.value, enclosure: certification.enclosure, ...(changed ? { problem: changed } : {}) } : { problem: certification.problem };
  return { file: path, id: file.id, kind: file.kind, reproduced, level: certification.holds ? 'certified' : 'undecided', expected: file.certified, observed };
}

/** A construction reproduces when its run matches every closed form to the stated digits. */
function replayConstructionFile(path: string, file: ConstructionFile, options: ReplayOptions): ReplayResult {
  const replay = replayConstruction(file, options.method);
  return { file: path, id: file.id, kind: file.kind, reproduced: replay.reproduced, level: replay.level, expected: file.expected, observed: replay.observed };
}

/** A found counterexample reproduces when its card is still violated on its instance. */
function replayFound(path: string, file: FoundFile, options: ReplayOptions): ReplayResult {
  const claim = file.claims.find((c) => c.relation === 'violates');
  if (claim === undefined) throw new InputError(`${basename(path)}: claims`, file.claims, 'must name the card the case violates');
  const verdict = judgeCase(cardById(claim.card), file.run, {
    precision: file.arithmetic.backend === 'decimal' ? file.arithmetic.precision : DEFAULT_VERIFY_PRECISION,
    constants: file.constants,
    method: options.method,
    alpha: file.observed.alpha,
    maxVerificationUnits: Infinity, // a replay is asked for: it is judged in full, whatever it costs
  });
  return {
    file: path,
    id: file.id,
    kind: file.kind,
    reproduced: verdict.holds === false,
    level: verdict.level,
    expected: file.observed,
    observed: { ratio: verdict.ratioText, at: verdict.at, level: verdict.level, holds: verdict.holds ?? null },
  };
}

/**
 * Throws an InputError for the first of `paths` that cannot be read (naming how many more cannot):
 * an unreadable file is bad input, refused before anything is replayed, never a failed
 * reproduction.
 */
export function requireReadable(paths: readonly string[]): void {
  const problems: { path: string; error: InputError }[] = [];
  for (const path of paths) {
    try {
      readCounterexample(path);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push({ path, error });
    }
  }
  const [first, ...more] = problems;
  if (first === undefined) return;
  const rest = more.length === 0 ? '' : ` (${more.length} more file${more.length === 1 ? '' : 's'} cannot be read either: ${more.map((p) => p.path).join(', ')})`;
  // The field names the file by its base name; the folder is worth saying when files are listed.
  const field = first.error.field.startsWith(basename(first.path)) ? first.path + first.error.field.slice(basename(first.path).length) : first.error.field;
  throw new InputError(field, first.error.value, `${first.error.rule}${rest}`);
}
