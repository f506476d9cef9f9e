/**
 * How many significant digits two computations of the same quantity share: the suite's measure
 * of digits lost to rounding, obtained by running the same thing at two precisions.
 */
import { Decimal } from 'decimal.js';

// Wide enough to subtract any two values of the supported backends exactly; the ratio and its
// logarithm need only a few digits (and decimal.js's ln is limited to about 1000 digits).
const Wide = Decimal.clone({ precision: 2100, rounding: Decimal.ROUND_HALF_EVEN });
const Narrow = Decimal.clone({ precision: 20, rounding: Decimal.ROUND_HALF_EVEN });

/**
 * floor(-log10(|a - b| / max(|a|, |b|))), clamped to [0, cap]; `cap` when a and b are equal.
 * Both are number strings (as the backends print them). A value that is 0 in one run and not in
 * the other shares no digits.
 */
export function agreedDigits(a: string, b: string, cap: number): number {
  const x = new Wide(a);
  const y = new Wide(b);
  if (x.eq(y)) return cap;
  const scale = Wide.max(x.abs(), y.abs());
  return digitsOf(narrow(x.minus(y).abs()).div(narrow(scale)), cap);
}

/**
 * The digits two vectors share normwise: floor(-log10(‖a − b‖ / max(‖a‖, ‖b‖))), clamped to
 * [0, cap]. A coordinate that is 0 in exact arithmetic carries rounding noise in both, so no
 * coordinatewise measure could credit it; the normwise one does.
 */
export function agreedDigitsNormwise(a: readonly string[], b: readonly string[], cap: number): number {
  if (a.length !== b.length) throw new RangeError(`cannot compare ${a.length} values with ${b.length}`);
  const x = a.map((v) => new Wide(v));
  const y = b.map((v) => new Wide(v));
  const normSq = (v: readonly Decimal[]) => v.reduce((s, vi) => s.plus(vi.times(vi)), new Wide(0));
  const differenceSq = normSq(x.map((xi, i) => xi.minus(y[i]!)));
  if (differenceSq.isZero()) return cap;
  const relative = narrow(differenceSq).div(narrow(Wide.max(normSq(x), normSq(y)))).sqrt();
  return digitsOf(relative, cap);
}

/** A few digits of a wide value: enough for the logarithm of a relative difference. */
function narrow(value: Decimal): Decimal {
  return new Narrow(value.toSignificantDigits(20));
}

function digitsOf(relative: Decimal, cap: number): number {
  const digits = Math.floor(-relative.log(10).toNumber());
  return Math.max(0, Math.min(cap, digits));
}

/** The fewest digits shared by corresponding entries of two equally long lists. */
export function minAgreedDigits(as: readonly string[], bs: readonly string[], cap: number): number {
  if (as.length !== bs.length) throw new RangeError(`cannot compare ${as.length} values with ${bs.length}`);
  return as.reduce((fewest, a, i) => Math.min(fewest, agreedDigits(a, bs[i]!, cap)), cap);
}
