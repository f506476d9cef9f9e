import { describe, expect, test } from 'vitest';
import type { StochasticRunSpec } from '../algorithms/stochastic.js';
import { S_SC_N } from '../theorems/s-sc-n.js';
import { adequatePaths, checkedHorizons, CONFIDENCE_METHOD, FAMILYWISE_ALPHA, judgeStochasticCase } from './statistical.js';

describe('statistical verdicts (one-sided Student-t, Bonferroni over horizons)', () => {
  test('at most 8 horizons, log-spaced, always T', () => {
    expect(checkedHorizons(1)).toEqual([1]);
    const h = checkedHorizons(500);
    expect(h.length).toBeLessThanOrEqual(8);
    expect(h.at(-1)).toBe(500);
    expect(h[0]).toBe(2);
    expect([...h].sort((a, b) => a - b)).toEqual(h);
    expect(new Set(h).size).toBe(h.length);
  });

  // f = x²/2 (β = μ = 1) with η = 1/β: x_{t+1} = −ρ·u_t − ξ_t, so for t >= 1 E f(x_t) − f* = ρ²/2 + σ²/2
  // exactly, while S-SC-n's bound is σ²/2 + c·ρ² (its linear term is 0): equality at c = 1/2.
  const equality: StochasticRunSpec = {
    algorithm: 'n-sam',
    function: { family: 'quadratic', eigenvalues: ['1'] },
    oracle: { kind: 'gaussian', sigma: '0.01' },
    x0: ['2'],
    eta: { overBeta: '1' },
    rho: '1',
    steps: 20,
    paths: 64,
    seed: 7,
  };

  test('S-SC-n attained with equality holds at its own c, and is violated once c is 10% smaller', () => {
    const atC = judgeStochasticCase(S_SC_N, equality, {});
    expect(atC.holds).toBe(true);
    expect(atC.ratio).toBeGreaterThan(0.99);
    const smaller = judgeStochasticCase(S_SC_N, equality, { constants: { c: '0.45' } });
    expect(smaller.holds).toBe(false);
    expect(Number(smaller.confidence!.lower)).toBeGreaterThan(Number(smaller.confidence!.bound));
  });

  test('the verdict states its method, the paths, and its share of the level', () => {
    const verdict = judgeStochasticCase(S_SC_N, equality, { alpha: FAMILYWISE_ALPHA / 10 });
    expect(verdict.level).toBe('statistical');
    expect(verdict.confidence).toMatchObject({ method: CONFIDENCE_METHOD, paths: 64, alpha: FAMILYWISE_ALPHA / 10 / checkedHorizons(20).length });
  });

  // Found by the main job: S-SC-n at (almost) equality, η = 0.999999/β, with noise that is 0.1 with
  // probability 49/51 and 1 or −5.9 with 1/51 each. SAM's sign alternates on every path, so
  // f(x_t) − f* is a little above its mean unless the rare −5.9 hits, when it is far below: 64
  // paths miss it a quarter of the time, and then the t lower bound sits above the mean.
  const rare: StochasticRunSpec = {
    algorithm: 'n-sam',
    function: { family: 'quadratic', eigenvalues: ['10.3'], rotationSeed: 1513186161 },
    oracle: { kind: 'discrete', values: [['0.1'], ['1'], ['-5.9']], probabilities: ['49/51', '1/51', '1/51'] },
    x0: ['0.000918'],
    eta: { overBeta: '0.999999' },
    rho: '0.918',
    steps: 60,
    paths: 64,
    seed: 0,
  };

  test('a violation seen on too few paths for the rarest noise atom is looked at again on enough of them', () => {
    expect(adequatePaths(rare)).toBe(30 * 51);
    expect(adequatePaths({ ...rare, oracle: { kind: 'gaussian', sigma: '1' } })).toBe(64);
    const seeds = Array.from({ length: 20 }, (_, i) => i);
    const alarms = (recheck: boolean) => seeds.filter((seed) => judgeStochasticCase(S_SC_N, { ...rare, seed }, { alpha: 1e-4, recheck }).holds === false).length;
    expect(alarms(false)).toBeGreaterThanOrEqual(3);
    expect(alarms(true)).toBe(0);
  });
});

describe('a second look at a sample mean above the bound', () => {
  // LB-S with K = 19 and s = βρ at ηβ = 0.003 over 2000 steps: E f(x_T) − f* is about 0.36β²ρ²/μ,
  // 13% above S-SC-n's bound with c = 0.288 (0.3165), a false claim; 64 paths put the lower
  // confidence bound at 0.30, below it.
  const lbS = (seed: number): StochasticRunSpec => ({ algorithm: 'n-sam', function: { family: 'quadratic', eigenvalues: ['1'] }, oracle: { kind: 'two-point', K: '19', s: '1' }, x0: ['0'], rho: '1', eta: { overBeta: '0.003' }, steps: 2000, paths: 64, seed });
  const options = { constants: { c: '0.288' }, alpha: 1e-4 };

  test('four times the paths, at half the level, find the violation the first look missed', () => {
    for (const seed of [0, 1, 2]) {
      const first = judgeStochasticCase(S_SC_N, lbS(seed), { ...options, recheck: false });
      expect(first.holds).toBe(true);
      expect(Number(first.confidence!.mean)).toBeGreaterThan(Number(first.confidence!.bound));
      const verdict = judgeStochasticCase(S_SC_N, lbS(seed), options);
      expect(verdict).toMatchObject({ holds: false, level: 'statistical' });
      expect(verdict.confidence!.paths).toBe(256);
      expect(verdict.confidence!.alpha).toBeCloseTo(options.alpha / 2 / checkedHorizons(2000).length, 15);
      expect(Number(verdict.confidence!.lower)).toBeGreaterThan(Number(verdict.confidence!.bound));
    }
  });

  test('a mean below the bound gets no second look', () => {
    const verdict = judgeStochasticCase(S_SC_N, lbS(0), { constants: { c: '0.5' }, alpha: 1e-4 });
    expect(verdict).toMatchObject({ holds: true, confidence: { paths: 64 } });
  });
});
