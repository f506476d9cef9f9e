/**
 * Orthogonal matrices that are orthogonal to the working precision, made from a seed.
 *
 * Q = H_1 H_2 ... H_d with Householder reflections H_j = I − 2 v_j v_jᵀ / (v_jᵀ v_j). The vectors
 * v_j are standard normal draws of the seeded stream, written as 12-digit number texts: they are
 * the exact definition of Q, so every backend builds the same Q to its own precision, and each
 * reflection is orthogonal up to one rounding per entry.
 */
import type { Backend } from '../arith/backend.js';
import { identity } from '../arith/matrix.js';
import { backendMemo } from '../arith/memo.js';
import { dot, normSq, type Mat } from '../arith/vector.js';
import { randomStream } from '../random/seeded.js';

/** The reflection vectors of the seeded Q, as exact number texts (row j is v_j). */
export function householderVectors(d: number, seed: number): string[][] {
  const stream = randomStream(seed, 0x0a7e);
  return Array.from({ length: d }, () => Array.from({ length: d }, () => stream.gaussian().toPrecision(12)));
}

const kept = backendMemo<Mat<unknown>>(64);

/** Q = H_1 ⋯ H_d for the seeded vectors, computed in backend B (once per backend, d and seed: shared, never to be mutated). */
export function seededOrthogonal<T>(B: Backend<T>, d: number, seed: number): Mat<T> {
  return kept(B, `${d}:${seed}`, () => {
    const vectors = householderVectors(d, seed).map((row) => row.map((text) => B.fromString(text)));
    let Q = identity(B, d);
    for (const v of vectors) Q = reflectColumns(B, Q, v);
    return Q;
  }) as Mat<T>;
}

/** Q·H for H = I − 2vvᵀ/(vᵀv): each row q becomes q − (2 qᵀv/(vᵀv)) vᵀ. */
function reflectColumns<T>(B: Backend<T>, Q: Mat<T>, v: readonly T[]): T[][] {
  const twoOverVv = B.div(B.fromNumber(2), normSq(B, v));
  return Q.map((row) => {
    const coefficient = B.mul(dot(B, row, v), twoOverVv);
    return row.map((qij, j) => B.sub(qij, B.mul(coefficient, v[j]!)));
  });
}
