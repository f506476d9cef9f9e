/**
 * ASAM-SC (expected false) on the case that once crashed `samcheck run ASAM-SC --seed 1772821108
 * --precision 30` and `npm test` with that FC_SEED: a 20-dimensional run whose float64 iterate
 * overflows at step 432. Its verification cut the run there and reran it at 30 digits in
 * double-double, whose products overflow (near 1e300, where they are split in two) a few steps
 * before float64's: an OverflowError escaped the verdict. A tier's range left during verification
 * is now a reason to verify in decimal.js, whose range holds the run.
 */
import { expect, test } from 'vitest';
import type { RunSpec } from '../../src/algorithms/run-spec.js';
import { judgeCase } from '../../src/check/verdict.js';
import adaptiveSamConjecture from './adaptive-sam.js';

const overflowsDoubleDouble: RunSpec = {
  algorithm: 'adaptive-sam',
  function: {
    family: 'quadratic',
    eigenvalues: ['10.1', '10.1/116000', '10.1/1.1', '10.1/32800', '10.1/28.2', '10.1/1.04', '10.1/164', '10.1/2.83', '10.1/205', '10.1/1.09', '10.1/7.53', '10.1/112000', '10.1/1.04', '10.1/1.04', '10.1/3410', '10.1/1.1', '10.1/1.02', '10.1', '10.1/697', '10.1/117000'],
    rotationSeed: 5,
  },
  rho: '6.83',
  eta: { overBeta: '0.533169' },
  steps: 1229,
  x0: ['1', '1', '1', '1', '1', '1', '1', '-0.366', '-1.06', '-0.914', '4.95', '8.2', '-1.02', '0', '-2.36', '-1.07', '-3.11', '-6.64', '-9.47', '-1.03'],
};

test('a diverging run that leaves double-double\'s range before float64\'s is verified in decimal, not a crash', () => {
  const verdict = judgeCase(adaptiveSamConjecture, overflowsDoubleDouble, { precision: 30 });
  expect(verdict.holds).toBe(false);
  expect(verdict.level).toBe('verified');
  expect(verdict.reason).toMatch(/^diverges: ‖x_\d+‖ = .* in decimal at 30 digits/);
  // The bound (1 − ημ)^T·Δ0 is exceeded by far more than rounding could explain.
  expect(verdict.ratio).toBeGreaterThan(1e100);
});
