import { describe, expect, test } from 'vitest';
import { decimalBackend } from '../arith/decimal.js';
import { agreedDigits } from '../arith/digits.js';
import type { RunSpec } from '../algorithms/run-spec.js';
import { D_NC } from '../theorems/d-nc.js';
import { L1 } from '../theorems/l1.js';
import { L2 } from '../theorems/l2.js';
import { judgeCase } from './verdict.js';

const options = { precision: 30 };

describe('verdict levels', () => {
  test('a clear margin is settled in float64', () => {
    // L2 on (1/2)x²: ‖g‖²/⟨ĝ, g⟩ = x²/(x(x + ρ)) = 1/(1 + ρ/x) = 1/2 at x = ρ.
    const spec: RunSpec = { algorithm: 'sam', function: { family: 'quadratic', eigenvalues: ['1'] }, x0: ['0.5'], eta: '0.5', rho: '0.5', steps: 1 };
    expect(judgeCase(L2, spec, options)).toMatchObject({ holds: true, level: 'float', ratio: 0.5 });
  });

  test('a near-miss is rerun and certified when the certificate is exact', () => {
    // ratio 1/(1 + ρ/x) with ρ/x = 10^-9: a margin far below float64's trust.
    const spec: RunSpec = { algorithm: 'sam', function: { family: 'quadratic', eigenvalues: ['1'] }, x0: ['1000'], eta: '0.5', rho: '0.000001', steps: 1 };
    const verdict = judgeCase(L2, spec, options);
    expect(verdict).toMatchObject({ holds: true, level: 'certified' });
    // 1/(1 + 10^-9) = 0.999999999 000000000 999999999 ..., evaluated at 2p = 60 digits.
    const R = decimalBackend(100);
    expect(agreedDigits(verdict.ratioText, R.toString(R.div(R.one, R.fromString('1.000000001'))), 60)).toBeGreaterThanOrEqual(58);
  });

  test('a near-miss on a family without a closed-form certificate is verified, not certified', () => {
    const spec: RunSpec = { algorithm: 'sam', function: { family: 'logistic', dim: 2, samples: 10, dataSeed: 3, l2: '0.1' }, x0: ['300', '-200'], eta: '0.5', rho: '0.0000001', steps: 1 };
    expect(judgeCase(L2, spec, options)).toMatchObject({ holds: true, level: 'verified' });
  });

  test('an equality (L1 on an isotropic quadratic: ‖δ‖ = βρ exactly) is verified as a tie', () => {
    const spec: RunSpec = { algorithm: 'sam', function: { family: 'quadratic', eigenvalues: ['3', '3'], rotationSeed: 2 }, x0: ['1', '2'], eta: '0.1', rho: '0.7', steps: 1 };
    expect(judgeCase(L1, spec, options)).toMatchObject({ holds: true, level: 'verified', ratio: 1 });
  });

  test('a violation of a lowered constant is certified, with the ratio where it occurs', () => {
    // SAM on (β/2)x² with η = 1/β alternates ±ρ after one step: ‖∇f‖² = β²ρ², so the D-NC floor
    // with c = 1/2 is exceeded once 2Δ0/(ηT) is small.
    const spec: RunSpec = { algorithm: 'sam', function: { family: 'quadratic', eigenvalues: ['2'] }, x0: ['0.3'], eta: { overBeta: '1' }, rho: '0.1', steps: 50 };
    const verdict = judgeCase(D_NC, spec, { ...options, constants: { c: '0.5' } });
    expect(verdict).toMatchObject({ holds: false, level: 'certified', at: 50 });
    // (1/T)(‖g0‖² + 49β²ρ²)/(2Δ0/(ηT) + β²ρ²/2) at T = 50 with β = 2, ρ = 0.1, x0 = 0.3.
    expect(verdict.ratio).toBeCloseTo((0.36 + 49 * 0.04) / 50 / ((2 * 0.09 * 2) / 50 + 0.02), 12);
  });

  test('with c = 1 that quadratic approaches the D-NC floor from below: the bound is tight', () => {
    const spec: RunSpec = { algorithm: 'sam', function: { family: 'quadratic', eigenvalues: ['2'] }, x0: ['0.3'], eta: { overBeta: '1' }, rho: '0.1', steps: 3000 };
    const verdict = judgeCase(D_NC, spec, options);
    expect(verdict.holds).toBe(true);
    expect(verdict.ratio).toBeGreaterThan(0.99);
    expect(verdict.ratio).toBeLessThan(1);
  });

  test('a stationary start makes a lemma vacuous', () => {
    const spec: RunSpec = { algorithm: 'sam', function: { family: 'quadratic', eigenvalues: ['1'] }, x0: ['0'], eta: '0.5', rho: '0.5', steps: 1 };
    expect(judgeCase(L2, spec, options)).toMatchObject({ holds: true, ratio: 0 });
  });
});
