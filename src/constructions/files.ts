/**
 * Constructions as counterexample files, and their replay.
 *
 * A file stores each closed form evaluated at 100 digits. A deterministic construction states the
 * digits its run must share with each; the replay reruns the run at the file's precision and
 * compares, and when the file asks for it makes the run in interval arithmetic too (at twice the
 * precision): the replay is certified when every enclosure lies within the tolerance band
 * 10^-digits·|value| around its closed form. A stochastic construction states a statistical test
 * on the mean over its paths (an interval that must contain the value, or a lower bound that must
 * exceed it); its replay is statistical.
 */
import type { Backend } from '../arith/backend.js';
import { decimalBackend, MAX_DECIMAL_PRECISION } from '../arith/decimal.js';
import { agreedDigits } from '../arith/digits.js';
import { float64 } from '../arith/float64.js';
import { IndeterminateError, intervalBackend, type Interval } from '../arith/interval.js';
import { isStochasticSpec } from '../algorithms/case.js';
import type { Method } from '../algorithms/ascent.js';
import { methodOf } from '../algorithms/methods.js';
import { executeRun, type RunSpec } from '../algorithms/run-spec.js';
import { executeStochasticRun, type StochasticRunSpec } from '../algorithms/stochastic.js';
import type { ConstructionFile, CounterexampleContent, ExpectedValue, ObservedValue } from '../check/counterexamples.js';
import { InputError } from '../errors.js';
import { interval, lowerBound, type RunningMean } from '../stats/mean.js';
import { isStochasticConstruction, observeQuantity, type ConstructionCase, type Observable } from './construction.js';

const CLOSED_FORM_DIGITS = 100;

export function constructionContent(c: ConstructionCase): CounterexampleContent {
  const R = decimalBackend(CLOSED_FORM_DIGITS);
  const where = ({ quantity, coordinate, at }: Observable) => ({ quantity, ...(coordinate === undefined ? {} : { coordinate }), at });
  const expected: ExpectedValue[] = isStochasticConstruction(c)
    ? c.tests.map((e) => ({ ...where(e), formula: e.formula, value: R.toString(e.value(R)), test: e.test, level: e.level }))
    : c.expectations.map((e) => ({ ...where(e), formula: e.formula, value: R.toString(e.value(R)), digits: e.digits }));
  return {
    kind: 'construction',
    construction: c.construction,
    title: c.title,
    claims: c.tight.map((t) => ({ card: t.card, relation: 'tight' as const, constant: R.toString(t.constant(R)), formula: t.formula, robust: t.robust })),
    run: c.run,
    arithmetic: isStochasticConstruction(c) ? { backend: 'float64' } : { backend: 'decimal', precision: c.precision },
    certify: !isStochasticConstruction(c) && c.certify,
    expected,
    observed: isStochasticConstruction(c) ? testStatistically(c.run, expected) : observeAt(decimalBackend(c.precision), c.run, expected, methodOf('algorithm', c.run.algorithm, 'deterministic')),
  };
}

export interface ConstructionReplay {
  readonly reproduced: boolean;
  /** certified (intervals within tolerance too), verified (decimal run within tolerance) or statistical. */
  readonly level: 'certified' | 'verified' | 'statistical' | null;
  readonly observed: readonly ObservedValue[];
}

/** Reruns a construction file with its own method or, to test the replay, another one. */
export function replayConstruction(file: ConstructionFile, method?: Method): ConstructionReplay {
  if (isStochasticSpec(file.run)) {
    const observed = testStatistically(file.run, file.expected);
    const reproduced = observed.every((o) => 'passed' in o && o.passed);
    return { reproduced, level: reproduced ? 'statistical' : null, observed };
  }
  const run = file.run;
  const own = method ?? methodOf('algorithm', run.algorithm, 'deterministic');
  const observed = observeAt(decimalBackend(decimalPrecision(file)), run, file.expected, own);
  const reproduced = observed.every((o, i) => 'digits' in o && o.digits >= file.expected[i]!.digits!);
  if (!reproduced) return { reproduced, level: null, observed };
  return { reproduced, level: file.certify && enclosed(file, run, own) ? 'certified' : 'verified', observed };
}

function observeAt<T>(B: Backend<T>, run: RunSpec, expected: readonly ExpectedValue[], method: Method): ObservedValue[] {
  const { trajectory } = executeRun(B, run, method);
  return expected.map((e) => {
    const value = B.toString(observeQuantity(B, trajectory, e));
    return { value, digits: agreedDigits(value, e.value, B.precision) };
  });
}

/** Each expected value's test on the means over the run's paths (float64). */
function testStatistically(run: StochasticRunSpec, expected: readonly ExpectedValue[]): ObservedValue[] {
  const B = float64;
  const stochastic = executeStochasticRun(B, run, [...new Set(expected.map((e) => e.at))]);
  return expected.map((e) => {
    const stats = stochastic.at.get(e.at)!;
    const estimate: RunningMean<number> =
      e.quantity === 'x' ? stats.iterates[(e.coordinate ?? 1) - 1]! : e.quantity === 'gap' ? stats.gap : e.quantity === 'gradNormSq' ? stats.gradNormSq : stats.avgGradNormSq;
    const level = e.level ?? 0.99;
    const [low, high] = interval(B, estimate, level);
    const lower = lowerBound(B, estimate, 1 - level);
    const value = Number(e.value);
    const passed = e.test === 'interval' ? low <= value && value <= high : lower > value;
    return { mean: String(estimate.mean), lower: String(e.test === 'interval' ? low : lower), upper: String(high), passed };
  });
}

/**
 * Whether interval arithmetic puts every quantity within its tolerance band. Intervals run at twice
 * the file's precision: x − η∇f(x + ρu) widens an enclosure by 1 + ηβ per step where the exact map
 * contracts by |1 − ηβ| (intervals cannot see that x occurs twice), e.g. 53 digits over LB-D-SC's
 * 300 steps.
 */
function enclosed(file: ConstructionFile, run: RunSpec, method: Method): boolean {
  const I = intervalBackend(Math.min(2 * decimalPrecision(file), MAX_DECIMAL_PRECISION));
  let trajectory;
  try {
    trajectory = executeRun(I, run, method).trajectory;
  } catch (error) {
    if (error instanceof IndeterminateError) return false;
    throw error;
  }
  return file.expected.every((e) => withinBand(I, observeQuantity(I, trajectory, e), e));
}

function decimalPrecision(file: ConstructionFile): number {
  if (file.arithmetic.backend !== 'decimal') throw new InputError(`${file.id}: arithmetic`, file.arithmetic, 'must be decimal for a deterministic construction');
  return file.arithmetic.precision;
}

function withinBand(I: Backend<Interval>, enclosure: Interval, e: ExpectedValue): boolean {
  const value = I.fromString(e.value);
  const scale = value.lo.isZero() && value.hi.isZero() ? I.one : I.abs(value);
  const tolerance = I.mul(I.fromString(`1e-${e.digits}`), scale);
  // The band's ends are intervals too: take their inner sides, so the containment is proved.
  return enclosure.lo.gte(I.sub(value, tolerance).hi) && enclosure.hi.lte(I.add(value, tolerance).lo);
}
