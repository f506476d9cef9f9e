/**
 * The decimal backend: decimal.js at a chosen number of significant digits.
 *
 * Each precision gets its own `Decimal.clone`, so the global Decimal configuration is never read
 * or written and backends at different precisions never interfere. Every operation rounds to the
 * backend's precision with round-half-even.
 *
 * decimal.js stores pi and ln(10) to 1025 digits, which bounds the precision of its trigonometric
 * and logarithmic functions; hence the upper limit on precision below.
 */
import { Decimal } from 'decimal.js';
import { DECIMAL_LITERAL, type Backend } from './backend.js';
import { InputError } from '../errors.js';

export const MIN_DECIMAL_PRECISION = 10;
export const MAX_DECIMAL_PRECISION = 1000;

/** A backend factory that checks the precision and makes one shared instance per precision. */
export function perPrecision<T>(make: (precision: number) => Backend<T>): (precision: number) => Backend<T> {
  const made = new Map<number, Backend<T>>();
  return (precision) => {
    validatePrecision(precision);
    let backend = made.get(precision);
    if (backend === undefined) {
      backend = make(precision);
      made.set(precision, backend);
    }
    return backend;
  };
}

/** The decimal backend at `precision` significant digits. */
export const decimalBackend = perPrecision(makeDecimalBackend);

export function validatePrecision(precision: unknown, field = 'precision'): asserts precision is number {
  if (
    typeof precision !== 'number' ||
    !Number.isInteger(precision) ||
    precision < MIN_DECIMAL_PRECISION ||
    precision > MAX_DECIMAL_PRECISION
  ) {
    throw new InputError(
      field,
      precision,
      `must be a whole number of significant digits from ${MIN_DECIMAL_PRECISION} to ${MAX_DECIMAL_PRECISION}`,
    );
  }
}

function makeDecimalBackend(precision: number): Backend<Decimal> {
  const D = Decimal.clone({
    precision,
    rounding: Decimal.ROUND_HALF_EVEN,
    toExpNeg: -7,
    toExpPos: 21,
  });
  const compare = (a: Decimal, b: Decimal): -1 | 0 | 1 => {
    const c = a.cmp(b);
    if (Number.isNaN(c)) throw new RangeError('cannot compare NaN');
    return c as -1 | 0 | 1;
  };
  return Object.freeze({
    name: 'decimal',
    precision,
    unitRoundoff: new D(`5e-${precision}`),
    zero: new D(0),
    one: new D(1),
    pi: D.acos(-1),
    fromNumber: (x: number) => new D(x).toSignificantDigits(precision),
    fromString(text: string): Decimal {
      if (!DECIMAL_LITERAL.test(text)) throw new SyntaxError(`not a decimal literal: ${JSON.stringify(text)}`);
      // The constructor keeps every digit it is given; round so that all values obey the precision.
      return new D(text).toSignificantDigits(precision);
    },
    toString: (a: Decimal) => (a.isZero() ? '0' : a.toString()),
    toNumber: (a: Decimal) => a.toNumber(),
    add: (a: Decimal, b: Decimal) => a.plus(b),
    sub: (a: Decimal, b: Decimal) => a.minus(b),
    mul: (a: Decimal, b: Decimal) => a.times(b),
    div: (a: Decimal, b: Decimal) => a.div(b),
    neg: (a: Decimal) => a.neg(),
    abs: (a: Decimal) => a.abs(),
    sqrt: (a: Decimal) => a.sqrt(),
    exp: (a: Decimal) => a.exp(),
    log: (a: Decimal) => a.ln(),
    sin: (a: Decimal) => a.sin(),
    cos: (a: Decimal) => a.cos(),
    cmp: compare,
    max: (a: Decimal, b: Decimal) => (compare(a, b) >= 0 ? a : b),
    min: (a: Decimal, b: Decimal) => (compare(a, b) <= 0 ? a : b),
    isFinite: (a: Decimal) => a.isFinite(),
  } satisfies Backend<Decimal>);
}
