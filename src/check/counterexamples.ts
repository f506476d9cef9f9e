/**
 * Counterexamples as data (DESIGN.md): one JSON file per case that violates a card (or, later,
 * per construction that shows a card tight), holding everything needed to rerun it.
 *
 * Files are named by a hash of their content, written to a temporary file in the same folder,
 * flushed, then linked to their name, which fails if the name exists: a file appears whole or not
 * at all and is never overwritten (the same content under the same name is already saved).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeNewFile } from '../atomic-write.js';
import { basename, join } from 'node:path';
import { isNumberText, type NumberText } from '../arith/literal.js';
import { QUANTITIES, type Quantity } from '../constructions/construction.js';
import type { CaseSpec } from '../algorithms/case.js';
import type { FunctionClass } from '../functions/classes.js';
import type { PiecewiseQuadraticSpec } from '../functions/types.js';
import type { SettingNumbers } from '../interpolation/problem.js';
import { InputError } from '../errors.js';
import type { Level } from './verdict.js';

export const COUNTEREXAMPLE_FORMAT = 'samcheck-counterexample';
export const COUNTEREXAMPLE_VERSION = 1;

export interface ClaimReference {
  /** A card or conjecture ID of THEOREMS.md. */
  readonly card: string;
  readonly relation: 'violates' | 'tight';
  /** For `tight`: the fraction of the card's bound the construction reaches, and its formula. */
  readonly constant?: string;
  readonly formula?: string;
  /** For `tight`: whether the fraction is reached from a whole set of starts. */
  readonly robust?: boolean;
}

interface FileHeader {
  readonly format: typeof COUNTEREXAMPLE_FORMAT;
  readonly version: typeof COUNTEREXAMPLE_VERSION;
  /** The card or construction and the first 12 hex digits of the SHA-256 of the rest of the file. */
  readonly id: string;
  readonly claims: readonly ClaimReference[];
}

interface FileCommon extends FileHeader {
  /** The run, exactly: family and parameters, x0, ρ, η (or its rule), T, method (and for a
   * stochastic run the oracle, the number of paths and the seed). */
  readonly run: CaseSpec;
  /** The decimal precision p of the replay (a found case is verified at p and 2p); float64 for a
   * stochastic run, whose verdict is statistical. */
  readonly arithmetic: { readonly backend: 'decimal'; readonly precision: number } | { readonly backend: 'float64' };
}

/** A case found by a search that violates a card. */
export interface FoundFile extends FileCommon {
  readonly kind: 'found';
  /** The card's constants when they differ from the card's own. */
  readonly constants?: Readonly<Record<string, NumberText>>;
  /**
   * How the search found it: fast-check's seed and path (empty when the targeted search found it,
   * after the sampling), the number of runs asked for, and the targeted search's evaluations.
   */
  readonly search?: { readonly seed: number; readonly path: string; readonly runs: number; readonly evaluations?: number };
  /** What was observed: the largest observed/bound, where, and how sure the verdict is (with the
   * case's level α for a statistical verdict, which the replay uses again). */
  readonly observed: { readonly ratio: string; readonly at: number; readonly level: Level; readonly alpha?: number };
}

/**
 * A quantity of the run compared with a closed form: its name, formula and value, and either the
 * significant digits a deterministic replay must share with it, or (stochastic runs) the test on
 * the mean over the paths: `interval` (the two-sided interval at `level` contains the value) or
 * `above` (the one-sided lower bound at `level` exceeds it).
 */
export interface ExpectedValue {
  readonly quantity: Quantity;
  readonly coordinate?: number;
  readonly at: number;
  readonly formula: string;
  /** The closed form evaluated at 100 digits. */
  readonly value: string;
  readonly digits?: number;
  readonly test?: 'interval' | 'above';
  readonly level?: number;
}

/** What a replay (or the run that made the file) gave for one expected value. */
export type ObservedValue =
  | { readonly value: string; readonly digits: number }
  | { readonly mean: string; readonly lower: string; readonly upper: string; readonly passed: boolean };

/** A lower-bound construction of THEOREMS.md §4 (or one found by this suite). */
export interface ConstructionFile extends FileCommon {
  readonly kind: 'construction';
  readonly construction: string;
  readonly title: string;
  /** Whether the replay encloses each quantity in interval arithmetic too (deterministic runs). */
  readonly certify: boolean;
  readonly expected: readonly ExpectedValue[];
  /** What the run gave when the file was made. */
  readonly observed: readonly ObservedValue[];
}

/**
 * A worst case over a whole class (src/interpolation/): no function, but the data a member of the
 * class has along the method's run, certified to be interpolable; the card's ratio, or the
 * fraction of a constant it needs, is a proven lower bound on the worst case over the class.
 */
export interface InterpolatedFile extends FileHeader {
  readonly kind: 'interpolated';
  /** The class, the method's parameters, the horizon and the dimension of the data. */
  readonly setting: SettingNumbers & { readonly class: FunctionClass; readonly algorithm: string };
  /** What was maximized: the card's ratio observed/bound at the last horizon, or the fraction of a constant. */
  readonly goal: { readonly card: string; readonly constant?: string };
  /** x_0, and the gradient and value f − f* at each point the run asks about, in its order. */
  readonly data: { readonly x0: readonly NumberText[]; readonly answers: readonly { readonly g: readonly NumberText[]; readonly f: NumberText }[] };
  /** The proven lower end of the goal's value, and the interval arithmetic's digits. */
  readonly certified: { readonly value: string; readonly precision: number };
  /** How the search found it (its float64 value, seed, evaluations and the class's shrink). */
  readonly search: { readonly seed: number; readonly evaluations: number; readonly epsilon: number; readonly value: number };
  /** For the nonconvex class, the explicit function the value is taken on (a piecewise quadratic). */
  readonly explicit?: PiecewiseQuadraticSpec;
}

export type CounterexampleFile = FoundFile | ConstructionFile | InterpolatedFile;

type Content<F> = F extends unknown ? Omit<F, 'format' | 'version' | 'id'> : never;
export type CounterexampleContent = Content<CounterexampleFile>;

/** Writes a counterexample file into `folder` and returns its path; an identical file is left as it is. */
export function saveCounterexample(folder: string, content: CounterexampleContent): string {
  return storeCounterexample(folder, content).path;
}

/**
 * Writes a counterexample file into `folder`: its path, and whether this call wrote it (false when
 * the same content, hence the same name, was already there).
 */
export function storeCounterexample(folder: string, content: CounterexampleContent): { readonly path: string; readonly written: boolean } {
  const hash = contentHash(content);
  const prefix = content.kind === 'construction' ? content.construction : content.kind === 'interpolated' ? `${content.claims[0]?.card ?? 'case'}-class` : (content.claims[0]?.card ?? 'case');
  const file = { format: COUNTEREXAMPLE_FORMAT, version: COUNTEREXAMPLE_VERSION, id: `${prefix}-${hash}`, ...content } as CounterexampleFile;
  const path = join(folder, `${file.id}.json`);
  // The name is the hash of the content: if it exists, the same counterexample is already saved.
  return { path, written: writeNewFile(path, `${JSON.stringify(file, null, 2)}\n`) };
}

/** The 12 hex digits a file's id ends with: of its content with format and version, without the id. */
export function contentHash(content: CounterexampleContent | CounterexampleFile): string {
  const { id: _id, ...rest } = content as CounterexampleFile;
  const body = { ...rest, format: COUNTEREXAMPLE_FORMAT, version: COUNTEREXAMPLE_VERSION };
  return createHash('sha256').update(canonicalJson(body)).digest('hex').slice(0, 12);
}

/** JSON with object keys sorted, so that equal content has equal text and hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Reads and checks one counterexample file. Problems are InputErrors naming the file and the
 * field; the file is never modified.
 */
export function readCounterexample(path: string): CounterexampleFile {
  const name = basename(path);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InputError(name, (error as Error).message, 'must be a JSON file');
  }
  const file = parsed as Partial<CounterexampleFile> | null;
  const field = (key: string, ok: boolean, rule: string) => {
    if (!ok) throw new InputError(`${name}: ${key}`, (file as Record<string, unknown> | null)?.[key.split('.')[0]!], rule);
  };
  field('format', file?.format === COUNTEREXAMPLE_FORMAT, `must be "${COUNTEREXAMPLE_FORMAT}"`);
  field('version', file?.version === COUNTEREXAMPLE_VERSION, `must be ${COUNTEREXAMPLE_VERSION} (the version this samcheck reads)`);
  field('id', typeof file?.id === 'string' && file.id.length > 0, 'must be a non-empty string');
  field('kind', file?.kind === 'found' || file?.kind === 'construction' || file?.kind === 'interpolated', 'must be "found", "construction" or "interpolated"');
  field('claims', Array.isArray(file?.claims) && file.claims.length > 0 && file.claims.every((c) => typeof c?.card === 'string'), 'must be a non-empty list of { card, relation }');
  if (file!.kind === 'interpolated') {
    readInterpolated(file as Partial<InterpolatedFile>, field);
    return file as CounterexampleFile;
  }
  const run = (file as Partial<FoundFile | ConstructionFile>).run;
  field('run', typeof run === 'object' && run !== null && typeof run.function === 'object', 'must be a run spec with a function');
  const arithmetic = (file as Partial<FoundFile | ConstructionFile>).arithmetic as { backend?: unknown; precision?: unknown } | undefined;
  field('arithmetic', (arithmetic?.backend === 'decimal' && Number.isInteger(arithmetic.precision)) || arithmetic?.backend === 'float64', 'must be { backend: "decimal", precision } or { backend: "float64" }');
  if (file!.kind === 'found') {
    field('observed', typeof (file as Partial<FoundFile>).observed?.ratio === 'string', 'must hold the observed ratio');
  } else {
    const c = file as Partial<ConstructionFile>;
    field('construction', typeof c.construction === 'string', 'must name the construction');
    field(
      'expected',
      Array.isArray(c.expected) &&
        c.expected.length > 0 &&
        c.expected.every(
          (e) =>
            QUANTITIES.includes(e?.quantity) &&
            Number.isInteger(e.at) &&
            isNumberText(e.value) &&
            (Number.isInteger(e.digits) || ((e.test === 'interval' || e.test === 'above') && typeof e.level === 'number' && e.level > 0 && e.level < 1)),
        ),
      `must be a non-empty list of { quantity (one of ${QUANTITIES.join(', ')}), at, value, and digits or a test with its level }`,
    );
  }
  return file as CounterexampleFile;
}

/** The fields of an interpolated file, checked (the numbers as exact texts; certification checks the rest). */
function readInterpolated(file: Partial<InterpolatedFile>, field: (key: string, ok: boolean, rule: string) => void): void {
  const setting = file.setting;
  const whole = (v: unknown) => Number.isInteger(v) && (v as number) >= 1;
  field(
    'setting',
    typeof setting === 'object' && setting !== null && ['smooth', 'convex', 'strongly-convex'].includes(setting.class) && [setting.beta, setting.eta, setting.rho].every(isNumberText) && (setting.mu === undefined || isNumberText(setting.mu)) && whole(setting.steps) && whole(setting.dim) && typeof setting.algorithm === 'string',
    'must be { class, beta, mu?, eta, rho, steps, dim, algorithm } with exact numbers',
  );
  field('goal', typeof file.goal?.card === 'string' && (file.goal.constant === undefined || typeof file.goal.constant === 'string'), 'must be { card, constant? }');
  const data = file.data;
  const vector = (v: unknown) => Array.isArray(v) && v.length === setting!.dim && v.every(isNumberText);
  field('data', typeof data === 'object' && data !== null && vector(data.x0) && Array.isArray(data.answers) && data.answers.length > 0 && data.answers.every((a) => vector(a?.g) && isNumberText(a?.f)), `must be { x0, answers: [{ g, f }] } with vectors of ${setting!.dim} exact numbers`);
  field('certified', typeof file.certified?.value === 'string' && Number.isInteger(file.certified.precision), 'must be { value, precision }');
  field('search', typeof file.search === 'object' && file.search !== null && Number.isInteger(file.search.seed), 'must be { seed, evaluations, epsilon, value }');
}
