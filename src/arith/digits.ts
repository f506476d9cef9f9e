/**
 * How many significant digits two computations of the same quantity share: the suite's measure
 * of digits lost to rounding, obtained by running the same thing at two precisions.
 */
import { Decimal } from 'decimal.js';

// Wide enough to subtract any two values of the supported backends exactly; the logarithm of the
// relative difference needs only a few digits (and decimal.js's ln is limited to about 1000).
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
  const relative = new Narrow(x.minus(y).abs().div(scale).toSignificantDigits(20));
  const digits = Math.floor(-relative.log(10).toNumber());
  return Math.max(0, Math.min(cap, digits));
}

/** The fewest digits shared by corresponding entries of two equally long lists. */
export function minAgreedDigits(as: readonly string[], bs: readonly string[], cap: number): number {
  if (as.length !== bs.length) throw new RangeError(`cannot compare ${as.length} values with ${bs.length}`);
  return as.reduce((fewest, a, i) => Math.min(fewest, agreedDigits(a, bs[i]!, cap)), cap);
}
