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
import { ERR, quickTwoSum, twoProd, twoSum } from './error-free.js';
import type { Mat, Vec } from './vector.js';

export type DoubleDouble = readonly number[];

export const DD_DIGITS = 31;

/**
 * Σ x_i·y_i with the running sum and each product kept in locals: the package's ddMultDd
 * (Algorithm 10) and ddAddDd (Algorithm 6) step for step, so every step keeps their proven bound
 * and the result is the generic loop's to the bit (kernels.test.ts), without a pair allocated per
 * operation (allocation and the garbage collector were a quarter of a double-double run).
 */
function ddDot(x: Vec<DoubleDouble>, y: Vec<DoubleDouble>): DoubleDouble {
  let sh = 0;
  let sl = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    const yi = y[i]!;
    const xl = xi[0]!;
    const xh = xi[1]!;
    const yl = yi[0]!;
    const yh = yi[1]!;
    // p = x_i · y_i (ddMultDd)
    const ch = twoProd(xh, yh);
    const ph = quickTwoSum(ch, ERR.value + (xh * yl + xl * yh));
    const pl = ERR.value;
    // s = s + p (ddAddDd)
    const hh = twoSum(sh, ph);
    const he = ERR.value;
    const ll = twoSum(sl, pl);
    const le = ERR.value;
    const vh = quickTwoSum(hh, he + ll);
    sh = quickTwoSum(vh, le + ERR.value);
    sl = ERR.value;
  }
  return [sl, sh];
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
