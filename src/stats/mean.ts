/**
 * Means over independent paths and their confidence bounds, in a backend (so that a decimal run's
 * means keep its digits). Welford's update keeps the sums stable; bounds are Student-t:
 * mean ± t_{1−α, n−1}·s/√n with s the sample standard deviation.
 */
import type { Backend } from '../arith/backend.js';
import { studentTQuantile } from './student-t.js';

export interface RunningMean<T> {
  n: number;
  mean: T;
  /** Σ (v − mean)², for the sample variance. */
  m2: T;
}

export function runningMean<T>(B: Backend<T>): RunningMean<T> {
  return { n: 0, mean: B.zero, m2: B.zero };
}

/** Adds v to the mean (Welford). */
export function include<T>(B: Backend<T>, m: RunningMean<T>, v: T): void {
  m.n += 1;
  const before = B.sub(v, m.mean);
  m.mean = B.add(m.mean, B.div(before, B.fromNumber(m.n)));
  m.m2 = B.add(m.m2, B.mul(before, B.sub(v, m.mean)));
}

/** t_{1−α, n−1}·s/√n: the half-width of a one-sided bound at level 1 − α. */
export function margin<T>(B: Backend<T>, m: RunningMean<T>, alpha: number): T {
  if (m.n < 2) throw new RangeError('a confidence bound needs at least 2 paths');
  const variance = B.div(m.m2, B.fromNumber(m.n - 1));
  const q = B.fromNumber(studentTQuantile(1 - alpha, m.n - 1));
  return B.mul(q, B.sqrt(B.div(B.max(variance, B.zero), B.fromNumber(m.n))));
}

/** The one-sided lower and upper bounds at level 1 − α each. */
export function lowerBound<T>(B: Backend<T>, m: RunningMean<T>, alpha: number): T {
  return B.sub(m.mean, margin(B, m, alpha));
}

export function upperBound<T>(B: Backend<T>, m: RunningMean<T>, alpha: number): T {
  return B.add(m.mean, margin(B, m, alpha));
}

/** The two-sided interval at level `level` (each side at (1 − level)/2). */
export function interval<T>(B: Backend<T>, m: RunningMean<T>, level: number): [T, T] {
  const half = margin(B, m, (1 - level) / 2);
  return [B.sub(m.mean, half), B.add(m.mean, half)];
}
