import { describe, expect, test } from 'vitest';
import { decimalBackend } from '../arith/decimal.js';
import { agreedDigits } from '../arith/digits.js';
import { buildFunction } from './index.js';
import type { CosineSpec } from './types.js';

const B = decimalBackend(60);
const show = (v: unknown) => B.toString(v as never);

describe('the cosine family', () => {
  const spec: CosineSpec = {
    family: 'cosine',
    dim: 3,
    terms: [
      { beta: '2', k: '0.5', phase: '0.25' },
      { beta: '3', k: '4' },
    ],
    quadBeta: '5',
  };

  test('certifies β, the curvature interval and f* in closed form', () => {
    const f = buildFunction(B, spec);
    expect(show(f.certificate.beta)).toBe('5');
    expect(show(f.certificate.curvature.lower)).toBe('-3');
    expect(show(f.certificate.curvature.upper)).toBe('5');
    expect(f.certificate.mu).toBeUndefined();
    expect(f.certificate.lipschitz).toBeUndefined(); // the quadratic part makes ∇f unbounded
    // f* = −(2/0.25 + 3/16)
    expect(show(f.certificate.fStar)).toBe('-8.1875');
  });

  test('attains f* at x* with zero gradient', () => {
    const f = buildFunction(B, spec);
    const xStar = f.certificate.xStar!;
    expect(agreedDigits(show(f.value(xStar)), show(f.certificate.fStar), 60)).toBeGreaterThanOrEqual(58);
    expect(Math.abs(B.toNumber(f.gap(xStar)))).toBeLessThan(1e-100);
    for (const g of f.gradient(xStar)) expect(Math.abs(B.toNumber(g))).toBeLessThan(1e-57);
  });

  test('the gap keeps its digits near the minimum, where value − f* cancels', () => {
    const spec1: CosineSpec = { family: 'cosine', dim: 1, terms: [{ beta: '1', k: '1' }], quadBeta: '0' };
    const f = buildFunction(B, spec1);
    const x = [B.add(B.pi, B.fromString('1.2345678901234567890123456789e-25'))];
    // The same x at 120 digits: 1 + cos x = 2cos²(x/2) ≈ ½(x − π)² ≈ 7.6·10^-51, to more than 60 digits.
    const R = decimalBackend(120);
    const reference = R.toString(buildFunction(R, spec1).gap([R.fromString(show(x[0]))]));
    // x holds 60 digits, so x − π is known to about 10^-60: about 35 digits of the gap are determined.
    expect(agreedDigits(show(f.gap(x)), reference, 60)).toBeGreaterThanOrEqual(33);
    expect(agreedDigits(show(B.sub(f.value(x), f.certificate.fStar)), reference, 60)).toBeLessThanOrEqual(12);
  });

  test('without a quadratic part the gradient is bounded by (Σ (β_i/k_i)²)^{1/2}', () => {
    const f = buildFunction(B, { family: 'cosine', dim: 2, terms: [{ beta: '3', k: '1' }, { beta: '4', k: '1' }], quadBeta: '7' });
    expect(show(f.certificate.lipschitz)).toBe('5');
    expect(show(f.certificate.beta)).toBe('4');
  });

  test('LB-D-NC-a: at x0 = −ρe₁ the gradient is (β/k) sin(kρ)', () => {
    const f = buildFunction(B, { family: 'cosine', dim: 1, terms: [{ beta: '2', k: '0.5' }], quadBeta: '0' });
    const rho = B.fromString('0.3');
    const expected = B.mul(B.fromNumber(4), B.sin(B.mul(B.fromString('0.5'), rho)));
    expect(show(f.gradient([B.neg(rho)])[0])).toBe(show(expected));
  });

  test('refuses bad terms with the field and the rule', () => {
    const bad = (change: Partial<CosineSpec>) => () => buildFunction(B, { ...spec, ...change });
    expect(bad({ terms: [{ beta: '1', k: '0' }] })).toThrow('invalid terms[1].k = "0": must be > 0');
    expect(bad({ terms: [{ beta: '-1', k: '1' }] })).toThrow('invalid terms[1].beta = "-1": must be > 0');
    expect(bad({ terms: [] })).toThrow('must be a list of 1 to dim = 3 cosine terms');
    expect(bad({ dim: 1 })).toThrow('must be a list of 1 to dim = 1 cosine terms');
    expect(bad({ quadBeta: '-2' })).toThrow('invalid quadBeta = "-2": must be >= 0');
    expect(bad({ dim: 0 })).toThrow('invalid dim = 0: must be a whole number from 1 to 100');
  });
});
