/**
 * Operations derived from a backend's primitive dictionary, so that a new backend needs to supply
 * only the primitives of `Backend`.
 */
import type { Backend } from './backend.js';

export function sign<T>(B: Backend<T>, a: T): -1 | 0 | 1 {
  return B.cmp(a, B.zero);
}

export function isZero<T>(B: Backend<T>, a: T): boolean {
  return B.cmp(a, B.zero) === 0;
}

export function lt<T>(B: Backend<T>, a: T, b: T): boolean {
  return B.cmp(a, b) < 0;
}

export function maxOf<T>(B: Backend<T>, values: readonly T[]): T {
  if (values.length === 0) throw new RangeError('maxOf needs at least one value');
  return values.reduce((m, v) => B.max(m, v));
}

export function minOf<T>(B: Backend<T>, values: readonly T[]): T {
  if (values.length === 0) throw new RangeError('minOf needs at least one value');
  return values.reduce((m, v) => B.min(m, v));
}

export function square<T>(B: Backend<T>, a: T): T {
  return B.mul(a, a);
}

/** p/q computed in the backend (exact when the backend can hold it, e.g. 1/4 in decimal). */
export function ratio<T>(B: Backend<T>, p: number, q: number): T {
  return B.div(B.fromNumber(p), B.fromNumber(q));
}

export function sum<T>(B: Backend<T>, values: readonly T[]): T {
  let s = B.zero;
  for (const v of values) s = B.add(s, v);
  return s;
}

/** base^n for a whole n (negative: 1/base^|n|) by repeated squaring: exact wherever products are. */
export function powInt<T>(B: Backend<T>, base: T, n: number): T {
  let k = Math.abs(n);
  let result = B.one;
  let power = base;
  while (k > 0) {
    if (k % 2 === 1) result = B.mul(result, power);
    power = B.mul(power, power);
    k = Math.floor(k / 2);
  }
  return n < 0 ? B.div(B.one, result) : result;
}
