/**
 * fast-check arbitraries of exact number texts. A generated number is a mantissa of a few digits
 * times a power of ten (or a fraction of two such), so that a shrunk counterexample reads like
 * "0.25" or "4/37.5" and means the same number in every backend.
 */
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import type { NumberText } from '../arith/literal.js';

const Text = Decimal.clone({ precision: 50, toExpNeg: -7, toExpPos: 21 });

/** The canonical decimal text of mantissa·10^exponent. */
export function scientificText(mantissa: number, exponent: number): NumberText {
  return new Text(`${mantissa}e${exponent}`).toString();
}

/** a·b and a + b of decimal texts, exactly (to 50 digits) and written canonically. */
export function timesText(a: string, b: string): NumberText {
  return new Text(a).times(b).toString();
}

export function plusText(a: string, b: string): NumberText {
  return new Text(a).plus(b).toString();
}

/** a·b for a decimal a and a number text b that may be a fraction (the result keeps the fraction). */
export function timesNumberText(a: string, b: NumberText): NumberText {
  const [numerator, denominator] = b.split('/');
  return denominator === undefined ? timesText(a, numerator!) : `${timesText(a, numerator!)}/${denominator}`;
}

/**
 * A positive number, log-uniform over [10^minExponent, 10^maxExponent) with `digits` significant
 * digits; shrinks towards 10^minExponent.
 */
export function arbPositive(minExponent: number, maxExponent: number, digits = 3): fc.Arbitrary<NumberText> {
  const low = 10 ** (digits - 1);
  return fc
    .tuple(fc.integer({ min: minExponent, max: maxExponent - 1 }), fc.integer({ min: low, max: 10 * low - 1 }))
    .map(([exponent, mantissa]) => scientificText(mantissa, exponent - digits + 1));
}

/** A number with |x| in [10^minExponent, 10^maxExponent) or 0, either sign; shrinks towards 0. */
export function arbSigned(minExponent: number, maxExponent: number, digits = 3): fc.Arbitrary<NumberText> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant('0') },
    { weight: 9, arbitrary: fc.tuple(fc.boolean(), arbPositive(minExponent, maxExponent, digits)).map(([negative, text]) => (negative ? `-${text}` : text)) },
  );
}

/** A fraction s in (0, 1] with `digits` decimals, 1 included on purpose (the edges of η ranges). */
export function arbUnitFraction(digits = 3): fc.Arbitrary<NumberText> {
  const scale = 10 ** digits;
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant('1') },
    { weight: 9, arbitrary: fc.integer({ min: 1, max: scale }).map((n) => scientificText(n, -digits)) },
  );
}
