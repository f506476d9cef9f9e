import { describe, expect, test } from 'vitest';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { decimalBackend } from '../arith/decimal.js';
import { minAgreedDigits } from '../arith/digits.js';
import { float64 } from '../arith/float64.js';
import { matMul, transpose } from '../arith/matrix.js';
import { buildFunction } from './index.js';
import { seededOrthogonal } from './orthogonal.js';
import type { QuadraticSpec } from './types.js';

const B = decimalBackend(60);
const show = (v: unknown) => B.toString(v as never);

describe('seeded orthogonal matrices', () => {
  test('are orthogonal to the working precision', () => {
    for (const p of [30, 60, 120]) {
      const D = decimalBackend(p);
      const Q = seededOrthogonal(D, 12, 5);
      const QtQ = matMul(D, transpose(Q), Q);
      const worst = Math.max(...QtQ.flatMap((row, i) => row.map((v, j) => Math.abs(D.toNumber(D.sub(v, i === j ? D.one : D.zero))))));
      expect(worst, `precision ${p}`).toBeLessThan(10 ** (3 - p));
    }
  });

  test('depend on the seed, and the same seed gives the same matrix in every backend', () => {
    const a = seededOrthogonal(float64, 4, 1);
    expect(a).not.toEqual(seededOrthogonal(float64, 4, 2));
    const exact = seededOrthogonal(B, 4, 1);
    a.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - B.toNumber(exact[i]![j]!))).toBeLessThan(1e-14)));
  });
});

describe('quadratics from a spectrum', () => {
  test('certify β = max λ, μ = min λ, x* = c and f* as given', () => {
    const f = buildFunction(B, { family: 'quadratic', eigenvalues: ['4', '1/3', '2'], rotationSeed: 9, center: ['1', '-1', '0.5'], fStar: '-2' });
    expect(show(f.certificate.beta)).toBe('4');
    expect(show(f.certificate.mu)).toBe(show(B.div(B.one, B.fromNumber(3))));
    expect(f.certificate.xStar!.map(show)).toEqual(['1', '-1', '0.5']);
    expect(show(f.value(f.certificate.xStar!))).toBe('-2');
    expect(show(f.gap(f.certificate.xStar!))).toBe('0');
    expect(f.gradient(f.certificate.xStar!).map(show)).toEqual(['0', '0', '0']);
  });

  test('rotated: the matrix the gradient applies has the given spectrum (ml-matrix, float64)', () => {
    const spec: QuadraticSpec = { family: 'quadratic', eigenvalues: ['100', '1', '7', '0.5', '30'], rotationSeed: 3 };
    const f = buildFunction(float64, spec);
    const A = Array.from({ length: 5 }, (_, j) => f.gradient(Array.from({ length: 5 }, (_, i) => (i === j ? 1 : 0))));
    A.forEach((row, i) => row.forEach((v, j) => expect(v).toBe(A[j]![i]!)));
    const eigenvalues = [...new EigenvalueDecomposition(new Matrix(A), { assumeSymmetric: true }).realEigenvalues].sort((a, b) => a - b);
    [0.5, 1, 7, 30, 100].forEach((lambda, i) => expect(Math.abs(eigenvalues[i]! - lambda)).toBeLessThan(1e-12 * 100));
  });

  test('a diagonal quadratic with no rotation seed', () => {
    const f = buildFunction(B, { family: 'quadratic', eigenvalues: ['4', '1'] });
    expect(f.gradient([B.one, B.one]).map(show)).toEqual(['4', '1']);
    expect(show(f.value([B.one, B.fromNumber(2)]))).toBe('4');
  });

  test('zero eigenvalues make a convex quadratic that is not strongly convex', () => {
    const f = buildFunction(B, { family: 'quadratic', eigenvalues: ['3', '0'], rotationSeed: 1 });
    expect(show(f.certificate.mu)).toBe('0');
  });

  test('dimensions from 1 to 100', () => {
    expect(buildFunction(float64, { family: 'quadratic', eigenvalues: Array.from({ length: 100 }, (_, i) => String(i + 1)), rotationSeed: 4 }).dim).toBe(100);
    expect(() => buildFunction(float64, { family: 'quadratic', eigenvalues: Array.from({ length: 101 }, () => '1') })).toThrow(
      'must have from 1 to 100 entries (the dimension)',
    );
  });

  test('bad spectra are refused with the entry and the rule', () => {
    expect(() => buildFunction(B, { family: 'quadratic', eigenvalues: ['4', '-1'] })).toThrow('invalid eigenvalues[2] = "-1": must be >= 0');
    expect(() => buildFunction(B, { family: 'quadratic', eigenvalues: ['0', '0'] })).toThrow('at least one eigenvalue must be > 0');
    expect(() => buildFunction(B, { family: 'quadratic', eigenvalues: ['1'], rotationSeed: -1 })).toThrow('invalid rotationSeed = -1');
    expect(() => buildFunction(B, { family: 'quadratic', eigenvalues: ['1'], center: ['1', '2'] })).toThrow('invalid center');
  });
});

describe('quadratics from an explicit matrix', () => {
  test('certify the eigenvalues to the working precision', () => {
    const f = buildFunction(B, { family: 'quadratic', matrix: [['2', '1'], ['1', '3']] });
    // (5 ± √5)/2
    const root5 = B.sqrt(B.fromNumber(5));
    const expected = [B.sub(B.fromNumber(5), root5), B.add(B.fromNumber(5), root5)].map((v) => show(B.div(v, B.fromNumber(2))));
    expect(minAgreedDigits([show(f.certificate.mu), show(f.certificate.beta)], expected, 60)).toBeGreaterThanOrEqual(58);
    expect(f.gradient([B.one, B.zero]).map(show)).toEqual(['2', '1']);
  });

  test('a singular matrix has μ = 0 exactly', () => {
    const f = buildFunction(B, { family: 'quadratic', matrix: [['1', '1'], ['1', '1']] });
    expect(show(f.certificate.mu)).toBe('0');
    expect(show(f.certificate.beta)).toBe('2');
  });

  test('refuses matrices that are not symmetric positive semidefinite', () => {
    expect(() => buildFunction(B, { family: 'quadratic', matrix: [['2', '1'], ['3', '2']] })).toThrow(
      'must be symmetric: entry (2,1) differs from entry (1,2)',
    );
    expect(() => buildFunction(B, { family: 'quadratic', matrix: [['1', '2'], ['2', '1']] })).toThrow('must be positive semidefinite: its smallest eigenvalue is -1');
    expect(() => buildFunction(B, { family: 'quadratic', matrix: [['0', '0'], ['0', '0']] })).toThrow('must not be zero');
    expect(() => buildFunction(B, { family: 'quadratic', matrix: [['1', '0'], ['0']] })).toThrow('invalid matrix row 2');
    expect(() => buildFunction(B, { family: 'quadratic', matrix: [['1']], eigenvalues: ['1'] })).toThrow('give exactly one of eigenvalues');
    expect(() => buildFunction(B, { family: 'quadratic', matrix: [['1']], rotationSeed: 2 })).toThrow('applies to eigenvalues, not to an explicit matrix');
  });
});
