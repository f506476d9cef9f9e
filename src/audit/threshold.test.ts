import { describe, expect, test } from 'vitest';
import { decimalBackend } from '../arith/decimal.js';
import { float64 } from '../arith/float64.js';
import type { CaseSpec } from '../algorithms/case.js';
import { InputError } from '../errors.js';
import { cardById } from '../theorems/catalog.js';
import { constantThreshold } from './threshold.js';

const LINE = { function: { family: 'quadratic', eigenvalues: ['1'] }, x0: ['1'], rho: '0.1', eta: { overBeta: '1' } } as const;

describe('the constant a case needs', () => {
  test.each([
    // (β/2)x² with η = 1/β: after one step ‖∇f‖² = β²ρ², so (1/T)Σ needs c = (T − 1)/T... of β²ρ² beside 2Δ0/(ηT).
    ['D-NC', { ...LINE, algorithm: 'sam', steps: 50 }, 'needed', 0.98, 12],
    // LB-D-SC's 2-cycle: the fraction 1/(2(2 − βη)²) ÷ (β/(8μ(1 − βη)²) + 1/2) = 8/90 at β = 4, μ = 1,
    // η = 1/8 (the transient, which the bound covers at every T, asks for 2e-10 more).
    ['D-SC', { algorithm: 'sam', function: { family: 'quadratic', eigenvalues: ['1', '4'] }, x0: ['0', '1'], rho: '0.1', eta: '1/8', steps: 300 }, 'needed', 8 / 90, 9],
    // L4 (c·μρ <= ⟨δ, u⟩) is attained on a quadratic: the constant allowed is exactly 1.
    ['L4', { ...LINE, algorithm: 'sam', steps: 1 }, 'allowed', 1, 12],
  ] as const)('%s (case %j): %s fraction %s, the same in float64 and at 40 digits', (id, _spec, kind, fraction, digits) => {
    const spec = _spec as CaseSpec;
    const d = constantThreshold(decimalBackend(40), cardById(id), spec, 'c');
    expect(d.kind).toBe(kind);
    expect(d.fraction).toBeCloseTo(fraction, digits);
    expect(constantThreshold(float64, cardById(id), spec, 'c').fraction).toBeCloseTo(fraction, 9);
  });

  test('a case the constant does not matter for needs none; an unknown constant is named', () => {
    // GD-like start far from the floor, few steps: the 2Δ0/(ηT) term alone covers D-NC.
    const far = { ...LINE, x0: ['100'], eta: { overBeta: '0.5' }, algorithm: 'sam', steps: 2 } as const;
    expect(constantThreshold(float64, cardById('D-NC'), far, 'c')).toMatchObject({ kind: 'needed', fraction: 0 });
    expect(() => constantThreshold(float64, cardById('D-NC'), far, 'k')).toThrow(InputError);
    expect(() => constantThreshold(float64, cardById('D-NC'), far, 'k')).toThrow(/is not a constant of D-NC \(it has c\)/);
  });
});
