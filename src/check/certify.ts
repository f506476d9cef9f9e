/**
 * Certification (DESIGN.md, "certified"): interval arithmetic encloses every margin
 * bound − observed of a run, and a run whose enclosures all lie on one side of 0 is proven to
 * hold (or to violate its bound).
 *
 * The enclosure of a run widens with every step (the wrapping effect), by how much depends on the
 * run, so the precision is not fixed in advance but climbs a ladder:
 *
 * 1. float64 intervals (interval64.ts, one ulp outward per operation), where the run loses few
 *    enough digits for 15 of them to leave a decision: a one-step lemma or a short run costs
 *    about ten float64 runs;
 * 2. decimal intervals at q = p + lost + 10 digits, `lost` being the digits the run at p lost
 *    against the run at 2p (the verification's own measurement). An interval run loses more, as
 *    a worst case of the same roundings: on D-NC's runs of seed 7, a 148-step cosine run that
 *    loses 11 digits at p = 40 keeps a margin 10^-14 wide relative to itself at 60 digits (46
 *    lost), a 64-step one that loses 13 keeps 10^-20 at 40; p = 40 digits on top of the loss
 *    cover both with room;
 *    for a run of 16 steps or more, raised to the loss its first quarter predicts (probeLoss: the
 *    enclosures' widths along the prefix, carried to T at the slope of its second half; on the
 *    148-step run above it predicts 44.6 digits where the whole run loses 46) plus the digits of
 *    the narrowest margin;
 * 3. when an attempt is too wide to decide, again at q plus the digits its widest undecided margin
 *    was short of (its enclosure's width against the margin's size in the run at 2p digits, since
 *    the midpoint of an enclosure much wider than its margin says nothing of it), or at twice the
 *    added digits when an order inside the run (‖g‖ against 0) could not be decided. At most three
 *    attempts, one for a run of fewer than 16 steps (what p + lost + 10 digits cannot decide there
 *    is an equality to the working precision); the climb stops when an enclosure already narrower
 *    than its margin's size still straddles 0, or is short by more digits than it had.
 *
 * An attempt is made only when its counted cost fits what is left of the case's budget: the run's
 * weighted operations (counting.ts) times (q/40)^1.5, measured as the growth of decimal interval
 * time with q on this suite's runs; all attempts together at most MAX_CERTIFICATION_UNITS. So runs
 * of any length are certified when their loss allows, and a budget of counts (never of time)
 * bounds what one case may cost.
 */
import { Decimal } from 'decimal.js';
import type { Backend } from '../arith/backend.js';
import { MAX_DECIMAL_PRECISION } from '../arith/decimal.js';
import { IndeterminateError, intervalBackend, type Interval } from '../arith/interval.js';
import { interval64, type Interval64 } from '../arith/interval64.js';
import { OverflowError } from '../errors.js';
import type { RunSpec } from '../algorithms/run-spec.js';
import type { Observation, RunCard, StepCard } from '../theorems/card.js';
import { observe, type ObserveOptions } from './observe.js';

/**
 * The most a case's certification may cost, over all its attempts, in weighted operations scaled by
 * (q/40)^1.5 (about 7 s on this suite's 2-core machine, at 40 digits): the 148-step cosine run of
 * the header costs 6.5·10^5. A case whose verification had a smaller budget (a shrink candidate's,
 * src/check/check-card.ts) has that smaller one here too.
 */
export const MAX_CERTIFICATION_UNITS = 1.5e6;

/** The most attempts in decimal intervals (each at a higher precision than the last). */
const MAX_ATTEMPTS = 3;

/** Guard digits above what an attempt is estimated to need. */
const GUARD = 10;

/** float64 intervals are tried when the run loses at most this many digits (of their 15). */
const INTERVAL64_MAX_LOST = 8;

export interface CertifyInput extends ObserveOptions {
  /** p: the verification's lower precision. */
  readonly precision: number;
  /** The run's weighted operations, counted once in float64 (counting.ts). */
  readonly units: number;
  /** Digits the run at p lost against the run at 2p (the verification's measurement; undefined when it did not agree). */
  readonly lost: number | undefined;
  /**
   * |bound − observed|/|bound| of each observation, from the run at 2p digits: how narrow each
   * margin's enclosure must get, so that a failed attempt says how many digits the next one needs
   * (an enclosure much wider than its margin has a midpoint that says nothing of it).
   */
  readonly margins?: readonly number[];
  /** The most all attempts together may cost (default and cap MAX_CERTIFICATION_UNITS). */
  readonly budget?: number;
}

export interface Certificate {
  /** true or false when intervals decide every margin; undefined when no affordable attempt could. */
  readonly holds: boolean | undefined;
  /** The arithmetic that decided it: 'interval64' or 'interval at q digits'. */
  readonly arithmetic?: string;
}

/** Whether a run's family has certificates exact in closed form (intervals prove nothing otherwise). */
export function hasClosedFormCertificates(spec: RunSpec): boolean {
  const fn = spec.function;
  return fn.family === 'cosine' || fn.family === 'piecewise-quadratic' || (fn.family === 'quadratic' && fn.eigenvalues !== undefined);
}

/** The certificate of a run, climbing the ladder of the header; undefined holds when none could decide. */
export function certify(card: StepCard | RunCard, spec: RunSpec, input: CertifyInput): Certificate {
  if (!hasClosedFormCertificates(spec)) return { holds: undefined };
  const lost = input.lost ?? input.precision;
  let left = Math.min(input.budget ?? MAX_CERTIFICATION_UNITS, MAX_CERTIFICATION_UNITS);
  // float64 intervals cost about a unit per counted operation (their exp, log, sin, cos go to decimal at 25 digits).
  if (lost <= INTERVAL64_MAX_LOST && input.units <= left) {
    left -= input.units;
    const fast = attempt(interval64, float64Ends, card, spec, input);
    if (fast.holds !== undefined) return { holds: fast.holds, arithmetic: 'interval64' };
  }
  let q = input.precision + lost + GUARD;
  if (card.scope === 'run' && spec.steps >= PROBE_STEPS) {
    const prefix = Math.ceil(spec.steps / 4);
    const cost = attemptCost((input.units * prefix) / spec.steps, q);
    if (cost > left) return { holds: undefined };
    left -= cost;
    const digitsLost = probeLoss(card, spec, prefix, input, q);
    if (digitsLost !== undefined) q = Math.max(q, Math.ceil(digitsLost + marginDigits(input.margins) + GUARD));
  }
  // A short run loses few digits: what p + lost + 10 cannot decide is an equality to the working
  // precision, and each attempt rebuilds the function in intervals (a rotated quadratic's
  // Q·Λ·Qᵀ at q digits is most of a lemma's certification), so it gets one attempt.
  const attempts = spec.steps >= PROBE_STEPS ? MAX_ATTEMPTS : 1;
  for (let i = 0; i < attempts && q <= MAX_DECIMAL_PRECISION && attemptCost(input.units, q) <= left; i++) {
    left -= attemptCost(input.units, q);
    const result = attempt(intervalBackend(q), decimalEnds, card, spec, input);
    if (result.holds !== undefined) return { holds: result.holds, arithmetic: `interval at ${q} digits` };
    // An exact 0 margin (the width never shrinks below the midpoint) cannot be decided at any precision.
    // So can a margin whose enclosure was already narrower than its size at 2p digits (that size was rounding).
    if (result.short === Infinity || (result.short !== undefined && result.short <= 0)) break;
    const next = result.short === undefined ? input.precision + 2 * (q - input.precision) : q + Math.ceil(result.short) + GUARD;
    // Short by more than the digits it had: an equality to the working precision (a margin of
    // 10^-80 at 2p digits is rounding), which more digits would chase without end.
    if (q === MAX_DECIMAL_PRECISION || next > 2 * q) break;
    q = Math.min(next, MAX_DECIMAL_PRECISION);
  }
  return { holds: undefined };
}

/** Runs at least this long are probed first (a run of a few steps is cheaper to attempt than to probe). */
const PROBE_STEPS = 16;

/**
 * How many digits the enclosure of the whole run will lose, predicted from its first `steps` (a
 * quarter) at q digits: at each horizon of the prefix, the widest of the enclosures of measure and bound relative
 * to the bound (what the margin bound − observed is measured against); the wrapping effect
 * compounds per step, so the loss grows about linearly with the horizon, and the slope between the
 * prefix's middle and its end carries it to T. Undefined when the prefix cannot be enclosed either.
 */
function probeLoss(card: RunCard, spec: RunSpec, steps: number, input: CertifyInput, q: number): number | undefined {
  const I = intervalBackend(q);
  let observations: Observation<Interval>[];
  try {
    observations = observe(I, card, { ...spec, steps }, input);
  } catch (error) {
    if (undecidable(error)) return undefined;
    throw error;
  }
  const lossAt = new Map<number, number>();
  for (const o of observations) {
    const size = Math.abs(I.toNumber(o.bound));
    if (!(size > 0 && Number.isFinite(size))) continue;
    const lost = q + Math.max(...[o.observed, o.bound].map((v) => decimalEnds.widthDigits(v, size)));
    lossAt.set(o.at, Math.max(lossAt.get(o.at) ?? -Infinity, lost));
  }
  const horizons = [...lossAt.keys()].sort((a, b) => a - b);
  if (horizons.length === 0) return undefined;
  const last = horizons[horizons.length - 1]!;
  const middle = horizons.find((t) => t >= last / 2) ?? last;
  const slope = middle < last ? (lossAt.get(last)! - lossAt.get(middle)!) / (last - middle) : lossAt.get(last)! / last;
  return lossAt.get(last)! + Math.max(0, slope) * (spec.steps - last);
}

/** The digits the narrowest margin needs on top of its bound's: −log10 of the smallest |bound − observed|/|bound|. */
function marginDigits(margins: readonly number[] | undefined): number {
  const positive = (margins ?? []).filter((m) => m > 0 && Number.isFinite(m));
  return positive.length === 0 ? 0 : Math.max(0, -Math.log10(Math.min(...positive)));
}

/** What an attempt in decimal intervals at q digits costs, in the units of the budget. */
export function attemptCost(units: number, q: number): number {
  return units * Math.max(1, q / 40) ** 1.5;
}

/**
 * How an interval backend's ends are read: the sign of each end, and log10(width/size), the size
 * being the margin's estimated magnitude (its midpoint's when none is known).
 */
export interface Ends<I> {
  readonly lowerNonNegative: (m: I) => boolean;
  readonly upperNegative: (m: I) => boolean;
  readonly widthDigits: (m: I, size: number | undefined) => number;
}

export const float64Ends: Ends<Interval64> = {
  lowerNonNegative: (m) => m.lo >= 0,
  upperNegative: (m) => m.hi < 0,
  widthDigits: (m, size) => Math.log10((m.hi - m.lo) / (size ?? Math.abs((m.hi + m.lo) / 2))),
};

export const decimalEnds: Ends<Interval> = {
  lowerNonNegative: (m) => m.lo.gte(0),
  upperNegative: (m) => m.hi.lt(0),
  widthDigits(m, size) {
    const reference = size === undefined ? m.lo.plus(m.hi).div(2).abs() : new Decimal(size);
    if (reference.isZero()) return Infinity;
    return m.hi.minus(m.lo).div(reference).log(10).toNumber();
  },
};

/**
 * One attempt in interval backend I: holds when it decides; otherwise `short`, the digits by which
 * the widest undecided margin was too wide (undefined when an order inside the run could not be decided).
 */
function attempt<I>(I: Backend<I>, ends: Ends<I>, card: StepCard | RunCard, spec: RunSpec, input: CertifyInput): { holds: boolean | undefined; short?: number } {
  let observations: Observation<I>[];
  try {
    observations = observe(I, card, spec, input);
  } catch (error) {
    if (undecidable(error)) return { holds: undefined };
    throw error;
  }
  const margins = observations.map((o) => I.sub(o.bound, o.observed));
  if (margins.every(ends.lowerNonNegative)) return { holds: true };
  if (margins.some(ends.upperNegative)) return { holds: false };
  const known = input.margins?.length === margins.length ? input.margins : undefined;
  const sizeOf = (i: number) => {
    const size = known === undefined ? 0 : known[i]! * Math.abs(I.toNumber(observations[i]!.bound));
    return size > 0 && Number.isFinite(size) ? size : undefined;
  };
  const short = margins.map((m, i) => (ends.lowerNonNegative(m) ? -Infinity : ends.widthDigits(m, sizeOf(i))));
  return { holds: undefined, short: Math.max(...short) };
}

/**
 * An error that says the attempt's arithmetic could not enclose the run (an order it could not
 * decide, or an end that left its range, as float64 intervals do on a run near float64's edge):
 * the attempt decides nothing, and the next rung, or none, is tried.
 */
function undecidable(error: unknown): boolean {
  return error instanceof IndeterminateError || error instanceof OverflowError;
}
