/**
 * The horizons a run at p digits can judge (issue "Verdict power": no inconclusive verdict on a
 * true bound). A bound that decays geometrically, max{(1 − ημ)², (1 − ηβ)²}^T·Δ0 on GD, is 10^-313
 * of Δ0 at T = 1798 when ηβ = 1.82; the measure it bounds, f(x_T) − f*, is a difference of two
 * values of f, which p digits know to about 10^-p of their size. Past the horizon where the bound
 * falls below that, no run at p digits can say whether the measure is below it: p and 2p digits
 * disagree on rounding noise, the case is undecided, and a true textbook bound reads
 * "inconclusive" (power seeds 5, 9, 15, 17, 18 and 19 of GD-SC-contraction).
 *
 * So a case that p and 2p digits cannot decide whole (verdict.ts) is judged again on the horizons
 * p digits resolve, leaving out the others; a case decided whole is never cut. Which observations
 * p digits cannot resolve is measured, not guessed: the run again in double-double (about 31
 * digits, some 4 times float64's cost) gives float64's error on each measure, E = |float64 −
 * double-double|. An observation is beyond the resolution of p digits when:
 * - float64 could not decide it (a violation, or a margin not clear against the moved start's);
 * - float64 sees only noise there: double-double's measure is at most 10^-12 of E (float64 has no
 *   digit of it, and double-double sees little more). A measure double-double sees, a floor that
 *   a false claim dropped (10^-4 against a bound of 10^-50), is a value: it is always judged;
 * - and its bound is at least 0 and below E·10^(16 − p + RESOLUTION_GUARD): p digits carry about
 *   10^(16 − p) of float64's error, and the bound must clear that by RESOLUTION_GUARD digits for p
 *   and 2p to agree on the margin. (A bound of 0 there underflowed float64.)
 * It is then not judged at p digits; the verdict says so (`beyondResolution`) with the digits that
 * would judge it, and the check's line repeats it. What this can hide: a violation by a measure
 * that double-double cannot see (below about 10^-12 of float64's error) where the bound is below
 * what p digits resolve. The model is conservative where a measure's error shrinks faster than the
 * digits grow (½(x − c)ᵀA(x − c) loses twice the digits of x − c): horizons p digits could have
 * judged may be left out, never the reverse.
 */
import type { RunSpec } from '../algorithms/run-spec.js';
import { doubleDoubleBackend } from '../arith/double-double.js';
import type { Observation, RunCard, StepCard } from '../theorems/card.js';
import type { BeyondResolution } from './case-verdict.js';
import { asOverflow } from './divergence.js';
import { observe, type ObserveOptions } from './observe.js';

/** Digits kept between the bound and the noise of p digits, so that p and 2p agree on 2 or more digits of the margin. */
export const RESOLUTION_GUARD = 6;
/** float64's digits: p digits carry about 10^(FLOAT_DIGITS − p) of its error. */
const FLOAT_DIGITS = 16;
/** A double-double measure at most this fraction of float64's error there is noise to both. */
const UNSEEN = 1e-12;

/**
 * Which float64 observations of `spec` p digits cannot judge (see above), and what they amount
 * to; `unclear[i]` says whether float64 could not decide observation i. The double-double run is
 * made only when some observation could be such (its bound far below its float64 measure).
 */
export function beyondResolution(card: StepCard | RunCard, spec: RunSpec, options: ObserveOptions, fast: readonly Observation<number>[], unclear: readonly boolean[], p: number): { beyond: boolean[]; skipped?: BeyondResolution } {
  const none = { beyond: fast.map(() => false) };
  const depth = 10 ** (FLOAT_DIGITS - p + RESOLUTION_GUARD);
  // E <= |float64| + |double-double| <= 2·|float64| wherever double-double's measure is unseen.
  const candidate = fast.map((o, i) => unclear[i]! && o.observed !== 0 && o.bound >= 0 && o.bound < 2 * Math.abs(o.observed) * depth);
  if (!candidate.some(Boolean)) return none;
  const dd = doubleDoubleBackend();
  let precise: Observation<number>[];
  try {
    precise = observe(dd, card, spec, options).map((o) => ({ observed: dd.toNumber(o.observed), bound: dd.toNumber(o.bound), at: o.at }));
  } catch (error) {
    if (asOverflow(error) !== undefined) return none;
    throw error;
  }
  if (precise.length !== fast.length) return none;
  const error = fast.map((o, i) => Math.abs(o.observed - precise[i]!.observed));
  const beyond = fast.map((o, i) => candidate[i]! && Math.abs(precise[i]!.observed) <= UNSEEN * error[i]! && o.bound < error[i]! * depth);
  const skipped = fast.flatMap((o, i) => (beyond[i] ? [{ at: o.at, bound: o.bound, error: error[i]! }] : []));
  if (skipped.length === 0) return none;
  // The digits at which the deepest of them clears p's error by the guard; a bound that underflowed
  // float64 (0 there) is taken at float64's smallest subnormal, and the digits are then a floor.
  const depthOf = (o: (typeof skipped)[number]) => Math.ceil(Math.log10(o.error / Math.max(o.bound, Number.MIN_VALUE)));
  const digits = skipped.reduce((d, o) => Math.max(d, depthOf(o)), -Infinity) + FLOAT_DIGITS + RESOLUTION_GUARD;
  return { beyond, skipped: { horizons: skipped.length, from: skipped[0]!.at, digits, ...(skipped.some((o) => o.bound === 0) ? { atLeast: true as const } : {}) } };
}
