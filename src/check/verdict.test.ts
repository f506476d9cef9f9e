import { describe, expect, test } from 'vitest';
import { decimalBackend } from '../arith/decimal.js';
import { agreedDigits } from '../arith/digits.js';
import type { RunSpec } from '../algorithms/run-spec.js';
import { defineConjecture } from '../conjectures/define.js';
import { D_NC } from '../theorems/d-nc.js';
import { D_SC } from '../theorems/d-sc.js';
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

describe('what one case may cost (issue "Robust under load": a check must not sit for minutes on one case)', () => {
  test('a near-miss decided at step 1 of a 3000-step run is verified on that step alone, the later horizons keeping their float64 margins', () => {
    // Found by sampling D-SC's generator (seed 7): with η = 1.2e-5/β the ratio at T = 1 is 1 − 7e-7.
    const spec: RunSpec = {
      algorithm: 'sam',
      function: { family: 'quadratic', eigenvalues: ['1.06', '1.06/1.06', '1.06/1.01', '1.06/1.06', '1.06', '1.06/1.02', '1.06/1.05', '1.06/1.02', '1.06/1.06', '1.06/1.01', '1.06/1.05', '1.06/1.06'], rotationSeed: 2556636648 },
      rho: '0.00206',
      eta: { overBeta: '0.000012' },
      steps: 3000,
      x0: ['62.6484', '-99.3012', '10.5576', '10.1592', '-22.41', '10.8564', '50.8956', '1.03584', '-98.9028', '-4.1334', '54.8796', '-3.37644'],
    };
    const verdict = judgeCase(D_SC, spec, options);
    expect(verdict).toMatchObject({ holds: true, level: 'certified', prefix: 1, at: 1 });
    expect(1 - verdict.ratio).toBeLessThan(1e-6);
  });

  test('a near-miss whose decimal verification would cost more than a case may is undecided, with the reason, and is not run', () => {
    // The case that made D-SC's check take 74 s with seed 11: 508 steps of a logistic regression
    // with 43 samples, where float64 cannot be trusted at any horizon (its gap cancels).
    const spec: RunSpec = {
      algorithm: 'sam',
      function: { family: 'logistic', dim: 2, samples: 39, dataSeed: 4294967266, l2: '0.507' },
      rho: '0.000103',
      eta: { overBeta: '0.000007' },
      steps: 508,
      x0: ['-0.3352777420119057', '-0.2672884997422776'],
    };
    const verdict = judgeCase(D_SC, spec, options);
    expect(verdict.level).toBe('undecided');
    expect(verdict.holds).toBeUndefined();
    expect(Number.isNaN(verdict.ratio)).toBe(true);
    expect(verdict.reason).toMatch(/^decimal verification would cost 1\.4\de\+7 units, more than the 3e\+6 a case may use$/);
    // The cap is on cost, not on the case: its first 3 steps are cheap, and are verified.
    expect(judgeCase(D_SC, { ...spec, steps: 3 }, options)).toMatchObject({ holds: true, level: 'verified' });
  });

  test('0 <= 0 is an equality, not an undecided case with ratio Infinity (GD with η = 1/β on a quadratic with μ = β)', () => {
    const gd1 = defineConjecture({
      id: 'GD0',
      statement: 'GD contracts the gap by (1 − ημ) per step',
      class: 'strongly-convex',
      families: ['quadratic'],
      algorithm: 'gd',
      measure: 'gap',
      claim: { bound: '(1 - eta*mu)^T * delta0' },
    });
    // The case fast-check found (seed 1): x_1 = (1 − ηβ)x_0 is rounding noise, and so is (1 − ημ)^T·Δ0.
    const spec: RunSpec = {
      algorithm: 'gd',
      function: { family: 'quadratic', eigenvalues: Array.from({ length: 20 }, () => '0.996'), rotationSeed: 4279824302 },
      rho: '0.0357',
      eta: { overBeta: '1' },
      steps: 61,
      x0: ['0.0029641627782282247', '-0.0013543960023911273', '-0.015944975555399404', '0.00134211718622872', '0.0036460091020155583', '-0.004845484377131863', '0.002724400783625985', '-0.0045956013713667546', '-0.008721519717926155', '0.009973224756993276', '-0.012969244680970143', '0.002912040961829183', '-0.004482356552335559', '-0.012918205939874819', '0.006395929944227258', '-0.011782024383804171', '-0.012693199375897366', '0.00025822997730739106', '0.007891495923081571', '0.0003809473073554244'],
    };
    const verdict = judgeCase(gd1, spec, { precision: 40 });
    expect(verdict.holds).toBe(true);
    expect(['verified', 'certified']).toContain(verdict.level);
    expect(Number.isFinite(verdict.ratio)).toBe(true);
    expect(verdict.ratio).toBeLessThanOrEqual(1);
  });
});

describe('the tier of the p-digit run (issue "Fast arithmetic tiers", item 4)', () => {
  test('where a binary tier cannot hold a decimal input exactly, decimal.js at p digits decides', () => {
    // GD with η = 1/2 on (x − 1.5)²/2 halves x − 1.5: f(x_1) − f* = Δ0/4 exactly, against a bound
    // 10^-20 above it. x0 − 1.5 = −1.2412176e-13 keeps 19 digits in double-double (31 digits) but
    // all of them in decimal at 30: only decimal can see the margin.
    const tight = defineConjecture({
      id: 'GD-QUARTER',
      statement: 'one GD step with η = 1/(2β) quarters the gap of a 1-D quadratic',
      class: 'strongly-convex',
      families: ['quadratic'],
      algorithm: 'gd',
      measure: 'gap',
      claim: { bound: 'delta0/4 * (1 + 1e-20)' },
    });
    // Given as a matrix, so that certification (spectra only) is not tried: verification decides.
    const spec: RunSpec = { algorithm: 'gd', function: { family: 'quadratic', matrix: [['1']], center: ['1.5'] }, eta: '1/2', steps: 1, x0: ['1.49999999999987587824'] };
    const verdict = judgeCase(tight, spec, { precision: 30 });
    expect(verdict).toMatchObject({ holds: true, level: 'verified' });
    expect(verdict.ratioText).toMatch(/^0\.99999999999999999999/);
  });
});
