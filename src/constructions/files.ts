/**
 * Constructions as counterexample files, and their replay.
 *
 * A file stores each closed form evaluated at 100 digits and the digits the run must share with
 * it. The replay reruns the file's run at the file's precision and compares; when the file asks
 * for it, the run is also made in interval arithmetic (at twice the precision), and the replay is
 * certified when every enclosure lies within the tolerance band 10^-digits·|value| around its
 * closed form.
 */
import type { Backend } from '../arith/backend.js';
import { decimalBackend, MAX_DECIMAL_PRECISION } from '../arith/decimal.js';
import { agreedDigits } from '../arith/digits.js';
import { IndeterminateError, intervalBackend, type Interval } from '../arith/interval.js';
import { METHODS, type Method } from '../algorithms/ascent.js';
import { executeRun } from '../algorithms/run-spec.js';
import type { ConstructionFile, CounterexampleContent, ExpectedValue } from '../check/counterexamples.js';
import { observeQuantity, type ConstructionCase } from './construction.js';

const CLOSED_FORM_DIGITS = 100;

export function constructionContent(c: ConstructionCase): CounterexampleContent {
  const R = decimalBackend(CLOSED_FORM_DIGITS);
  const expected: ExpectedValue[] = c.expectations.map(({ quantity, coordinate, at, formula, digits, value }) => ({
    quantity,
    ...(coordinate === undefined ? {} : { coordinate }),
    at,
    formula,
    value: R.toString(value(R)),
    digits,
  }));
  return {
    kind: 'construction',
    construction: c.construction,
    title: c.title,
    claims: c.tight.map((t) => ({ card: t.card, relation: 'tight' as const, constant: R.toString(t.constant(R)), formula: t.formula, robust: t.robust })),
    run: c.run,
    arithmetic: { backend: 'decimal', precision: c.precision },
    certify: c.certify,
    expected,
    observed: observeAt(decimalBackend(c.precision), c.run, expected, METHODS[c.run.algorithm]),
  };
}

export interface ConstructionReplay {
  readonly reproduced: boolean;
  /** certified when the interval enclosures are within tolerance too; verified when the decimal run is. */
  readonly level: 'certified' | 'verified' | null;
  readonly observed: readonly { readonly value: string; readonly digits: number }[];
}

/** Reruns a construction file with its own method or, to test the replay, another one. */
export function replayConstruction(file: ConstructionFile, method: Method = METHODS[file.run.algorithm]): ConstructionReplay {
  const p = file.arithmetic.precision;
  const observed = observeAt(decimalBackend(p), file.run, file.expected, method);
  const reproduced = observed.every((o, i) => o.digits >= file.expected[i]!.digits);
  if (!reproduced) return { reproduced, level: null, observed };
  return { reproduced, level: file.certify && enclosed(file, method) ? 'certified' : 'verified', observed };
}

function observeAt<T>(B: Backend<T>, run: ConstructionFile['run'], expected: readonly ExpectedValue[], method: Method) {
  const { trajectory } = executeRun(B, run, method);
  return expected.map((e) => {
    const value = B.toString(observeQuantity(B, trajectory, e));
    return { value, digits: agreedDigits(value, e.value, B.precision) };
  });
}

/**
 * Whether interval arithmetic puts every quantity within its tolerance band. Intervals run at twice
 * the file's precision: x − η∇f(x + ρu) widens an enclosure by 1 + ηβ per step where the exact map
 * contracts by |1 − ηβ| (intervals cannot see that x occurs twice), e.g. 53 digits over LB-D-SC's
 * 300 steps.
 */
function enclosed(file: ConstructionFile, method: Method): boolean {
  const I = intervalBackend(Math.min(2 * file.arithmetic.precision, MAX_DECIMAL_PRECISION));
  let trajectory;
  try {
    trajectory = executeRun(I, file.run, method).trajectory;
  } catch (error) {
    if (error instanceof IndeterminateError) return false;
    throw error;
  }
  return file.expected.every((e) => withinBand(I, observeQuantity(I, trajectory, e), e));
}

function withinBand(I: Backend<Interval>, enclosure: Interval, e: ExpectedValue): boolean {
  const value = I.fromString(e.value);
  const scale = value.lo.isZero() && value.hi.isZero() ? I.one : I.abs(value);
  const tolerance = I.mul(I.fromString(`1e-${e.digits}`), scale);
  // The band's ends are intervals too: take their inner sides, so the containment is proved.
  return enclosure.lo.gte(I.sub(value, tolerance).hi) && enclosure.hi.lte(I.add(value, tolerance).lo);
}
