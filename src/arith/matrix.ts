/**
 * Dense linear algebra over a backend, for what must hold to the working precision: products,
 * symmetric eigenvalues (cyclic Jacobi, which is backward stable and needs only + - * / sqrt),
 * and Cholesky solves.
 */
import type { Backend } from './backend.js';
import { isZero, lt, sign, square } from './scalar.js';
import { dot, type Mat, type Vec } from './vector.js';

export function identity<T>(B: Backend<T>, d: number): T[][] {
  return Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? B.one : B.zero)));
}

export function transpose<T>(A: Mat<T>): T[][] {
  return A[0] === undefined ? [] : A[0].map((_, j) => A.map((row) => row[j]!));
}

export function matMul<T>(B: Backend<T>, X: Mat<T>, Y: Mat<T>): T[][] {
  const Yt = transpose(Y);
  return X.map((row) => Yt.map((col) => dot(B, row, col)));
}

/** Exact symmetry: a_ij and a_ji compare equal in the backend. */
export function isSymmetric<T>(B: Backend<T>, A: Mat<T>): boolean {
  return A.every((row, i) => row.length === A.length && row.every((aij, j) => B.cmp(aij, A[j]![i]!) === 0));
}

/**
 * The eigenvalues of a symmetric matrix, in increasing order, by cyclic Jacobi rotations.
 * Stops when the off-diagonal part is below d times the unit roundoff times the Frobenius norm
 * (rounding keeps refilling the off-diagonal at about that level), so each eigenvalue is accurate
 * to a few units of d·u·‖A‖.
 */
export function symmetricEigenvalues<T>(B: Backend<T>, A: Mat<T>): T[] {
  const d = A.length;
  const a = A.map((row) => [...row]);
  const u = B.unitRoundoff;
  const frobeniusSq = a.reduce((s, row) => row.reduce((t, v) => B.add(t, square(B, v)), s), B.zero);
  const threshold = B.mul(square(B, B.mul(B.fromNumber(Math.max(d, 1)), u)), frobeniusSq);
  const largeTheta = B.div(B.one, B.sqrt(u));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = B.zero;
    for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) off = B.add(off, square(B, a[p]![q]!));
    if (!lt(B, threshold, off)) return sortedDiagonal(B, a);
    for (let p = 0; p < d; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = a[p]![q]!;
        if (isZero(B, apq)) continue;
        const theta = B.div(B.sub(a[q]![q]!, a[p]![p]!), B.mul(B.fromNumber(2), apq));
        const absTheta = B.abs(theta);
        // t = tan of the rotation angle, the smaller root of t² + 2θt - 1 = 0.
        const t = lt(B, largeTheta, absTheta)
          ? B.div(B.one, B.mul(B.fromNumber(2), theta))
          : B.div(B.fromNumber(sign(B, theta) < 0 ? -1 : 1), B.add(absTheta, B.sqrt(B.add(square(B, theta), B.one))));
        const c = B.div(B.one, B.sqrt(B.add(square(B, t), B.one)));
        const s = B.mul(t, c);
        for (let k = 0; k < d; k++) {
          if (k === p || k === q) continue;
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          const newKp = B.sub(B.mul(c, akp), B.mul(s, akq));
          const newKq = B.add(B.mul(s, akp), B.mul(c, akq));
          a[k]![p] = newKp;
          a[p]![k] = newKp;
          a[k]![q] = newKq;
          a[q]![k] = newKq;
        }
        a[p]![p] = B.sub(a[p]![p]!, B.mul(t, apq));
        a[q]![q] = B.add(a[q]![q]!, B.mul(t, apq));
        a[p]![q] = B.zero;
        a[q]![p] = B.zero;
      }
    }
  }
  throw new RangeError('Jacobi eigenvalue iteration did not converge in 100 sweeps');
}

function sortedDiagonal<T>(B: Backend<T>, a: T[][]): T[] {
  return a.map((row, i) => row[i]!).sort((x, y) => B.cmp(x, y));
}

/** Solves H z = b for symmetric positive definite H; throws when H is not positive definite. */
export function choleskySolve<T>(B: Backend<T>, H: Mat<T>, b: Vec<T>): T[] {
  const d = H.length;
  const L: T[][] = Array.from({ length: d }, () => Array.from({ length: d }, () => B.zero));
  for (let j = 0; j < d; j++) {
    let diag: T = H[j]![j]!;
    for (let k = 0; k < j; k++) diag = B.sub(diag, square(B, L[j]![k]!));
    if (sign(B, diag) <= 0) throw new RangeError('matrix is not positive definite');
    const ljj = B.sqrt(diag);
    L[j]![j] = ljj;
    for (let i = j + 1; i < d; i++) {
      let v: T = H[i]![j]!;
      for (let k = 0; k < j; k++) v = B.sub(v, B.mul(L[i]![k]!, L[j]![k]!));
      L[i]![j] = B.div(v, ljj);
    }
  }
  const y: T[] = [];
  for (let i = 0; i < d; i++) {
    let v: T = b[i]!;
    for (let k = 0; k < i; k++) v = B.sub(v, B.mul(L[i]![k]!, y[k]!));
    y.push(B.div(v, L[i]![i]!));
  }
  const z: T[] = new Array<T>(d);
  for (let i = d - 1; i >= 0; i--) {
    let v: T = y[i]!;
    for (let k = i + 1; k < d; k++) v = B.sub(v, B.mul(L[k]![i]!, z[k]!));
    z[i] = B.div(v, L[i]![i]!);
  }
  return z;
}
