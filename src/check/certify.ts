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
 * 3. when an attempt is too wide to decide, again at q plus the digits its widest undecided margin
 *    was short of (width relative to midpoint), or at twice the added digits when an order inside
 *    the run (‖g‖ against 0) could not be decided and no margin is known.
 *
 * An attempt is made only when its counted cost fits the case's budget: the run's weighted
 * operations (counting.ts) times (q/40)^1.5, measured as the growth of decimal interval time with
 * q on this suite's runs, at most MAX_CERTIFICATION_UNITS. So runs of any length are certified
 * when their loss allows, and a budget of counts (never of time) bounds what one case may cost.
 */
import type { Decimal } from 'decimal.js';
import type { Backend } from '../arith/backend.js';
import { MAX_DECIMAL_PRECISION } from '../arith/decimal.js';
import { IndeterminateError, intervalBackend, type Interval } from '../arith/interval.js';
import { interval64, type Interval64 } from '../arith/interval64.js';
import type { RunSpec } from '../algorithms/run-spec.js';
import type { RunCard, StepCard } from '../theorems/card.js';
import { observe, type ObserveOptions } from './observe.js';

/**
 * The most one certification attempt may cost, in weighted operations scaled by (q/40)^1.5: the
 * same count as the verification budget (verdict.ts, MAX_VERIFICATION_UNITS), so certifying a case
 * costs at most a few times what verifying it may.
 */
export const MAX_CERTIFICATION_UNITS = 3e6;

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
  if (lost <= INTERVAL64_MAX_LOST) {
    const fast = attempt(interval64, float64Ends, card, spec, input);
    if (fast.holds !== undefined) return { holds: fast.holds, arithmetic: 'interval64' };
  }
  let q = input.precision + lost + GUARD;
  for (let i = 0; i < MAX_ATTEMPTS && q <= MAX_DECIMAL_PRECISION && affordable(input.units, q); i++) {
    const result = attempt(intervalBackend(q), decimalEnds, card, spec, input);
    if (result.holds !== undefined) return { holds: result.holds, arithmetic: `interval at ${q} digits` };
    // An exact 0 margin (the width never shrinks below the midpoint) cannot be decided at any precision.
    if (result.short === Infinity) break;
    const next = result.short === undefined ? input.precision + 2 * (q - input.precision) : q + Math.ceil(result.short) + GUARD;
    if (q === MAX_DECIMAL_PRECISION) break;
    q = Math.min(next, MAX_DECIMAL_PRECISION);
  }
  return { holds: undefined };
}

/** Whether an attempt at q digits fits the budget of one case. */
export function affordable(units: number, q: number): boolean {
  return units * Math.max(1, q / 40) ** 1.5 <= MAX_CERTIFICATION_UNITS;
}

/** How an interval backend's ends are read: the sign of each end, and log10(width/|midpoint|). */
interface Ends<I> {
  readonly lowerNonNegative: (m: I) => boolean;
  readonly upperNegative: (m: I) => boolean;
  readonly relativeWidthDigits: (m: I) => number;
}

const float64Ends: Ends<Interval64> = {
  lowerNonNegative: (m) => m.lo >= 0,
  upperNegative: (m) => m.hi < 0,
  relativeWidthDigits: (m) => Math.log10((m.hi - m.lo) / Math.abs((m.hi + m.lo) / 2)),
};

const decimalEnds: Ends<Interval> = {
  lowerNonNegative: (m) => m.lo.gte(0),
  upperNegative: (m) => m.hi.lt(0),
  relativeWidthDigits: (m) => relativeDigits(m.hi.minus(m.lo), m.lo.plus(m.hi).div(2).abs()),
};

function relativeDigits(width: Decimal, midpoint: Decimal): number {
  if (midpoint.isZero()) return Infinity;
  return width.div(midpoint).log(10).toNumber();
}

/**
 * One attempt in interval backend I: holds when it decides; otherwise `short`, the digits by which
 * the widest undecided margin was too wide (undefined when an order inside the run could not be decided).
 */
function attempt<I>(I: Backend<I>, ends: Ends<I>, card: StepCard | RunCard, spec: RunSpec, options: ObserveOptions): { holds: boolean | undefined; short?: number } {
  let margins: I[];
  try {
    margins = observe(I, card, spec, options).map((o) => I.sub(o.bound, o.observed));
  } catch (error) {
    if (error instanceof IndeterminateError) return { holds: undefined };
    throw error;
  }
  if (margins.every(ends.lowerNonNegative)) return { holds: true };
  if (margins.some(ends.upperNegative)) return { holds: false };
  const undecided = margins.filter((m) => !ends.lowerNonNegative(m));
  return { holds: undefined, short: Math.max(...undecided.map((m) => ends.relativeWidthDigits(m))) };
}
