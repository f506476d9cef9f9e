/**
 * The double-double backend (about 31 decimal digits): values are pairs [lo, hi] of doubles with
 * hi = fl(hi + lo), the representation of the `double-double` package (MIT, Floris Steenkamp),
 * whose +, −, ×, ÷ are Joldes, Muller and Popescu's algorithms with proven relative error bounds
 * ("Tight and rigorous error bounds for basic building blocks of double-word arithmetic", ACM
 * TOMS 2017): 3u² + 13u³ for + and −, 7u² for ×, 15u² + 56u³ for ÷ (u = 2^-53). Its √ carries no
 * proven bound; multi-double.test.ts checks it, with the others, against the documented 16u² = 2^-102
 * (decimal.js at 200 digits). exp, log, sin and cos are
 * elementary.ts's over this arithmetic.
 *
 * The documented unit roundoff is 16u² = 2^-102 ≈ 2.0·10^-31, the largest of the bounds above.
 */
import { ddAddDd, ddDiffDd, ddDivDd, ddMultDd, ddSqrt } from 'double-double';
import type { Backend } from './backend.js';
import { multiDoubleBackend } from './multi-double.js';
import { ERR, twoProd, twoSum } from './error-free.js';
import type { Mat, Vec } from './vector.js';

export type DoubleDouble = readonly number[];

export const DD_DIGITS = 31;

/**
 * Σ x_i·y_i accumulated in two levels (Ogita, Rump and Oishi's Dot2, with double-double inputs):
 * each leading product x_h·y_h is split exactly by TwoProduct, its high part added to s0
 * error-free (TwoSum) and everything of the next order (the product's error, the addition's
 * error, the cross products x_h·y_l + x_l·y_h) summed plainly into s1; one renormalization at the
 * end. The roundings are s1's (terms of order u·|x_i·y_i|, u = 2^-53), the dropped x_l·y_l and the
 * last: the error is at most 2^-104·|result| + 8·n·u²·Σ|x_i·y_i| (u² = 2^-106), the order of the
 * loop of ddMultDd and ddAddDd (whose roundings of 10u² are relative to partial sums bounded by
 * Σ|x_i·y_i|), at half its cost and with no pair allocated per operation. kernels.test.ts checks
 * the bound on random vectors, cancelling ones included.
 */
function ddDot(x: Vec<DoubleDouble>, y: Vec<DoubleDouble>): DoubleDouble {
  let s0 = 0;
  let s1 = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    const yi = y[i]!;
    const xl = xi[0]!;
    const xh = xi[1]!;
    const yl = yi[0]!;
    const yh = yi[1]!;
    const p = twoProd(xh, yh);
    const e = ERR.value;
    const s = twoSum(s0, p);
    s1 += ERR.value + e + (xh * yl + xl * yh);
    s0 = s;
  }
  // s1 may exceed s0 after cancellation: TwoSum, not FastTwoSum.
  const hi = twoSum(s0, s1);
  return [ERR.value, hi];
}

function ddMatVec(A: Mat<DoubleDouble>, x: Vec<DoubleDouble>): DoubleDouble[] {
  const out = new Array<DoubleDouble>(A.length);
  for (let i = 0; i < A.length; i++) out[i] = ddDot(A[i]!, x);
  return out;
}

const make = () =>
  multiDoubleBackend<DoubleDouble>({
    name: 'dd',
    precision: DD_DIGITS,
    unitRoundoff: 2 ** -102,
    words: 2,
    newtonSteps: 2,
    fromDouble: (x) => [0, x],
    fromWords(words) {
      const hi = twoSum(words[0] ?? 0, words[1] ?? 0);
      return [ERR.value, hi];
    },
    wordsOf: (x) => [x[1]!, x[0]!],
    lead: (x) => x[1]!,
    toDouble: (x) => x[1]! + x[0]!,
    add: (a, b) => ddAddDd(a as number[], b as number[]),
    sub: (a, b) => ddDiffDd(a as number[], b as number[]),
    mul: (a, b) => ddMultDd(a as number[], b as number[]),
    div: (a, b) => {
      const q = ddDivDd(a as number[], b as number[]);
      // The package's quotient by an infinity or 0 is [NaN, ±Infinity]; keep the infinity.
      return Number.isFinite(q[1]) ? q : [0, q[1]!];
    },
    neg: (a) => [-a[0]!, -a[1]!],
    sqrt: (a) => (a[1]! < 0 ? [0, NaN] : ddSqrt(a as number[])),
    kernels: { dot: ddDot, matVec: ddMatVec },
  });

let shared: Backend<DoubleDouble> | undefined;
/** The double-double backend (one shared instance). */
export function doubleDoubleBackend(): Backend<DoubleDouble> {
  return (shared ??= make());
}
