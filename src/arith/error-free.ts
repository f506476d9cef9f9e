/**
 * Error-free transformations of float64 arithmetic (Knuth's TwoSum, Dekker's FastTwoSum and
 * TwoProduct with Veltkamp splitting): each returns a double s and writes into `ERR.value` the
 * double e with s + e equal to the exact result. JavaScript has no FMA, so the product's error comes
 * from splitting each factor into two 26-bit halves (exact unless |x| > 2^996).
 *
 * The error goes into one shared slot rather than a returned pair: these run millions of times in
 * the quad-double hot paths, and a slot costs no allocation. Read it right after the call.
 */
export const ERR = { value: 0 };

/** Veltkamp's constant 2^27 + 1: x·SPLITTER splits x into two 26-bit halves. */
export const SPLITTER = 134217729;

/** s = fl(a + b), ERR.value = a + b − s exactly. */
export function twoSum(a: number, b: number): number {
  const s = a + b;
  const bb = s - a;
  ERR.value = a - (s - bb) + (b - bb);
  return s;
}

/** As twoSum, for |a| >= |b| (or a = 0). */
export function quickTwoSum(a: number, b: number): number {
  const s = a + b;
  ERR.value = b - (s - a);
  return s;
}

/** p = fl(a · b), ERR.value = a · b − p exactly (no overflow or underflow in the halves). */
export function twoProd(a: number, b: number): number {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  ERR.value = ah * bh - p + ah * bl + al * bh + al * bl;
  return p;
}
