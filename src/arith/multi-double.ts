/**
 * The Backend of a multi-word float (double-double, quad-double) from its word arithmetic: the
 * comparisons, the decimal strings, exp/log/sin/cos (elementary.ts) and the vector kernels are
 * written here once for both.
 *
 * Strings in and out go through decimal.js, exactly: a literal is split into words by repeated
 * correctly rounded conversion to double and exact subtraction (at precision + 20 digits; a short
 * literal is one exact-operand operation instead, see fromShortLiteral), and a
 * value prints as the exact sum of its words rounded to precision + 4 significant digits, so that
 * reading it back gives the same value to within one unit roundoff.
 */
import { Decimal } from 'decimal.js';
import { DECIMAL_LITERAL, type Backend, type BackendName } from './backend.js';
import { elementaryFunctions } from './elementary.js';
import { kernelsOver, type VectorKernels } from './kernels.js';

export interface WordArithmetic<T> {
  readonly name: BackendName;
  /** Decimal digits the tier carries (documented; checked by multi-double.test.ts). */
  readonly precision: number;
  /** Relative error bound of one +, −, ×, ÷ (documented; checked by multi-double.test.ts). */
  readonly unitRoundoff: number;
  readonly words: number;
  /** Newton steps of log from the double logarithm (each doubles the bits). */
  readonly newtonSteps: number;
  fromDouble(x: number): T;
  /** A value from doubles ordered by decreasing magnitude. */
  fromWords(words: readonly number[]): T;
  wordsOf(x: T): readonly number[];
  /** The largest word: its sign is the value's, and it is 0 only for 0. */
  lead(x: T): number;
  /** Kernels of the tier's own that replace the generic ones over its operations. */
  readonly kernels?: Partial<VectorKernels<T>>;
  toDouble(x: T): number;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  neg(a: T): T;
  sqrt(a: T): T;
}

const SHORT_LITERAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** A double's value in decimal, to 100 digits (far below every tier's unit roundoff). */
function decimalOfDouble(D: typeof Decimal, x: number): Decimal {
  return new D(Number.isFinite(x) && x !== 0 ? x.toPrecision(100) : x);
}

export function multiDoubleBackend<T>(a: WordArithmetic<T>): Backend<T> {
  const D = Decimal.clone({ precision: a.precision + 20, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -7, toExpPos: 21 });

  const fromDecimal = (d: Decimal): T => {
    if (!d.isFinite()) return a.fromDouble(d.toNumber());
    const words: number[] = [];
    let rest = d;
    for (let i = 0; i < a.words && !rest.isZero(); i++) {
      const w = Number(rest.toString());
      words.push(w);
      rest = rest.minus(decimalOfDouble(D, w));
    }
    return a.fromWords(words.length === 0 ? [0] : words);
  };
  const toDecimal = (x: T): Decimal => a.wordsOf(x).reduce((s, w) => s.plus(decimalOfDouble(D, w)), new D(0));
  const fromString = (text: string): T => {
    if (!DECIMAL_LITERAL.test(text)) throw new SyntaxError(`not a decimal literal: ${JSON.stringify(text)}`);
    return fromShortLiteral(text) ?? fromDecimal(new D(text));
  };
  /**
   * A literal of at most 15 significant digits m·10^e with |e| <= 22 is one operation on two exact
   * doubles, m × 10^e or m / 10^-e, so within one unit roundoff, without decimal.js (the parse
   * that dominated short runs: a rotation's random entries, "0.1", "0.05").
   */
  const fromShortLiteral = (text: string): T | undefined => {
    const match = SHORT_LITERAL.exec(text);
    if (match === null) return undefined;
    const [, sign, whole, fraction = '', exponent = '0'] = match;
    const digits = (whole! + fraction).replace(/^0+/, '');
    if (digits.length > 15) return undefined;
    const m = Number(`${sign}${digits || '0'}`);
    const e = Number(exponent) - fraction.length;
    if (e >= 0 && e <= 22) return a.mul(a.fromDouble(m), a.fromDouble(10 ** e));
    if (e < 0 && e >= -22) return a.div(a.fromDouble(m), a.fromDouble(10 ** -e));
    return undefined;
  };
  const fromNumber = (x: number): T => (Number.isInteger(x) && Math.abs(x) <= 2 ** 53) || !Number.isFinite(x) ? a.fromDouble(x) : fromString(String(x));

  const cmp = (x: T, y: T): -1 | 0 | 1 => {
    const u = a.lead(x);
    const v = a.lead(y);
    if (Number.isNaN(u) || Number.isNaN(v)) throw new RangeError('cannot compare NaN');
    if (u === v && !Number.isFinite(u)) return 0;
    // Leading words far apart decide; otherwise the sign of the (accurate) difference.
    const gap = u - v;
    if (Math.abs(gap) > 1e-12 * Math.max(Math.abs(u), Math.abs(v))) return gap < 0 ? -1 : 1;
    const d = a.lead(a.sub(x, y));
    return d < 0 ? -1 : d > 0 ? 1 : 0;
  };
  const zero = a.fromDouble(0);
  const one = a.fromDouble(1);
  const reference = Decimal.clone({ precision: a.precision + 40 });
  const constant = (d: Decimal) => fromDecimal(new D(d.toString()));
  const pi = constant(reference.acos(-1));
  const elementary = elementaryFunctions(
    { add: a.add, sub: a.sub, mul: a.mul, div: a.div, neg: a.neg, toNumber: a.toDouble, zero, one },
    { ln2: constant(reference.ln(2)), halfPi: constant(reference.acos(-1).div(2)), roundoff: a.unitRoundoff / 4, newtonSteps: a.newtonSteps, exact: a.fromDouble },
  );

  return Object.freeze({
    name: a.name,
    precision: a.precision,
    unitRoundoff: a.fromDouble(a.unitRoundoff),
    zero,
    one,
    pi,
    fromNumber,
    fromString,
    toString(x: T): string {
      const d = toDecimal(x);
      if (d.isZero()) return '0';
      return d.isFinite() ? d.toSignificantDigits(a.precision + 4).toString() : d.toString();
    },
    toNumber: a.toDouble,
    add: a.add,
    sub: a.sub,
    mul: a.mul,
    div: a.div,
    neg: a.neg,
    abs: (x: T) => (a.lead(x) < 0 ? a.neg(x) : x),
    sqrt: a.sqrt,
    ...elementary,
    cmp,
    max: (x: T, y: T) => (cmp(x, y) >= 0 ? x : y),
    min: (x: T, y: T) => (cmp(x, y) <= 0 ? x : y),
    isFinite: (x: T) => Number.isFinite(a.toDouble(x)),
    vector: { ...kernelsOver(zero, a.add, a.sub, a.mul), ...a.kernels },
  } satisfies Backend<T>);
}
