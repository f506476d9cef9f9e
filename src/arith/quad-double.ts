/**
 * Quad-double arithmetic: a value is an unevaluated sum a0 + a1 + a2 + a3 of four doubles, largest
 * first and non-overlapping, carrying about 4 × 53 = 212 bits (63 decimal digits). No maintained npm
 * package provides quad-double (the `double-double` package stops at two words), so the layer is
 * written here from the error-free transformations of error-free.ts, after Hida, Li and Bailey,
 * "Algorithms for quad-double precision floating point arithmetic" (ARITH-15, 2001), with one
 * change that trades a few flops for robustness: every operation collects the exact (or
 * u^4-accurate) partial terms, largest first, and one `renormalize` (VecSum followed by
 * VecSumErrBranch, Joldes, Muller and Popescu, "Tight and rigorous error bounds for basic building
 * blocks of double-word arithmetic", and CAMPARY's renormalization) rounds them to four words.
 *
 * Accuracy, as checked against decimal.js at 200 digits by src/arith/multi-double.test.ts on random
 * operands, cancelling sums included: +, −, ×, ÷ and √ have relative error below 2^-205
 * (≈ 1.9·10^-62). This is a tested bound, not a proven one. The addition keeps every input word before rounding, so its error is
 * relative to the result (as IEEE's), not to the operands as in QD's "sloppy" add.
 */
import type { Backend } from './backend.js';
import { ERR, quickTwoSum, twoProd, twoSum } from './error-free.js';
import { multiDoubleBackend } from './multi-double.js';

export type QuadDouble = readonly [number, number, number, number];

const scratch = new Float64Array(16);
const spread = new Float64Array(16);
const magnitude = new Float64Array(16);

/**
 * Four non-overlapping words for the sum of scratch[0..n). The terms are sorted by decreasing
 * magnitude first (an insertion sort: the callers' lists are nearly sorted, but a word of an
 * operand that is itself a short expansion can put a small product early), which is what makes
 * VecSum's errors decrease and VecSumErrBranch's words non-overlapping.
 */
function renormalize(n: number): QuadDouble {
  for (let i = 0; i < n; i++) magnitude[i] = Math.abs(scratch[i]!);
  for (let i = 1; i < n; i++) {
    const m = magnitude[i]!;
    if (magnitude[i - 1]! >= m) continue;
    const v = scratch[i]!;
    let j = i - 1;
    while (j >= 0 && magnitude[j]! < m) {
      scratch[j + 1] = scratch[j]!;
      magnitude[j + 1] = magnitude[j]!;
      j--;
    }
    scratch[j + 1] = v;
    magnitude[j + 1] = m;
  }
  // VecSum, bottom up: spread[0] + ... + spread[n−1] equals the input's sum exactly.
  let s = scratch[n - 1]!;
  for (let i = n - 2; i >= 0; i--) {
    s = twoSum(scratch[i]!, s);
    spread[i + 1] = ERR.value;
  }
  spread[0] = s;
  // VecSumErrBranch: emit a word whenever the running sum leaves an error behind.
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  let w3 = 0;
  let count = 0;
  let acc = spread[0]!;
  for (let i = 1; i < n; i++) {
    const hi = twoSum(acc, spread[i]!);
    const lo = ERR.value;
    if (lo === 0) {
      acc = hi;
      continue;
    }
    if (count === 0) w0 = hi;
    else if (count === 1) w1 = hi;
    else if (count === 2) w2 = hi;
    else {
      // Four words are out: what is left lies below the last word's ulp and is folded into it.
      let rest = lo;
      for (let j = i + 1; j < n; j++) rest += spread[j]!;
      w3 = hi + rest;
      return [w0, w1, w2, w3];
    }
    count++;
    acc = lo;
  }
  if (count === 0) w0 = acc;
  else if (count === 1) w1 = acc;
  else if (count === 2) w2 = acc;
  else w3 = acc;
  return [w0, w1, w2, w3];
}

export const QD_ZERO: QuadDouble = [0, 0, 0, 0];

export function qdFromDouble(x: number): QuadDouble {
  return [x, 0, 0, 0];
}

/** The four words of a list of doubles ordered by decreasing magnitude (e.g. parsed from a string). */
export function qdFromWords(words: readonly number[]): QuadDouble {
  words.forEach((w, i) => (scratch[i] = w));
  return renormalize(words.length);
}

export function qdNeg(a: QuadDouble): QuadDouble {
  return [-a[0], -a[1], -a[2], -a[3]];
}

/** a + b: the eight words, rounded once. */
export function qdAdd(a: QuadDouble, b: QuadDouble): QuadDouble {
  // Interleaved, so that the list is nearly sorted by magnitude when a and b are alike.
  scratch[0] = a[0];
  scratch[1] = b[0];
  scratch[2] = a[1];
  scratch[3] = b[1];
  scratch[4] = a[2];
  scratch[5] = b[2];
  scratch[6] = a[3];
  scratch[7] = b[3];
  return renormalize(8);
}

export function qdSub(a: QuadDouble, b: QuadDouble): QuadDouble {
  return qdAdd(a, qdNeg(b));
}

/**
 * a × b: the products a_i·b_j with i + j <= 2 exactly (TwoProduct), those with i + j = 3 and the
 * errors of the i + j = 2 products in double (they are O(u^3) of the result, so their rounding is
 * O(u^4)), and the i + j = 4 products as one double; the rest lies below 2^-260 of the result.
 */
export function qdMul(a: QuadDouble, b: QuadDouble): QuadDouble {
  const [a0, a1, a2, a3] = a;
  const [b0, b1, b2, b3] = b;
  scratch[0] = twoProd(a0, b0);
  scratch[3] = ERR.value;
  scratch[1] = twoProd(a0, b1);
  scratch[7] = ERR.value;
  scratch[2] = twoProd(a1, b0);
  scratch[8] = ERR.value;
  scratch[4] = twoProd(a0, b2);
  let third = ERR.value;
  scratch[5] = twoProd(a1, b1);
  third += ERR.value;
  scratch[6] = twoProd(a2, b0);
  third += ERR.value;
  scratch[9] = third + a0 * b3 + a1 * b2 + a2 * b1 + a3 * b0;
  scratch[10] = a1 * b3 + a2 * b2 + a3 * b1;
  return renormalize(11);
}

/** a × d for a double d: the four products exactly. */
export function qdMulDouble(a: QuadDouble, d: number): QuadDouble {
  scratch[0] = twoProd(a[0], d);
  scratch[2] = ERR.value;
  scratch[1] = twoProd(a[1], d);
  scratch[4] = ERR.value;
  scratch[3] = twoProd(a[2], d);
  scratch[6] = ERR.value;
  scratch[5] = twoProd(a[3], d);
  scratch[7] = ERR.value;
  return renormalize(8);
}

/** a / b by long division: five double quotient digits, each from the remainder so far. */
export function qdDiv(a: QuadDouble, b: QuadDouble): QuadDouble {
  const b0 = b[0];
  const q0 = a[0] / b0;
  let r = qdSub(a, qdMulDouble(b, q0));
  const q1 = r[0] / b0;
  r = qdSub(r, qdMulDouble(b, q1));
  const q2 = r[0] / b0;
  r = qdSub(r, qdMulDouble(b, q2));
  const q3 = r[0] / b0;
  r = qdSub(r, qdMulDouble(b, q3));
  const q4 = r[0] / b0;
  if (!Number.isFinite(q0)) return [q0, 0, 0, 0];
  scratch[0] = q0;
  scratch[1] = q1;
  scratch[2] = q2;
  scratch[3] = q3;
  scratch[4] = q4;
  return renormalize(5);
}

/** √a by Newton's iteration y ← y + (a − y²)/(2y) from the double square root: 53 → 106 → 212 bits. */
export function qdSqrt(a: QuadDouble): QuadDouble {
  if (a[0] === 0) return QD_ZERO;
  if (!(a[0] > 0)) return [NaN, 0, 0, 0];
  if (a[0] === Infinity) return [Infinity, 0, 0, 0];
  let y: QuadDouble = [Math.sqrt(a[0]), 0, 0, 0];
  for (let k = 0; k < 2; k++) y = qdAdd(y, qdMulDouble(qdDiv(qdSub(a, qdMul(y, y)), y), 0.5));
  return y;
}

/** The value rounded to a double (the leading word, corrected by the next). */
export function qdToDouble(a: QuadDouble): number {
  return quickTwoSum(a[0], a[1] + a[2] + a[3]);
}

export const QD_DIGITS = 62;

let shared: Backend<QuadDouble> | undefined;
/** The quad-double backend (one shared instance); its unit roundoff is the documented 2^-205. */
export function quadDoubleBackend(): Backend<QuadDouble> {
  return (shared ??= multiDoubleBackend<QuadDouble>({
    name: 'qd',
    precision: QD_DIGITS,
    unitRoundoff: 2 ** -205,
    words: 4,
    newtonSteps: 3,
    fromDouble: qdFromDouble,
    fromWords: qdFromWords,
    wordsOf: (x) => x,
    lead: (x) => x[0],
    toDouble: qdToDouble,
    add: qdAdd,
    sub: qdSub,
    mul: qdMul,
    div: qdDiv,
    neg: qdNeg,
    sqrt: qdSqrt,
  }));
}
