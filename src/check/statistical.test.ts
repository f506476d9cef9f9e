import { describe, expect, test } from 'vitest';
import type { StochasticRunSpec } from '../algorithms/stochastic.js';
import { S_SC_N } from '../theorems/s-sc-n.js';
import { checkedHorizons, CONFIDENCE_METHOD, FAMILYWISE_ALPHA, judgeStochasticCase } from './statistical.js';

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
});
