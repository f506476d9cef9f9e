/**
 * The interval backend: every value is an interval [lo, hi] of decimal.js numbers at a chosen
 * precision that contains the exact result of the computation, so a comparison that the interval
 * decides is a proof (DESIGN.md, "certified").
 *
 * Rounding: +, −, ×, ÷ and √ are correctly rounded by decimal.js in the rounding mode of their
 * constructor, so lower ends use a ROUND_FLOOR clone and upper ends a ROUND_CEIL clone. exp, ln,
 * sin and cos are documented to be within one ulp: they are computed to nearest at p + 5 digits,
 * widened by one ulp at that precision, then rounded outward to p digits. Where an order cannot be
 * decided (overlapping intervals, a divisor interval containing 0) the backend throws
 * `IndeterminateError`: the computation cannot be certified at this precision.
 *
 * decimal.js's static Decimal.min/max round to the global constructor's precision, so only the
 * directed clones' own statics are used here.
 */
import { Decimal } from 'decimal.js';
import { DECIMAL_LITERAL, type Backend } from './backend.js';
import { perPrecision } from './decimal.js';
import { NumericalError } from '../errors.js';

export interface Interval {
  readonly lo: Decimal;
  readonly hi: Decimal;
}

export class IndeterminateError extends NumericalError {
  constructor(what: string) {
    super(`cannot be certified: ${what}`);
    this.name = 'IndeterminateError';
  }
}

const GUARD_DIGITS = 5;

/** Below this radius cos and sin of an interval take the centered form (one evaluation, see trig). */
const CENTERED_RADIUS = 1e-8;

/** The fewest digits at which a centered cos or sin evaluates its midpoint. */
const MIN_TRIG_DIGITS = 20;

/** 1 when every point of a is >= 0, −1 when every point is <= 0 (and not all 0), 0 when a holds both signs. */
function sign(a: Interval): -1 | 0 | 1 {
  if (a.lo.gte(0)) return 1;
  if (a.hi.lte(0)) return -1;
  return 0;
}

/** The interval backend at `precision` significant digits. */
export const intervalBackend = perPrecision(makeIntervalBackend);

export function width(a: Interval): Decimal {
  return a.hi.minus(a.lo);
}

function makeIntervalBackend(p: number): Backend<Interval> {
  const config = { precision: p, toExpNeg: -7, toExpPos: 21 };
  const Down = Decimal.clone({ ...config, rounding: Decimal.ROUND_FLOOR });
  const Up = Decimal.clone({ ...config, rounding: Decimal.ROUND_CEIL });
  const Near = Decimal.clone({ ...config, precision: p + GUARD_DIGITS, rounding: Decimal.ROUND_HALF_EVEN });
  const thin = (v: Decimal.Value): Interval => ({ lo: Down.add(v, 0), hi: Up.add(v, 0) });
  const make = (lo: Decimal, hi: Decimal): Interval => ({ lo, hi });

  /** An enclosure of a value known to within one ulp at `digits` (p + GUARD_DIGITS unless fewer were asked for). */
  const aroundNear = (v: Decimal, digits = p + GUARD_DIGITS): { lo: Decimal; hi: Decimal } => {
    if (v.isZero()) return { lo: Down.sub(0, new Near(`1e${Near.minE}`)), hi: Up.add(0, new Near(`1e${Near.minE}`)) };
    const ulp = new Near(`1e${v.e - digits + 1}`);
    return { lo: Down.sub(v, ulp), hi: Up.add(v, ulp) };
  };
  /** Round-to-nearest constructors at fewer digits than Near, for values an interval's width makes approximate anyway. */
  const nearAt = new Map<number, Decimal.Constructor>();
  const nearWith = (digits: number): Decimal.Constructor => {
    let N = nearAt.get(digits);
    if (N === undefined) nearAt.set(digits, (N = Decimal.clone({ ...config, precision: digits, rounding: Decimal.ROUND_HALF_EVEN })));
    return N;
  };
  const monotone = (f: (x: Decimal) => Decimal, a: Interval): Interval =>
    make(aroundNear(f(new Near(a.lo))).lo, aroundNear(f(new Near(a.hi))).hi);

  const piNear = Near.acos(-1);
  const pi = make(aroundNear(piNear).lo, aroundNear(piNear).hi);

  /**
   * cos or sin over an interval. A narrow one (the runs of a certificate: radius r below
   * CENTERED_RADIUS) gets the centered form f(m) ± (r·|f′(m)| + r²/2), Taylor's theorem with
   * |f″| <= 1, from one evaluation at the midpoint m where the ends' form needs two; |f′(m)| enters
   * only as an upper bound, so float64 gives it (its error, under 10^-15·(1 + |m|), is added).
   * A wide one gets the ends' enclosures, widened to ±1 wherever the interval may contain a
   * critical point offset + kπ (where the function is +1 for even k, −1 for odd k).
   */
  const trig = (f: (x: Decimal) => Decimal, derivative: (x: number) => number, a: Interval, offset: Decimal): Interval => {
    const whole = make(new Down(-1), new Up(1));
    // A period or more, or arguments too large to count multiples of π in float64: all of [−1, 1].
    if (Up.sub(a.hi, a.lo).gte(Down.mul(2, pi.lo)) || a.lo.abs().gt(1e15) || a.hi.abs().gt(1e15)) return whole;
    const middle = Near.add(a.lo, a.hi).div(2);
    const radius = Up.max(Up.sub(a.hi, middle), Up.sub(middle, a.lo));
    if (radius.lt(CENTERED_RADIUS)) {
      const m = middle.toNumber();
      const slope = Math.min(1, Math.abs(derivative(m)) + 1e-15 * (1 + Math.abs(m)));
      const reach = Up.add(Up.mul(radius, slope), Up.mul(radius, radius).div(2));
      // f(m) to an ulp below a 10^-5 part of the reach (|f(m)| <= 1, so digits bound its absolute
      // error): the enclosures of a long run widen step by step, and past its first steps they
      // need far fewer digits of f(m) than the interval's ends carry.
      const r = radius.toNumber();
      const digits = Math.min(p + GUARD_DIGITS, Math.max(MIN_TRIG_DIGITS, Math.ceil(6 - Math.log10(r * Math.max(slope, r)))));
      const at = aroundNear(f(new (nearWith(digits))(middle)), digits);
      return make(Down.max(Down.sub(at.lo, reach), -1), Up.min(Up.add(at.hi, reach), 1));
    }
    const ends = [aroundNear(f(new Near(a.lo))), aroundNear(f(new Near(a.hi)))];
    let lo = Down.min(ends[0]!.lo, ends[1]!.lo);
    let hi = Up.max(ends[0]!.hi, ends[1]!.hi);
    const first = Near.div(Near.sub(a.lo, offset), piNear).floor().toNumber() - 1;
    const last = Near.div(Near.sub(a.hi, offset), piNear).ceil().toNumber() + 1;
    for (let k = first; k <= last; k++) {
      // Enclosure of offset + kπ.
      const lowPoint = Down.add(offset, k >= 0 ? Down.mul(k, pi.lo) : Down.mul(k, pi.hi));
      const highPoint = Up.add(offset, k >= 0 ? Up.mul(k, pi.hi) : Up.mul(k, pi.lo));
      if (highPoint.lt(a.lo) || lowPoint.gt(a.hi)) continue;
      if (k % 2 === 0) hi = new Up(1);
      else lo = new Down(-1);
    }
    return make(Down.max(lo, -1), Up.min(hi, 1));
  };

  /**
   * a × b from the two corners the operands' signs select (Moore's nine cases): each end is the
   * directed rounding of the corner that is exactly the extreme, so the result is the same as the
   * min and max over all four corners, at a quarter of the products where no operand contains 0.
   */
  const mul = (a: Interval, b: Interval): Interval => {
    const x = sign(a);
    const y = sign(b);
    if (x > 0 && y > 0) return make(Down.mul(a.lo, b.lo), Up.mul(a.hi, b.hi));
    if (x > 0 && y < 0) return make(Down.mul(a.hi, b.lo), Up.mul(a.lo, b.hi));
    if (x < 0 && y > 0) return make(Down.mul(a.lo, b.hi), Up.mul(a.hi, b.lo));
    if (x < 0 && y < 0) return make(Down.mul(a.hi, b.hi), Up.mul(a.lo, b.lo));
    if (x === 0 && y > 0) return make(Down.mul(a.lo, b.hi), Up.mul(a.hi, b.hi));
    if (x === 0 && y < 0) return make(Down.mul(a.hi, b.lo), Up.mul(a.lo, b.lo));
    if (x > 0) return make(Down.mul(a.hi, b.lo), Up.mul(a.hi, b.hi));
    if (x < 0) return make(Down.mul(a.lo, b.hi), Up.mul(a.lo, b.lo));
    return make(Down.min(Down.mul(a.lo, b.hi), Down.mul(a.hi, b.lo)), Up.max(Up.mul(a.lo, b.lo), Up.mul(a.hi, b.hi)));
  };

  /** a ÷ b for a divisor that excludes 0 (the caller checks): the corners the signs select, as for ×. */
  const div = (a: Interval, b: Interval): Interval => {
    const x = sign(a);
    if (b.lo.gt(0)) {
      if (x > 0) return make(Down.div(a.lo, b.hi), Up.div(a.hi, b.lo));
      if (x < 0) return make(Down.div(a.lo, b.lo), Up.div(a.hi, b.hi));
      return make(Down.div(a.lo, b.lo), Up.div(a.hi, b.lo));
    }
    if (x > 0) return make(Down.div(a.hi, b.hi), Up.div(a.lo, b.lo));
    if (x < 0) return make(Down.div(a.hi, b.lo), Up.div(a.lo, b.hi));
    return make(Down.div(a.hi, b.hi), Up.div(a.lo, b.hi));
  };

  return Object.freeze({
    name: 'interval',
    precision: p,
    unitRoundoff: thin(`5e-${p}`),
    zero: thin(0),
    one: thin(1),
    pi,
    fromNumber: (x: number) => thin(String(x)),
    fromString(text: string): Interval {
      if (!DECIMAL_LITERAL.test(text)) throw new SyntaxError(`not a decimal literal: ${JSON.stringify(text)}`);
      return thin(text);
    },
    toString: (a: Interval) => (a.lo.eq(a.hi) ? a.lo.toString() : `[${a.lo.toString()}, ${a.hi.toString()}]`),
    toNumber: (a: Interval) => a.lo.plus(a.hi).div(2).toNumber(),
    add: (a: Interval, b: Interval) => make(Down.add(a.lo, b.lo), Up.add(a.hi, b.hi)),
    sub: (a: Interval, b: Interval) => make(Down.sub(a.lo, b.hi), Up.sub(a.hi, b.lo)),
    mul,
    div(a: Interval, b: Interval): Interval {
      if (b.lo.lte(0) && b.hi.gte(0)) throw new IndeterminateError('division by an interval that contains 0');
      return div(a, b);
    },
    neg: (a: Interval) => make(a.hi.neg(), a.lo.neg()),
    abs(a: Interval): Interval {
      if (a.lo.gte(0)) return a;
      if (a.hi.lte(0)) return make(a.hi.neg(), a.lo.neg());
      return make(new Down(0), Up.max(a.lo.neg(), a.hi));
    },
    sqrt(a: Interval): Interval {
      if (a.hi.lt(0)) throw new IndeterminateError('square root of a negative interval');
      return make(Down.sqrt(Down.max(a.lo, 0)), Up.sqrt(a.hi));
    },
    exp: (a: Interval) => monotone((x) => x.exp(), a),
    log(a: Interval): Interval {
      if (a.lo.lte(0)) throw new IndeterminateError('logarithm of an interval that reaches 0');
      return monotone((x) => x.ln(), a);
    },
    // cos is +1 at 2kπ and −1 at (2k+1)π; sin is +1 at π/2 + 2kπ and −1 at π/2 + (2k+1)π.
    cos: (a: Interval) => trig((x) => x.cos(), Math.sin, a, new Near(0)),
    sin: (a: Interval) => trig((x) => x.sin(), Math.cos, a, piNear.div(2)),
    cmp(a: Interval, b: Interval): -1 | 0 | 1 {
      if (a.hi.lt(b.lo)) return -1;
      if (a.lo.gt(b.hi)) return 1;
      if (a.lo.eq(a.hi) && b.lo.eq(b.hi) && a.lo.eq(b.lo)) return 0;
      throw new IndeterminateError(`the order of ${intervalText(a)} and ${intervalText(b)} is not decided`);
    },
    max: (a: Interval, b: Interval) => make(Down.max(a.lo, b.lo), Up.max(a.hi, b.hi)),
    min: (a: Interval, b: Interval) => make(Down.min(a.lo, b.lo), Up.min(a.hi, b.hi)),
    isFinite: (a: Interval) => a.lo.isFinite() && a.hi.isFinite(),
  } satisfies Backend<Interval>);
}

function intervalText(a: Interval): string {
  return `[${a.lo.toSignificantDigits(6).toString()}, ${a.hi.toSignificantDigits(6).toString()}]`;
}
