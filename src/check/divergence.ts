/**
 * Divergence as a finding (issue "Conjecture verdicts a researcher can trust", item 3): a run whose
 * float64 iterate overflows is not an error of the suite and must not drop out of a check. It is
 * rerun in decimal, whose exponent range holds what float64 cannot, up to the step where float64
 * overflowed; the run DIVERGES when there its iterate exceeds DIVERGENCE_GROWTH times the scale of
 * its start (max(1, ‖x0‖, ‖x*‖)). A diverging run falsifies a claim that the measure tends to 0, and
 * any bound that stays finite (the deterministic verdict compares the bound in decimal).
 *
 * For a stochastic run the path that overflowed is rerun alone (the first path+1 paths: streams are
 * per path, so path p is the same whatever N is). Its divergence falsifies a claim on expectations
 * too: the noise sequence that drove it has positive probability (an atom of a discrete law, or a
 * neighbourhood of it under a density, the finite-step map being continuous), and the measure on
 * it is beyond any bound the cards state.
 */
import { decimalBackend } from '../arith/decimal.js';
import { norm } from '../arith/vector.js';
import { isStochasticSpec, type CaseSpec } from '../algorithms/case.js';
import { executeRun, isStepSizeRule } from '../algorithms/run-spec.js';
import { executeStochasticRun } from '../algorithms/stochastic.js';
import { OverflowError } from '../errors.js';
import type { CaseVerdict } from './case-verdict.js';

/** How far past the scale of its start an iterate must go for a run to count as diverging. */
export const DIVERGENCE_GROWTH = 1e100;

export interface Divergence {
  /** The step at which float64 left its range. */
  readonly step: number;
  readonly diverged: boolean;
  /** One line: what diverged, where, how far. */
  readonly text: string;
}

/** Where a float64 run left its range: the step, and the path and horizon when the run was one of several. */
export interface Escape {
  readonly step: number;
  readonly path?: number;
  readonly horizon?: number;
}

/** Reruns in decimal at `precision` what left float64's range (or grew huge in it), and says whether it diverges. */
export function confirmDivergence(spec: CaseSpec, overflow: Escape, precision: number): Divergence {
  const B = decimalBackend(precision);
  const step = overflow.step;
  // The run that overflowed, up to the step where it did; when η follows a rule that depends on
  // the horizon (C4's η_T), the run to that horizon (what comes after the step is not computed).
  const steps = isStepSizeRule(spec.eta) && overflow.horizon !== undefined ? overflow.horizon : step;
  type Point = readonly ReturnType<typeof B.fromNumber>[];
  let x: Point;
  let x0: Point;
  let xStar: Point | undefined;
  const where = `x_${step}${overflow.path === undefined ? '' : ` of path ${overflow.path}`}`;
  try {
    if (isStochasticSpec(spec)) {
      const path = overflow.path ?? 0;
      const run = executeStochasticRun(B, { ...spec, steps, paths: Math.max(2, path + 1) }, [], path);
      x = run.path!.iterates[step]!;
      x0 = run.x0;
      xStar = run.f.certificate.xStar;
    } else {
      const run = executeRun(B, { ...spec, steps });
      x = run.trajectory.iterates[step]!;
      x0 = run.x0;
      xStar = run.f.certificate.xStar;
    }
  } catch (error) {
    // Past decimal.js's range (|x| > 1e9000000000000000: a run whose growth compounds, as
    // gradient descent on a quartic's does) nothing is left to measure: that is divergence.
    const beyond = asOverflow(error);
    if (beyond === undefined) throw error;
    return { step, diverged: true, text: `diverges: ${beyond.quantity} leaves even decimal.js's range (1e9e15) at ${precision} digits` };
  }
  const scale = B.max(B.one, B.max(norm(B, x0), xStar === undefined ? B.zero : norm(B, xStar)));
  const size = norm(B, x);
  const diverged = B.cmp(size, B.mul(B.fromNumber(DIVERGENCE_GROWTH), scale)) > 0;
  // A decimal's own exponential form: the size is often beyond float64's range.
  const sizeText = size.toExponential(3);
  return {
    step,
    diverged,
    text: diverged
      ? `diverges: ‖${where}‖ = ${sizeText} in decimal at ${precision} digits, more than ${DIVERGENCE_GROWTH.toExponential(0)} times the scale of the start`
      : `float64 overflowed at ${where}, but in decimal ‖${where}‖ = ${sizeText} stays within ${DIVERGENCE_GROWTH.toExponential(0)} times the scale of the start`,
  };
}

/** Where an overflow happened. */
export function escapeOf(overflow: OverflowError): Escape {
  return { step: overflow.step, ...overflow.where };
}

/** The OverflowError that `error` is, if it is one. */
export function asOverflow(error: unknown): OverflowError | undefined {
  return error instanceof OverflowError ? error : undefined;
}

/**
 * The verdict on a claim that a diverging run contradicts whatever its bound (a limit, or a bound
 * on an expectation): falsified, verified in decimal; undecided when decimal shows the overflow
 * was not divergence. With `screen` (fast-check shrinking), the overflow alone counts.
 */
export function divergenceVerdict(spec: CaseSpec, overflow: OverflowError, precision: number, screen: boolean): CaseVerdict {
  if (screen) return { holds: false, level: 'float', ratio: Infinity, ratioText: 'Infinity', at: overflow.step, reason: overflow.message };
  const divergence = confirmDivergence(spec, escapeOf(overflow), precision);
  return divergence.diverged
    ? { holds: false, level: 'verified', ratio: Infinity, ratioText: 'Infinity', at: divergence.step, reason: divergence.text }
    : { holds: undefined, level: 'undecided', ratio: NaN, ratioText: 'NaN', at: divergence.step, reason: divergence.text };
}
