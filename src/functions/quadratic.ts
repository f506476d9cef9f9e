/**
 * Quadratics f(x) = ½ (x − c)ᵀ A (x − c) + f* with A symmetric positive semidefinite.
 *
 * Certificate: β = λmax(A), μ = λmin(A) (0 allowed: convex, not strongly), x* = c, f* as given.
 * From a spectrum the eigenvalues are the given numbers and A = Q diag(λ) Qᵀ with Q orthogonal to
 * the working precision; from an explicit matrix they are computed by Jacobi's method to the
 * working precision. Used by D-SC, D-C, LB-D-SC and the contrasts C2, C6 (THEOREMS.md).
 */
import type { Backend } from '../arith/backend.js';
import { parseNumber, parseNumbers, type NumberText } from '../arith/literal.js';
import { isSymmetric, matMul, symmetricEigenvalues, transpose } from '../arith/matrix.js';
import { lt, maxOf, minOf, sign } from '../arith/scalar.js';
import { backendMemo } from '../arith/memo.js';
import { dot, matVec, sub, type Mat, type Vec } from '../arith/vector.js';
import { InputError } from '../errors.js';
import { validateSeed } from '../random/seeded.js';
import { nonNegativeNumber, requireLength } from '../validate.js';
import { seededOrthogonal } from './orthogonal.js';
import { MAX_DIMENSION, type QuadraticSpec, type SmoothFunction } from './types.js';

export function quadratic<T>(B: Backend<T>, spec: QuadraticSpec): SmoothFunction<T> {
  const { hessian, eigenvalues } = hessianOf(B, spec);
  const d = eigenvalues.length;
  const center = spec.center === undefined ? hessian.map(() => B.zero) : parseVector(B, 'center', spec.center, d);
  const fStar = spec.fStar === undefined ? B.zero : parseNumber(B, 'fStar', spec.fStar);
  const beta = maxOf(B, eigenvalues);
  const mu = minOf(B, eigenvalues);
  // A diagonal A needs only d products per gradient instead of d².
  const diagonal = spec.matrix === undefined && spec.rotationSeed === undefined ? eigenvalues : undefined;
  const times = (z: Vec<T>): T[] => (diagonal ? z.map((zi, i) => B.mul(diagonal[i]!, zi)) : matVec(B, hessian, z));
  const two = B.fromNumber(2);
  // x − c, or x itself when c = 0 (the usual spec: no vector made and subtracted per call).
  const fromCenter = spec.center === undefined ? (x: Vec<T>) => x : (x: Vec<T>) => sub(B, x, center);
  // g = A(x − c) and f − f* = ½ (x − c)ᵀ g share the one matrix-vector product.
  const evaluate = (x: Vec<T>) => {
    const z = fromCenter(x);
    const gradient = times(z);
    return { gap: B.div(dot(B, z, gradient), two), gradient };
  };
  const gap = (x: Vec<T>) => evaluate(x).gap;
  return {
    spec,
    backend: B,
    dim: d,
    certificate: { beta, mu, fStar, xStar: center, curvature: { lower: mu, upper: beta } },
    evaluate,
    gap,
    value: (x) => B.add(gap(x), fStar),
    gradient: (x) => times(fromCenter(x)),
  };
}

function hessianOf<T>(B: Backend<T>, spec: QuadraticSpec): { hessian: Mat<T>; eigenvalues: T[] } {
  if ((spec.eigenvalues === undefined) === (spec.matrix === undefined)) {
    throw new InputError('quadratic', spec, 'give exactly one of eigenvalues (with an optional rotationSeed) or matrix');
  }
  if (spec.eigenvalues !== undefined) return fromSpectrum(B, spec.eigenvalues, spec.rotationSeed);
  if (spec.rotationSeed !== undefined) {
    throw new InputError('rotationSeed', spec.rotationSeed, 'applies to eigenvalues, not to an explicit matrix');
  }
  return fromMatrix(B, spec.matrix!);
}

function fromSpectrum<T>(B: Backend<T>, texts: readonly NumberText[], seed: number | undefined) {
  checkDimension('eigenvalues', texts);
  const eigenvalues = texts.map((text, i) => nonNegativeNumber(B, `eigenvalues[${i + 1}]`, text));
  if (eigenvalues.every((lambda) => sign(B, lambda) === 0)) {
    throw new InputError('eigenvalues', texts, 'at least one eigenvalue must be > 0 (f would be constant)');
  }
  const d = eigenvalues.length;
  const diagonal = eigenvalues.map((lambda, i) => eigenvalues.map((_, j) => (i === j ? lambda : B.zero)));
  if (seed === undefined) return { hessian: diagonal, eigenvalues };
  validateSeed('rotationSeed', seed);
  const hessian = rotatedHessians(B, `${seed}:${texts.join(',')}`, () => {
    const Q = seededOrthogonal(B, d, seed);
    const full = matMul(B, matMul(B, Q, diagonal), transpose(Q));
    // Keep A exactly symmetric: rounding in the two products need not be.
    return full.map((row, i) => row.map((aij, j) => (j < i ? full[j]![i]! : aij)));
  }) as Mat<T>;
  return { hessian, eigenvalues };
}

/**
 * Q·Λ·Qᵀ by backend, seed and spectrum: a check's certification attempts and a search's repeated
 * starts build the same rotated quadratic again (shared, never mutated).
 */
const rotatedHessians = backendMemo<Mat<unknown>>(16);

function fromMatrix<T>(B: Backend<T>, rows: readonly (readonly NumberText[])[]) {
  checkDimension('matrix', rows);
  const A = rows.map((row, i) => {
    if (!Array.isArray(row) || row.length !== rows.length) {
      throw new InputError(`matrix row ${i + 1}`, row, `must have ${rows.length} entries (the matrix must be square)`);
    }
    return parseNumbers(B, `matrix row ${i + 1}`, row);
  });
  if (!isSymmetric(B, A)) {
    const [i, j] = firstAsymmetry(B, A);
    throw new InputError('matrix', rows, `must be symmetric: entry (${i + 1},${j + 1}) differs from entry (${j + 1},${i + 1})`);
  }
  const computed = symmetricEigenvalues(B, A);
  // Eigenvalues within rounding of 0 are 0: Jacobi is accurate to a few d·u·‖A‖.
  const largest = maxOf(B, computed.map((lambda) => B.abs(lambda)));
  const tolerance = B.mul(B.mul(B.fromNumber(16 * A.length), B.unitRoundoff), largest);
  const eigenvalues = computed.map((lambda) => (lt(B, B.abs(lambda), tolerance) ? B.zero : lambda));
  const smallest = eigenvalues[0]!;
  if (sign(B, smallest) < 0) {
    throw new InputError('matrix', rows, `must be positive semidefinite: its smallest eigenvalue is ${B.toString(smallest)}`);
  }
  if (sign(B, eigenvalues[eigenvalues.length - 1]!) === 0) {
    throw new InputError('matrix', rows, 'must not be zero (f would be constant)');
  }
  return { hessian: A, eigenvalues };
}

function firstAsymmetry<T>(B: Backend<T>, A: T[][]): [number, number] {
  for (let i = 0; i < A.length; i++) for (let j = 0; j < i; j++) if (B.cmp(A[i]![j]!, A[j]![i]!) !== 0) return [i, j];
  return [0, 0];
}

function checkDimension(field: string, list: readonly unknown[]): void {
  if (!Array.isArray(list) || list.length < 1 || list.length > MAX_DIMENSION) {
    throw new InputError(field, list, `must have from 1 to ${MAX_DIMENSION} entries (the dimension)`);
  }
}

function parseVector<T>(B: Backend<T>, field: string, texts: readonly NumberText[], d: number): T[] {
  requireLength(field, texts, d, 'the dimension of the quadratic');
  return parseNumbers(B, field, texts);
}
