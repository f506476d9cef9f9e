import { describe, expect, test } from 'vitest';
import { decimalBackend } from '../arith/decimal.js';
import { agreedDigits } from '../arith/digits.js';
import { float64 } from '../arith/float64.js';
import { thetaStar } from './theta-star.js';

describe('θ*, the root of tan θ = θ in (π, 3π/2)', () => {
  test('solves tan θ = θ to the working precision and agrees across precisions', () => {
    for (const p of [30, 60, 120]) {
      const B = decimalBackend(p);
      const theta = thetaStar(B);
      const residual = B.sub(B.div(B.sin(theta), B.cos(theta)), theta);
      expect(B.toNumber(B.abs(residual)), `p = ${p}`).toBeLessThan(10 ** (3 - p));
    }
    const [low, high] = [60, 120].map((p) => decimalBackend(p).toString(thetaStar(decimalBackend(p) as never)));
    expect(agreedDigits(low!, high!, 60)).toBeGreaterThanOrEqual(59);
  });

  test('matches THEOREMS.md: θ* ≈ 4.493409457909064 and |sin θ*|/θ* ≈ 0.217234', () => {
    const theta = thetaStar(float64);
    expect(theta).toBeCloseTo(4.493409457909064, 14);
    expect(Math.abs(Math.sin(theta)) / theta).toBeCloseTo(0.217234, 6);
  });
});
