import { describe, expect, test } from 'vitest';
import { decimalBackend } from '../arith/decimal.js';
import { float64 } from '../arith/float64.js';
import { InputError } from '../errors.js';
import { interval } from '../stats/mean.js';
import { executeRun } from './run-spec.js';
import { executeStochasticRun, type StochasticRunSpec } from './stochastic.js';

const LINE: StochasticRunSpec = {
  algorithm: 'n-sam',
  function: { family: 'quadratic', eigenvalues: ['1'] },
  oracle: { kind: 'rademacher', sigma: '1' },
  x0: ['0.1'],
  eta: '0.5',
  rho: '0.5',
  steps: 1,
  paths: 20_000,
  seed: 4,
};

/** E f(x_1) − f* over 20,000 paths, with its two-sided 99.9% interval. */
function firstGap(spec: StochasticRunSpec) {
  const stats = executeStochasticRun(float64, spec, [1]).at.get(1)!;
  return { mean: stats.gap.mean, interval: interval(float64, stats.gap, 0.999) };
}

describe('n-SAM and m-SAM (THEOREMS.md §0) match their exact one-step expectations', () => {
  // f = x²/2, ξ = ±1: x_1 = x0 − η(x0 + ρ·sign(x0 + ξ̃) + ξ), and sign(0.1 ± 1) = ±1.
  // n-SAM (ξ̃ independent of ξ): E x_1² = (x0(1 − η))² + η²(ρ² + 1)  = 0.315
  // m-SAM (ξ̃ = ξ):             E x_1² = (x0(1 − η))² + η²(ρ + 1)²  = 0.565
  test.each([
    ['n-sam', 0.315 / 2],
    ['m-sam', 0.565 / 2],
  ] as const)('%s: E f(x_1) − f* is inside its interval', (algorithm, exact) => {
    const { interval: [lo, hi] } = firstGap({ ...LINE, algorithm });
    expect(lo).toBeLessThanOrEqual(exact);
    expect(hi).toBeGreaterThanOrEqual(exact);
  });

  test('SGD does not perturb: E x_1² = (x0(1 − η))² + η²', () => {
    const { interval: [lo, hi] } = firstGap({ ...LINE, algorithm: 'sgd', rho: undefined });
    const exact = (0.0025 + 0.25) / 2;
    expect(lo).toBeLessThanOrEqual(exact);
    expect(hi).toBeGreaterThanOrEqual(exact);
  });

  test('with zero noise n-SAM and m-SAM are deterministic SAM, digit for digit, at 40 digits', () => {
    const B = decimalBackend(40);
    const function_ = { family: 'quadratic', eigenvalues: ['3', '1/2'], rotationSeed: 9 } as const;
    const sam = executeRun(B, { algorithm: 'sam', function: function_, x0: ['1', '-2'], eta: '0.2', rho: '0.3', steps: 25 }).trajectory;
    for (const algorithm of ['n-sam', 'm-sam'] as const) {
      const run = executeStochasticRun(B, {
        algorithm,
        function: function_,
        oracle: { kind: 'gaussian', sigma: '0' },
        x0: ['1', '-2'],
        eta: '0.2',
        rho: '0.3',
        steps: 25,
        paths: 2,
        seed: 1,
      });
      for (let t = 0; t <= 25; t++) {
        expect(B.toString(run.at.get(t)!.gap.mean)).toBe(B.toString(sam.gap[t]!));
        expect(run.at.get(t)!.iterates.map((m) => B.toString(m.mean))).toEqual(sam.iterates[t]!.map((v) => B.toString(v)));
      }
    }
  });
});

describe('reproducible randomness: a path is a function of (seed, path index)', () => {
  const spec: StochasticRunSpec = { ...LINE, oracle: { kind: 'student-t', sigma: '1', dof: 5 }, steps: 30, paths: 3 };

  test('the same spec gives the same means', () => {
    const a = executeStochasticRun(float64, spec);
    const b = executeStochasticRun(float64, spec);
    expect([...a.at.values()].map((s) => s.gap.mean)).toEqual([...b.at.values()].map((s) => s.gap.mean));
  });

  test('path 2 is the same whether 3 or 50 paths run, and differs from path 1 and from another seed', () => {
    const path = (paths: number, keep: number, seed = spec.seed) => executeStochasticRun(float64, { ...spec, paths, seed }, [], keep).path!.gap;
    expect(path(50, 2)).toEqual(path(3, 2));
    expect(path(3, 1)).not.toEqual(path(3, 2));
    expect(path(3, 2, 5)).not.toEqual(path(3, 2));
  });

  test('the ascent and descent samples are separate streams: n-SAM and m-SAM part ways', () => {
    const gaps = (algorithm: 'n-sam' | 'm-sam') => executeStochasticRun(float64, { ...spec, algorithm }, [], 0).path!.gap;
    expect(gaps('n-sam')).not.toEqual(gaps('m-sam'));
  });

  test('bad specs name the field', () => {
    expect(() => executeStochasticRun(float64, { ...spec, paths: 1 })).toThrow(InputError);
    expect(() => executeStochasticRun(float64, { ...spec, paths: 1 })).toThrow(/paths/);
    expect(() => executeStochasticRun(float64, { ...spec, seed: -1 })).toThrow(/seed/);
    expect(() => executeStochasticRun(float64, { ...spec, algorithm: 'sam' as never })).toThrow(/algorithm/);
    expect(() => executeStochasticRun(float64, spec, [], 3)).toThrow(/keepPath/);
  });
});
