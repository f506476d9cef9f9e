/**
 * exp, log, sin and cos written once over a backend's +, −, ×, ÷, for the multi-word float
 * backends (double-double, quad-double), which have no transcendental functions of their own.
 *
 * - exp(x) = 2^k · exp(r) with k = round(x/ln 2) and r = x − k·ln 2; exp(r) = (1 + s)^1024 with
 *   s = expm1(r/1024) from its Taylor series, squared ten times as s ← 2s + s² (which keeps s's
 *   relative accuracy, QD's scheme).
 * - log(x): Newton's iteration y ← y + x·exp(−y) − 1 from the double logarithm; each doubles the
 *   correct bits.
 * - sin, cos: r = x − k·π/2 with |r| <= π/4, then both Taylor series; the quadrant k mod 4 picks
 *   the signs.
 *
 * Error: each series is summed until a term falls below the backend's unit roundoff relative to
 * the sum; the reduction r = x − k·c costs |k|·c·u of absolute error (c = ln 2 or π/2 stored to the
 * backend's digits), so exp's relative error grows like (1 + |x|)·u and sin's and cos's absolute
 * error like (1 + |x|)·u. src/arith/multi-double.test.ts checks 8·(1 + |x|)·u against decimal.js.
 */
import type { Backend } from './backend.js';

type Arithmetic<T> = Pick<Backend<T>, 'add' | 'sub' | 'mul' | 'div' | 'neg' | 'toNumber' | 'zero' | 'one'>;

export interface Elementary<T> {
  exp(x: T): T;
  log(x: T): T;
  sin(x: T): T;
  cos(x: T): T;
}

export function elementaryFunctions<T>(B: Arithmetic<T>, constants: { ln2: T; halfPi: T; roundoff: number; newtonSteps: number; exact: (x: number) => T }): Elementary<T> {
  const { ln2, halfPi, roundoff, exact } = constants;
  const small = (term: T, total: T) => Math.abs(B.toNumber(term)) <= roundoff * Math.abs(B.toNumber(total));
  const SQUARINGS = 10;
  const shrink = exact(2 ** -SQUARINGS);
  const two = exact(2);

  function exp(x: T): T {
    const v = B.toNumber(x);
    if (Number.isNaN(v)) return x;
    if (v > 709.8) return exact(Infinity);
    if (v < -745.2) return B.zero;
    const k = Math.round(v / Math.LN2);
    const r = B.mul(B.sub(x, B.mul(exact(k), ln2)), shrink);
    // s = expm1(r) = r + r²/2! + r³/3! + ...
    let term = r;
    let s = r;
    for (let n = 2; n < 60; n++) {
      term = B.div(B.mul(term, r), exact(n));
      s = B.add(s, term);
      if (small(term, s)) break;
    }
    for (let i = 0; i < SQUARINGS; i++) s = B.add(B.mul(two, s), B.mul(s, s));
    // 2^k in two exact factors, so that k near ±1074 does not overflow one of them.
    const half = Math.trunc(k / 2);
    return B.mul(B.mul(B.add(B.one, s), exact(2 ** half)), exact(2 ** (k - half)));
  }

  function log(x: T): T {
    const v = B.toNumber(x);
    if (v === 0) return exact(-Infinity);
    if (!(v > 0)) return exact(NaN);
    if (v === Infinity) return x;
    let y = exact(Math.log(v));
    for (let i = 0; i < constants.newtonSteps; i++) y = B.sub(B.add(y, B.mul(x, exp(B.neg(y)))), B.one);
    return y;
  }

  /** sin(r) and cos(r) for |r| <= π/4 by their Taylor series. */
  function both(r: T): { s: T; c: T } {
    const r2 = B.mul(r, r);
    let sinTerm = r;
    let sin = r;
    let cosTerm = B.one;
    let cos = B.one;
    for (let n = 1; n < 40; n++) {
      sinTerm = B.neg(B.div(B.mul(sinTerm, r2), exact(2 * n * (2 * n + 1))));
      cosTerm = B.neg(B.div(B.mul(cosTerm, r2), exact(2 * n * (2 * n - 1))));
      sin = B.add(sin, sinTerm);
      cos = B.add(cos, cosTerm);
      if (small(sinTerm, sin) && small(cosTerm, cos)) break;
    }
    return { s: sin, c: cos };
  }

  /** The quadrant k (mod 4) and sin, cos of the reduced argument. */
  function reduce(x: T): { quadrant: number; s: T; c: T } {
    const k = Math.round(B.toNumber(x) / (Math.PI / 2));
    const { s, c } = both(B.sub(x, B.mul(exact(k), halfPi)));
    return { quadrant: ((k % 4) + 4) % 4, s, c };
  }

  return {
    exp,
    log,
    sin(x: T): T {
      if (!Number.isFinite(B.toNumber(x))) return exact(NaN);
      const { quadrant, s, c } = reduce(x);
      return [s, c, B.neg(s), B.neg(c)][quadrant]!;
    },
    cos(x: T): T {
      if (!Number.isFinite(B.toNumber(x))) return exact(NaN);
      const { quadrant, s, c } = reduce(x);
      return [c, B.neg(s), B.neg(c), s][quadrant]!;
    },
  };
}
