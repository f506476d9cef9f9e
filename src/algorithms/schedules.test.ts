import { describe, expect, test } from 'vitest';
import { decimalBackend } from '../arith/decimal.js';
import { float64 } from '../arith/float64.js';
import { constantSchedule, decayingSchedule, etaConvexRate, etaStronglyConvexRate } from './schedules.js';

describe('ρ schedules', () => {
  test('constant and decaying', () => {
    const B = decimalBackend(20);
    expect(B.toString(constantSchedule(B.fromString('0.3'))(17))).toBe('0.3');
    const inverse = decayingSchedule(B, B.fromString('0.6'), 'inverse');
    expect([0, 1, 2].map((t) => B.toString(inverse(t)))).toEqual(['0.6', '0.3', '0.2']);
    const inverseSqrt = decayingSchedule(B, B.fromString('0.6'), 'inverse-sqrt');
    expect(B.toString(inverseSqrt(3))).toBe('0.3');
  });
});

describe('the step sizes the cards choose from T (THEOREMS.md §3)', () => {
  test('D-SC: η_T = min{1/(2β), ln(K)/(μT)}, K = max{e, μ³Δ0T²/(β⁴ρ²)}', () => {
    // β = 2, μ = 1, ρ = 0.1, Δ0 = 4, T = 100: K = 4·10⁴/(16·0.01) = 250000, ln K/(μT) = 0.124292...
    const eta = etaStronglyConvexRate(float64, { beta: 2, mu: 1, rho: 0.1, delta0: 4, steps: 100 });
    expect(eta).toBeCloseTo(Math.log(250000) / 100, 14);
    // Short horizons take the cap 1/(2β).
    expect(etaStronglyConvexRate(float64, { beta: 2, mu: 1, rho: 0.1, delta0: 4, steps: 3 })).toBe(0.25);
    // K never drops below e: a start at the minimizer gives ln(e)/(μT).
    expect(etaStronglyConvexRate(float64, { beta: 2, mu: 1, rho: 0.1, delta0: 0, steps: 100 })).toBeCloseTo(0.01, 15);
  });

  test('D-C: η = min{1/β, (2Δ0/(β³ρ²T))^{1/2}}', () => {
    expect(etaConvexRate(float64, { beta: 2, rho: 0.5, delta0: 1, steps: 400 })).toBeCloseTo(Math.sqrt(2 / (8 * 0.25 * 400)), 15);
    expect(etaConvexRate(float64, { beta: 2, rho: 0.001, delta0: 1, steps: 10 })).toBe(0.5);
  });

  test('refuse inputs outside their ranges', () => {
    expect(() => etaStronglyConvexRate(float64, { beta: 2, mu: 0, rho: 0.1, delta0: 1, steps: 10 })).toThrow('invalid mu = "0": must be > 0 for the step size of D-SC');
    expect(() => etaConvexRate(float64, { beta: 2, rho: 0.1, delta0: 0, steps: 10 })).toThrow('must be > 0 for the step size of D-C');
    expect(() => etaConvexRate(float64, { beta: 2, rho: 0, delta0: 1, steps: 10 })).toThrow('invalid rho = "0": must be > 0');
    expect(() => etaConvexRate(float64, { beta: 2, rho: 1, delta0: 1, steps: 0 })).toThrow('invalid steps = 0');
  });
});
