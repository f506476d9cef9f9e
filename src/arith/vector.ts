/**
 * Vectors and dense matrices over a backend: plain arrays of backend values. Each operation uses the
 * backend's own kernels when it has them (kernels.ts) and a generic loop over its dictionary
 * otherwise.
 */
import type { Backend } from './backend.js';
import { isZero, maxOf, sign } from './scalar.js';

export type Vec<T> = readonly T[];
export type Mat<T> = readonly (readonly T[])[];

export function dot<T>(B: Backend<T>, x: Vec<T>, y: Vec<T>): T {
  if (B.vector) return B.vector.dot(x, y);
  let s = B.zero;
  for (let i = 0; i < x.length; i++) s = B.add(s, B.mul(x[i]!, y[i]!));
  return s;
}

export function add<T>(B: Backend<T>, x: Vec<T>, y: Vec<T>): T[] {
  if (B.vector) return B.vector.add(x, y);
  return x.map((xi, i) => B.add(xi, y[i]!));
}

export function sub<T>(B: Backend<T>, x: Vec<T>, y: Vec<T>): T[] {
  if (B.vector) return B.vector.sub(x, y);
  return x.map((xi, i) => B.sub(xi, y[i]!));
}

export function scale<T>(B: Backend<T>, a: T, x: Vec<T>): T[] {
  if (B.vector) return B.vector.scale(a, x);
  return x.map((xi) => B.mul(a, xi));
}

/** a·x + y */
export function axpy<T>(B: Backend<T>, a: T, x: Vec<T>, y: Vec<T>): T[] {
  if (B.vector) return B.vector.axpy(a, x, y);
  return x.map((xi, i) => B.add(B.mul(a, xi), y[i]!));
}

export function matVec<T>(B: Backend<T>, A: Mat<T>, x: Vec<T>): T[] {
  if (B.vector) return B.vector.matVec(A, x);
  return A.map((row) => dot(B, row, x));
}

/** Sum of squares, computed directly (the measure ‖∇f‖² of the cards). */
export function normSq<T>(B: Backend<T>, x: Vec<T>): T {
  return dot(B, x, x);
}

export function maxAbs<T>(B: Backend<T>, x: Vec<T>): T {
  return x.length === 0 ? B.zero : maxOf(B, x.map((xi) => B.abs(xi)));
}

/**
 * Euclidean norm, scaled by the largest entry first so that float64 neither underflows nor
 * overflows on entries such as 1e-200 (whose squares would flush to zero).
 */
export function norm<T>(B: Backend<T>, x: Vec<T>): T {
  const m = maxAbs(B, x);
  if (isZero(B, m)) return B.zero;
  const scaled = x.map((xi) => B.div(xi, m));
  return B.mul(m, B.sqrt(normSq(B, scaled)));
}

/**
 * x/‖x‖, or undefined when x = 0. Computed as v/‖v‖ with v = x/|x_j| for an entry x_j of largest
 * magnitude, and v_j = ±1 written exactly: the same vector (x/‖x‖ does not depend on the scale),
 * no overflow or underflow in float64, and in interval arithmetic no widening of the dominant
 * entry by dividing an interval by itself (in one dimension the direction is then exactly ±1).
 */
export function unitVector<T>(B: Backend<T>, x: Vec<T>): T[] | undefined {
  if (B.vector?.unitVector) return B.vector.unitVector(x);
  let j = 0;
  for (let i = 1; i < x.length; i++) if (B.cmp(B.abs(x[i]!), B.abs(x[j]!)) > 0) j = i;
  const pivot = x[j]!;
  if (isZero(B, pivot)) return undefined;
  const scale = B.abs(pivot);
  const scaled = x.map((xi, i) => (i === j ? (sign(B, pivot) > 0 ? B.one : B.neg(B.one)) : B.div(xi, scale)));
  const length = B.sqrt(normSq(B, scaled));
  return scaled.map((si) => B.div(si, length));
}

export function allFinite<T>(B: Backend<T>, x: Vec<T>): boolean {
  if (B.vector?.allFinite) return B.vector.allFinite(x);
  return x.every((xi) => B.isFinite(xi));
}
