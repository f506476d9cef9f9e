import { describe, expect, test } from 'vitest';
import type { RunSpec } from '../algorithms/run-spec.js';
import type { StochasticRunSpec } from '../algorithms/stochastic.js';
import { C4 } from '../conjectures/c4.js';
import { judgeLimitCase, limitHorizons } from './limit.js';

const LINE = { family: 'quadratic', eigenvalues: ['1'] } as const;

describe('limit verdicts ("E f(x_T) − f* -> 0", THEOREMS.md §5) at the horizons T, 4T, 16T', () => {
  test('the horizons quadruple twice', () => {
    expect(limitHorizons(10)).toEqual([10, 40, 160]);
  });

  test('deterministic SAM with constant ρ is stuck on its 2-cycle (LB-D-SC): falsified (screened on T, 4T, 16T alone)', () => {
    const sam: RunSpec = { algorithm: 'sam', function: LINE, x0: ['1'], eta: '0.3', rho: '0.25', steps: 32 };
    const verdict = judgeLimitCase(C4, sam, undefined, true);
    expect(verdict).toMatchObject({ holds: false, level: 'float', at: 512 });
    // The 2-cycle's gap does not move at all: m_16T / (3/4·m_4T) = 4/3.
    expect(verdict.ratio).toBeCloseTo(4 / 3, 9);
  });

  test('with ρ_t = ρ0/(t+1) (the contrast C3) it converges: holds', () => {
    const decaying: RunSpec = { algorithm: 'sam', function: LINE, x0: ['1'], eta: '0.3', rho: '0.25', rhoDecay: 'inverse', steps: 32 };
    expect(judgeLimitCase(C4, decaying)).toMatchObject({ holds: true, level: 'float' });
  });

  const stochastic = (algorithm: StochasticRunSpec['algorithm'], oracle: StochasticRunSpec['oracle']): StochasticRunSpec => ({
    algorithm,
    function: LINE,
    oracle,
    x0: ['0.4'],
    eta: { rule: 'S-SC-n' },
    ...(algorithm === 'sgd' ? {} : { rho: '0.5' }),
    steps: 64,
    paths: 256,
    seed: 2,
  });

  test('n-SAM under the asymmetric noise of LB-S keeps a floor even with η_T -> 0: falsified at 99%', () => {
    const verdict = judgeLimitCase(C4, stochastic('n-sam', { kind: 'two-point', K: '9', s: '0.5' }));
    expect(verdict).toMatchObject({ holds: false, level: 'statistical' });
    expect(verdict.confidence!.paths).toBeGreaterThanOrEqual(256);
    expect(Number(verdict.confidence!.lower)).toBeGreaterThan(Number(verdict.confidence!.bound));
  });

  test('SGD with the same η_T and noise converges: holds', () => {
    expect(judgeLimitCase(C4, stochastic('sgd', { kind: 'two-point', K: '9', s: '0.5' }))).toMatchObject({ holds: true, level: 'statistical' });
  });

  test('n-SAM under symmetric Gaussian noise converges on this case: holds', () => {
    expect(judgeLimitCase(C4, stochastic('n-sam', { kind: 'gaussian', sigma: '1' }))).toMatchObject({ holds: true, level: 'statistical' });
  });
});

describe('a transient that outlasts the case own horizons', () => {
  // C3's case on seed 1 of the power benchmark: SAM with ρ_t = ρ0/(t+1), ρ0 = 203, on a logistic
  // regression. Its gap is 0.9986, 1.0e-4 and 2.7e-4 at 18, 72 and 288 steps (undecided), 2.6e-4 at
  // 1152 (72, 288, 1152 alone would read "stuck twice": falsified), then 2.4e-5 at 4608.
  const plateau: RunSpec = {
    algorithm: 'sam',
    function: { family: 'logistic', dim: 1, samples: 19, dataSeed: 1361296360, l2: '0.155744851784' },
    rho: '202.666565987',
    eta: { overBeta: '0.606530659713' },
    steps: 18,
    rhoDecay: 'inverse',
    x0: ['0'],
  };

  test('the window slides by quadruplings until the last one loses its quarter: holds, judged at 4608 steps', () => {
    expect(judgeLimitCase(C4, plateau)).toMatchObject({ holds: true, level: 'float', at: 4608 });
  });

  test('a plateau over two quadruplings is not a floor until the slid windows confirm it: the same case from T = 72 holds', () => {
    // 72, 288, 1152 alone read "stuck twice"; the next window, 288, 1152, 4608, loses its quarter.
    expect(judgeLimitCase(C4, { ...plateau, steps: 72 })).toMatchObject({ holds: true, at: 4608 });
  });

  test('a true floor stays stuck in every slid window: SAM on its 2-cycle is still falsified, judged at 256T', () => {
    const sam: RunSpec = { algorithm: 'sam', function: LINE, x0: ['1'], eta: '0.3', rho: '0.25', steps: 32 };
    expect(judgeLimitCase(C4, sam)).toMatchObject({ holds: false, level: 'float', at: 32 * 256 });
  });
});
