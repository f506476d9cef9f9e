/**
 * Counterexamples as data (DESIGN.md): one JSON file per case that violates a card (or, later,
 * per construction that shows a card tight), holding everything needed to rerun it.
 *
 * Files are named by a hash of their content, written to a temporary file in the same folder,
 * flushed, then linked to their name, which fails if the name exists: a file appears whole or not
 * at all and is never overwritten (the same content under the same name is already saved).
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { NumberText } from '../arith/literal.js';
import type { RunSpec } from '../algorithms/run-spec.js';
import { InputError } from '../errors.js';
import type { Level } from './verdict.js';

export const COUNTEREXAMPLE_FORMAT = 'samcheck-counterexample';
export const COUNTEREXAMPLE_VERSION = 1;

export interface ClaimReference {
  /** A card or conjecture ID of THEOREMS.md. */
  readonly card: string;
  readonly relation: 'violates' | 'tight';
}

export interface CounterexampleFile {
  readonly format: typeof COUNTEREXAMPLE_FORMAT;
  readonly version: typeof COUNTEREXAMPLE_VERSION;
  /** The card and the first 12 hex digits of the SHA-256 of the rest of the file. */
  readonly id: string;
  readonly kind: 'found' | 'construction';
  readonly claims: readonly ClaimReference[];
  /** The run, exactly: family and parameters, x0, ρ, η (or its rule), T, method. */
  readonly run: RunSpec;
  /** The card's constants when they differ from the card's own. */
  readonly constants?: Readonly<Record<string, NumberText>>;
  /** The decimal precision p of the verification (runs at p and 2p). */
  readonly arithmetic: { readonly backend: 'decimal'; readonly precision: number };
  /** How the search found it: fast-check's seed and path, and the number of runs asked for. */
  readonly search?: { readonly seed: number; readonly path: string; readonly runs: number };
  /** What was observed: the largest observed/bound, where, and how sure the verdict is. */
  readonly observed: { readonly ratio: string; readonly at: number; readonly level: Level };
}

export type CounterexampleContent = Omit<CounterexampleFile, 'format' | 'version' | 'id'>;

/** Writes a counterexample file into `folder` and returns its path; an identical file is left as it is. */
export function saveCounterexample(folder: string, content: CounterexampleContent): string {
  const body = { format: COUNTEREXAMPLE_FORMAT, version: COUNTEREXAMPLE_VERSION, ...content };
  const hash = createHash('sha256').update(canonicalJson(body)).digest('hex').slice(0, 12);
  const prefix = content.claims[0]?.card ?? 'case';
  const file: CounterexampleFile = { ...body, id: `${prefix}-${hash}` } as CounterexampleFile;
  mkdirSync(folder, { recursive: true });
  const target = join(folder, `${file.id}.json`);
  const temporary = join(folder, `.${file.id}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temporary, 'wx');
  try {
    writeSync(fd, `${JSON.stringify(file, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // The name is the hash of the content: the same counterexample is already saved.
  } finally {
    unlinkSync(temporary);
  }
  return target;
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
  field('kind', file?.kind === 'found' || file?.kind === 'construction', 'must be "found" or "construction"');
  field('claims', Array.isArray(file?.claims) && file.claims.length > 0 && file.claims.every((c) => typeof c?.card === 'string'), 'must be a non-empty list of { card, relation }');
  field('run', typeof file?.run === 'object' && file.run !== null && typeof file.run.function === 'object', 'must be a run spec with a function');
  field('arithmetic', file?.arithmetic?.backend === 'decimal' && Number.isInteger(file.arithmetic.precision), 'must be { backend: "decimal", precision }');
  field('observed', typeof file?.observed?.ratio === 'string', 'must hold the observed ratio');
  return file as CounterexampleFile;
}
