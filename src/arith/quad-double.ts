/**
 * Quad-double arithmetic: a value is an unevaluated sum a0 + a1 + a2 + a3 of four doubles, largest
 * first and non-overlapping, carrying about 4 × 53 = 212 bits (63 decimal digits). No maintained npm
 * package provides quad-double (the `double-double` package stops at two words), so the layer is
 * written here from the error-free transformations of error-free.ts, after Hida, Li and Bailey,
 * "Algorithms for quad-double precision floating point arithmetic" (ARITH-15, 2001), with one
 * change that trades a few flops for robustness: every operation collects the exact (or
 * u^4-accurate) partial terms and one `renormalize` (VecSum followed by VecSumErrBranch, Joldes,
 * Muller and Popescu, "Tight and rigorous error bounds for basic building blocks of double-word
 * arithmetic", and CAMPARY's renormalization) rounds them to four words. Products (× and the dot
 * kernel, qdDot) sum their terms level by level, error-free, before that one rounding; a division
 * subtracts each quotient digit's product from the remainder in one rounding.
 *
 * Accuracy, as checked against decimal.js at 200 digits by src/arith/multi-double.test.ts on random
 * operands, cancelling sums included: +, −, ×, ÷ and √ have relative error below 2^-205
 * (≈ 1.9·10^-62). This is a tested bound, not a proven one. The addition keeps every input word
 * before rounding, so its error is relative to the result (as IEEE's), not to the operands as in
 * QD's "sloppy" add. The vector kernels' bounds are stated at qdDot and qdUnitVector and checked by
 * src/arith/kernels.test.ts.
 */
import type { Backend } from './backend.js';
import { ERR, quickTwoSum, SPLITTER, twoProd } from './error-free.js';
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
  return roundSorted(n);
}

/** renormalize for terms already in decreasing magnitude. */
function roundSorted(n: number): QuadDouble {
  // VecSum, bottom up: spread[0] + ... + spread[n−1] equals the input's sum exactly.
  // (TwoSum written out here and below: this is every operation's hot path.)
  let s = scratch[n - 1]!;
  for (let i = n - 2; i >= 0; i--) {
    const a = scratch[i]!;
    const sum = a + s;
    const bb = sum - a;
    spread[i + 1] = a - (sum - bb) + (s - bb);
    s = sum;
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
    const b = spread[i]!;
    const hi = acc + b;
    const bb = hi - acc;
    const lo = acc - (hi - bb) + (b - bb);
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
const QD_ONE: QuadDouble = [1, 0, 0, 0];
const QD_MINUS_ONE: QuadDouble = [-1, 0, 0, 0];

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

/**
 * a + b: the eight words, rounded once. Every value of this module has its words in decreasing
 * magnitude (renormalize makes them so), so merging the two lists sorts the eight.
 */
export function qdAdd(a: QuadDouble, b: QuadDouble): QuadDouble {
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < 4 && j < 4) scratch[k++] = Math.abs(a[i]!) >= Math.abs(b[j]!) ? a[i++]! : b[j++]!;
  while (i < 4) scratch[k++] = a[i++]!;
  while (j < 4) scratch[k++] = b[j++]!;
  return roundSorted(8);
}

export function qdSub(a: QuadDouble, b: QuadDouble): QuadDouble {
  return qdAdd(a, qdNeg(b));
}

/** a × b: qdDot of one term (the products by level, summed error-free level by level, rounded once). */
export function qdMul(a: QuadDouble, b: QuadDouble): QuadDouble {
  return qdDot([a], [b]);
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

/** r − q·b for a double q: r's words and the four products q·b_k exactly, rounded once. */
function qdSubMulDouble(r: QuadDouble, q: number, b: QuadDouble): QuadDouble {
  scratch[0] = r[0];
  scratch[1] = -twoProd(q, b[0]);
  scratch[2] = -ERR.value;
  scratch[3] = r[1];
  scratch[4] = -twoProd(q, b[1]);
  scratch[5] = -ERR.value;
  scratch[6] = r[2];
  scratch[7] = -twoProd(q, b[2]);
  scratch[8] = -ERR.value;
  scratch[9] = r[3];
  scratch[10] = -twoProd(q, b[3]);
  scratch[11] = -ERR.value;
  return renormalize(12);
}

/** a / b by long division: five double quotient digits, each from the remainder so far (r ← r − q_k·b, rounded once per digit). */
export function qdDiv(a: QuadDouble, b: QuadDouble): QuadDouble {
  const b0 = b[0];
  const q0 = a[0] / b0;
  let r = qdSubMulDouble(a, q0, b);
  const q1 = r[0] / b0;
  r = qdSubMulDouble(r, q1, b);
  const q2 = r[0] / b0;
  r = qdSubMulDouble(r, q2, b);
  const q3 = r[0] / b0;
  r = qdSubMulDouble(r, q3, b);
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

/**
 * Σ x_i·y_i, fused: no quad-double is formed per product or partial sum. Each product's terms
 * a_k·b_l are computed as qdMul's are (TwoProduct for k + l <= 2, plain products for k + l = 3
 * and 4, the rest, below 2^-260 of the product, dropped) and added into four running sums by
 * level: s0 collects the leading products, s1 the level-1 terms and the errors of s0's additions,
 * s2 likewise one level down, each addition error-free (TwoSum) with its error passed to the next
 * level, and s3 sums plainly what reaches it. One renormalization at the end.
 *
 * So the only roundings are s3's plain additions (terms of order u³·|x_i·y_i|, u = 2^-53), the
 * dropped products and the final rounding: the error is at most 2^-205·|result| + 32·n·u⁴·Σ|x_i·y_i|
 * (u⁴ = 2^-212), the order of what the loop of qdMul and qdAdd guarantees (n roundings of 2^-205
 * relative to partial sums bounded by Σ|x_i·y_i|), at a sixth of its cost. kernels.test.ts checks
 * the bound on random vectors, cancelling ones included.
 */
export function qdDot(x: readonly QuadDouble[], y: readonly QuadDouble[]): QuadDouble {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!;
    const b = y[i]!;
    const a0 = a[0];
    const a1 = a[1];
    const a2 = a[2];
    const a3 = a[3];
    const b0 = b[0];
    const b1 = b[1];
    const b2 = b[2];
    const b3 = b[3];
    // Veltkamp halves of the words that enter a TwoProduct.
    let t = SPLITTER * a0;
    const a0h = t - (t - a0);
    const a0l = a0 - a0h;
    t = SPLITTER * a1;
    const a1h = t - (t - a1);
    const a1l = a1 - a1h;
    t = SPLITTER * a2;
    const a2h = t - (t - a2);
    const a2l = a2 - a2h;
    t = SPLITTER * b0;
    const b0h = t - (t - b0);
    const b0l = b0 - b0h;
    t = SPLITTER * b1;
    const b1h = t - (t - b1);
    const b1l = b1 - b1h;
    t = SPLITTER * b2;
    const b2h = t - (t - b2);
    const b2l = b2 - b2h;
    // Level 0: a0·b0 = p00 + e00 exactly.
    const p00 = a0 * b0;
    const e00 = a0h * b0h - p00 + a0h * b0l + a0l * b0h + a0l * b0l;
    // Level 1.
    const p01 = a0 * b1;
    const e01 = a0h * b1h - p01 + a0h * b1l + a0l * b1h + a0l * b1l;
    const p10 = a1 * b0;
    const e10 = a1h * b0h - p10 + a1h * b0l + a1l * b0h + a1l * b0l;
    // Level 2.
    const p02 = a0 * b2;
    const e02 = a0h * b2h - p02 + a0h * b2l + a0l * b2h + a0l * b2l;
    const p11 = a1 * b1;
    const e11 = a1h * b1h - p11 + a1h * b1l + a1l * b1h + a1l * b1l;
    const p20 = a2 * b0;
    const e20 = a2h * b0h - p20 + a2h * b0l + a2l * b0h + a2l * b0l;
    // Levels 3 and 4, plainly.
    s3 += e02 + e11 + e20 + (a0 * b3 + a1 * b2 + a2 * b1 + a3 * b0) + (a1 * b3 + a2 * b2 + a3 * b1);
    // s0 += p00, its error to level 1 (TwoSum written out: this loop is the hot path of a qd run).
    let s = s0 + p00;
    let v = s - s0;
    const c0 = s0 - (s - v) + (p00 - v);
    s0 = s;
    // s1 += c0, e00, p01, p10; each error to level 2.
    s = s1 + c0;
    v = s - s1;
    const c1 = s1 - (s - v) + (c0 - v);
    s1 = s;
    s = s1 + e00;
    v = s - s1;
    const c2 = s1 - (s - v) + (e00 - v);
    s1 = s;
    s = s1 + p01;
    v = s - s1;
    const c3 = s1 - (s - v) + (p01 - v);
    s1 = s;
    s = s1 + p10;
    v = s - s1;
    const c4 = s1 - (s - v) + (p10 - v);
    s1 = s;
    // s2 += c1..c4, e01, e10, p02, p11, p20; each error to level 3.
    let r = 0;
    s = s2 + c1;
    v = s - s2;
    r += s2 - (s - v) + (c1 - v);
    s2 = s;
    s = s2 + c2;
    v = s - s2;
    r += s2 - (s - v) + (c2 - v);
    s2 = s;
    s = s2 + c3;
    v = s - s2;
    r += s2 - (s - v) + (c3 - v);
    s2 = s;
    s = s2 + c4;
    v = s - s2;
    r += s2 - (s - v) + (c4 - v);
    s2 = s;
    s = s2 + e01;
    v = s - s2;
    r += s2 - (s - v) + (e01 - v);
    s2 = s;
    s = s2 + e10;
    v = s - s2;
    r += s2 - (s - v) + (e10 - v);
    s2 = s;
    s = s2 + p02;
    v = s - s2;
    r += s2 - (s - v) + (p02 - v);
    s2 = s;
    s = s2 + p11;
    v = s - s2;
    r += s2 - (s - v) + (p11 - v);
    s2 = s;
    s = s2 + p20;
    v = s - s2;
    r += s2 - (s - v) + (p20 - v);
    s2 = s;
    s3 += r;
  }
  scratch[0] = s0;
  scratch[1] = s1;
  scratch[2] = s2;
  scratch[3] = s3;
  return renormalize(4);
}

/**
 * x/‖x‖ (undefined when x = 0) as vector.ts's unitVector forms it, v = x/|x_j| for an entry of
 * largest magnitude with v_j = ±1 exactly, then v/‖v‖, but with each of the two divisions made
 * once, as a reciprocal, and the entries multiplied by it: 2 long divisions and 2d products in
 * place of 2d divisions (a division costs five products; this was the largest share of a qd SAM
 * step). Each entry is then within 4·2^-205 of x_i/‖x‖ relative, plus √'s error, where the
 * entry-by-entry divisions are within 2·2^-205 (kernels.test.ts checks it against decimal.js).
 */
export function qdUnitVector(x: readonly QuadDouble[]): QuadDouble[] | undefined {
  let j = 0;
  for (let i = 0; i < x.length; i++) {
    // As the backend's cmp: no order, no direction.
    if (Number.isNaN(x[i]![0])) throw new RangeError('cannot compare NaN');
    const lead = Math.abs(x[i]![0]);
    const best = Math.abs(x[j]![0]);
    if (lead > best || (lead === best && i > j && qdMagnitudeExceeds(x[i]!, x[j]!))) j = i;
  }
  const pivot = x[j]!;
  if (pivot[0] === 0) return undefined;
  const positive = pivot[0] > 0;
  const inverseScale = qdDiv(QD_ONE, positive ? pivot : qdNeg(pivot));
  const scaled = x.map((xi, i) => (i === j ? (positive ? QD_ONE : QD_MINUS_ONE) : qdMul(xi, inverseScale)));
  const inverseLength = qdDiv(QD_ONE, qdSqrt(qdDot(scaled, scaled)));
  return scaled.map((si) => qdMul(si, inverseLength));
}

/** |a| > |b| for values whose leading words have equal magnitude (the next words decide). */
function qdMagnitudeExceeds(a: QuadDouble, b: QuadDouble): boolean {
  const sa = a[0] < 0 ? -1 : 1;
  const sb = b[0] < 0 ? -1 : 1;
  for (let k = 1; k < 4; k++) {
    const d = sa * a[k]! - sb * b[k]!;
    if (d !== 0) return d > 0;
  }
  return false;
}

/** A·x, a fused dot per row. */
export function qdMatVec(A: readonly (readonly QuadDouble[])[], x: readonly QuadDouble[]): QuadDouble[] {
  const out = new Array<QuadDouble>(A.length);
  for (let i = 0; i < A.length; i++) out[i] = qdDot(A[i]!, x);
  return out;
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
    kernels: { dot: qdDot, matVec: qdMatVec, unitVector: qdUnitVector },
  }));
}
