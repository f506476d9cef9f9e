/**
 * Float64 intervals with outward rounding (issue "Fast arithmetic tiers", item 2): each value is
 * an interval [lo, hi] of doubles that contains the exact result of the computation.
 *
 * +, −, ×, ÷ and √ are correctly rounded to nearest in IEEE 754, so the exact result lies within
 * half an ulp of the computed one: the computed ends are moved one ulp outward (nextDown, nextUp),
 * which contains it. exp, log, sin and cos have no correct rounding in JavaScript, so they are
 * delegated to the decimal interval backend (interval.ts) at 25 digits: each end is converted to
 * decimal exactly (a double is m·2^e, an exact decimal), enclosed there, and the enclosure is
 * rounded back to doubles and moved one ulp outward. An order that cannot be decided throws
 * IndeterminateError, as in interval.ts.
 */
import { DECIMAL_LITERAL, type Backend } from './backend.js';
import { IndeterminateError, intervalBackend, type Interval } from './interval.js';

export interface Interval64 {
  readonly lo: number;
  readonly hi: number;
}

const bits = new Float64Array(1);
const word = new BigInt64Array(bits.buffer);

/** The next double above x (x itself for +∞ and NaN). */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  bits[0] = x;
  word[0] = word[0]! + (x > 0 ? 1n : -1n);
  return bits[0]!;
}

/** The next double below x. */
export function nextDown(x: number): number {
  return -nextUp(-x);
}

/** The exact decimal value of a finite double. */
export function exactDecimal(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) <= 2 ** 53) return String(x);
  bits[0] = x;
  const raw = word[0]!;
  const negative = raw < 0n;
  const exponentBits = Number((raw >> 52n) & 0x7ffn);
  const fraction = raw & 0xfffffffffffffn;
  const mantissa = exponentBits === 0 ? fraction : fraction | (1n << 52n);
  const e = (exponentBits === 0 ? 1 : exponentBits) - 1075; // x = mantissa · 2^e
  if (e >= 0) return `${negative ? '-' : ''}${(mantissa << BigInt(e)).toString()}`;
  const digits = (mantissa * 5n ** BigInt(-e)).toString().padStart(-e + 1, '0');
  const fraction10 = digits.slice(digits.length + e).replace(/0+$/, '');
  return `${negative ? '-' : ''}${digits.slice(0, digits.length + e)}${fraction10 === '' ? '' : `.${fraction10}`}`;
}

const make = (lo: number, hi: number): Interval64 => ({ lo, hi });
const outward = (lo: number, hi: number): Interval64 => ({ lo: nextDown(lo), hi: nextUp(hi) });
/** A decimal literal's (or a double's shortest decimal string's) enclosure: exact for whole numbers up to 2^53. */
const around = (x: number): Interval64 => (Number.isInteger(x) && Math.abs(x) <= 2 ** 53 ? make(x, x) : outward(x, x));

const DELEGATE_DIGITS = 25;

/** f over [lo, hi] by the decimal interval backend, rounded back outward to doubles. */
function delegated(a: Interval64, f: (I: Backend<Interval>, x: Interval) => Interval): Interval64 {
  const I = intervalBackend(DELEGATE_DIGITS);
  if (!Number.isFinite(a.lo) || !Number.isFinite(a.hi)) throw new IndeterminateError('a transcendental function of an unbounded interval');
  const lo = I.fromString(exactDecimal(a.lo));
  const hi = I.fromString(exactDecimal(a.hi));
  const r = f(I, { lo: lo.lo, hi: hi.hi });
  return outward(r.lo.toNumber(), r.hi.toNumber());
}

function products(a: Interval64, b: Interval64, op: (x: number, y: number) => number): Interval64 {
  const p1 = op(a.lo, b.lo);
  const p2 = op(a.lo, b.hi);
  const p3 = op(a.hi, b.lo);
  const p4 = op(a.hi, b.hi);
  if ([p1, p2, p3, p4].some(Number.isNaN)) throw new IndeterminateError('0 · ∞ in an interval product');
  return outward(Math.min(p1, p2, p3, p4), Math.max(p1, p2, p3, p4));
}

const text = (a: Interval64) => (a.lo === a.hi ? String(a.lo) : `[${a.lo}, ${a.hi}]`);

export const interval64: Backend<Interval64> = Object.freeze({
  name: 'interval64',
  precision: 15,
  unitRoundoff: make(2 ** -53, 2 ** -53),
  zero: make(0, 0),
  one: make(1, 1),
  pi: outward(Math.PI, Math.PI),
  fromNumber: around,
  fromString(literal: string): Interval64 {
    if (!DECIMAL_LITERAL.test(literal)) throw new SyntaxError(`not a decimal literal: ${JSON.stringify(literal)}`);
    return around(Number(literal));
  },
  toString: text,
  toNumber: (a: Interval64) => (a.lo + a.hi) / 2,
  add: (a: Interval64, b: Interval64) => outward(a.lo + b.lo, a.hi + b.hi),
  sub: (a: Interval64, b: Interval64) => outward(a.lo - b.hi, a.hi - b.lo),
  mul: (a: Interval64, b: Interval64) => products(a, b, (x, y) => x * y),
  div(a: Interval64, b: Interval64): Interval64 {
    if (b.lo <= 0 && b.hi >= 0) throw new IndeterminateError('division by an interval that contains 0');
    return products(a, b, (x, y) => x / y);
  },
  neg: (a: Interval64) => make(-a.hi, -a.lo),
  abs(a: Interval64): Interval64 {
    if (a.lo >= 0) return a;
    if (a.hi <= 0) return make(-a.hi, -a.lo);
    return make(0, Math.max(-a.lo, a.hi));
  },
  sqrt(a: Interval64): Interval64 {
    if (a.hi < 0) throw new IndeterminateError('square root of a negative interval');
    return make(Math.max(0, nextDown(Math.sqrt(Math.max(a.lo, 0)))), nextUp(Math.sqrt(a.hi)));
  },
  exp: (a: Interval64) => delegated(a, (I, x) => I.exp(x)),
  log(a: Interval64): Interval64 {
    if (a.lo <= 0) throw new IndeterminateError('logarithm of an interval that reaches 0');
    return delegated(a, (I, x) => I.log(x));
  },
  sin: (a: Interval64) => delegated(a, (I, x) => I.sin(x)),
  cos: (a: Interval64) => delegated(a, (I, x) => I.cos(x)),
  cmp(a: Interval64, b: Interval64): -1 | 0 | 1 {
    if (a.hi < b.lo) return -1;
    if (a.lo > b.hi) return 1;
    if (a.lo === a.hi && b.lo === b.hi && a.lo === b.lo) return 0;
    throw new IndeterminateError(`the order of ${text(a)} and ${text(b)} is not decided`);
  },
  max: (a: Interval64, b: Interval64) => make(Math.max(a.lo, b.lo), Math.max(a.hi, b.hi)),
  min: (a: Interval64, b: Interval64) => make(Math.min(a.lo, b.lo), Math.min(a.hi, b.hi)),
  isFinite: (a: Interval64) => Number.isFinite(a.lo) && Number.isFinite(a.hi),
} satisfies Backend<Interval64>);
