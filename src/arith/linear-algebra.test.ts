import { describe, expect, test } from 'vitest';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { decimalBackend } from './decimal.js';
import { agreedDigits, agreedDigitsNormwise, minAgreedDigits } from './digits.js';
import { float64 } from './float64.js';
import { choleskySolve, matMul, symmetricEigenvalues, transpose } from './matrix.js';
import { norm, unitVector } from './vector.js';
import { randomStream } from '../random/seeded.js';

describe('vectors', () => {
  test('the norm neither underflows nor overflows in float64', () => {
    const relativeError = (x: number, exact: number) => Math.abs(x - exact) / exact;
    expect(relativeError(norm(float64, [3e-200, 4e-200]), 5e-200)).toBeLessThan(4e-16);
    expect(relativeError(norm(float64, [3e200, 4e200]), 5e200)).toBeLessThan(4e-16);
    expect(unitVector(float64, [0, 0])).toBeUndefined();
    expect(unitVector(float64, [0, -1e-300])).toEqual([0, -1]);
  });
});

describe('symmetric eigenvalues by Jacobi rotations', () => {
  test('agree with ml-matrix in float64 on random symmetric matrices', () => {
    const stream = randomStream(11);
    for (let trial = 0; trial < 20; trial++) {
      const d = 1 + stream.integer(12);
      const G = Array.from({ length: d }, () => Array.from({ length: d }, () => stream.gaussian()));
      const A = matMul(float64, G, transpose(G)).map((row, i) => row.map((v, j) => (j < i ? 0 : v)));
      const S = A.map((row, i) => row.map((v, j) => (j < i ? A[j]![i]! : v)));
      const ours = symmetricEigenvalues(float64, S);
      const reference = [...new EigenvalueDecomposition(new Matrix(S), { assumeSymmetric: true }).realEigenvalues].sort((a, b) => a - b);
      const scale = Math.max(...reference.map(Math.abs));
      ours.forEach((lambda, i) => expect(Math.abs(lambda - reference[i]!)).toBeLessThanOrEqual(1e-12 * scale));
    }
  });

  test('are exact to the working precision in decimal', () => {
    const B = decimalBackend(60);
    const A = [
      ['2', '1', '0'],
      ['1', '2', '1'],
      ['0', '1', '2'],
    ].map((row) => row.map((v) => B.fromString(v)));
    // Eigenvalues of this tridiagonal matrix: 2 − √2, 2, 2 + √2.
    const root2 = B.sqrt(B.fromNumber(2));
    const expected = [B.sub(B.fromNumber(2), root2), B.fromNumber(2), B.add(B.fromNumber(2), root2)].map((v) => B.toString(v));
    expect(minAgreedDigits(symmetricEigenvalues(B, A).map((v) => B.toString(v)), expected, 60)).toBeGreaterThanOrEqual(58);
  });
});

describe('Cholesky solves', () => {
  test('solve a positive definite system and refuse an indefinite one', () => {
    const B = decimalBackend(40);
    const H = [
      ['4', '2'],
      ['2', '3'],
    ].map((row) => row.map((v) => B.fromString(v)));
    const z = choleskySolve(B, H, [B.fromNumber(2), B.fromNumber(1)]);
    // 4z1 + 2z2 = 2, 2z1 + 3z2 = 1  =>  z = (1/2, 0).
    expect(z.map((v) => B.toString(v))).toEqual(['0.5', '0']);
    expect(() => choleskySolve(float64, [[1, 2], [2, 1]], [1, 1])).toThrow('not positive definite');
  });
});

describe('digits shared by two computations', () => {
  test('count leading significant digits of the relative difference', () => {
    expect(agreedDigits('1.2345', '1.2346', 60)).toBe(4);
    expect(agreedDigits('1', '0.99999', 60)).toBe(5);
    expect(agreedDigits('3.14', '3.14', 60)).toBe(60);
    expect(agreedDigits('0', '1e-70', 60)).toBe(0);
    expect(agreedDigits('1', '-1', 60)).toBe(0);
    expect(minAgreedDigits(['1', '2'], ['1', '2.001'], 30)).toBe(3);
  });

  test('vectors are compared normwise, so a coordinate made of rounding noise does not count', () => {
    expect(agreedDigitsNormwise(['1', '1e-161'], ['1', '1e-321'], 160)).toBe(160);
    expect(agreedDigitsNormwise(['3', '4'], ['3', '4.00001'], 60)).toBe(5); // 10^-5/5
    expect(agreedDigitsNormwise(['0', '0'], ['0', '0'], 60)).toBe(60);
    expect(agreedDigitsNormwise(['0', '0'], ['0', '1e-9'], 60)).toBe(0);
  });
});
