/**
 * A case p and 2p digits cannot decide whole is judged on the horizons p digits resolve
 * (src/check/resolution.ts): a geometric bound below the measure's rounding noise no longer makes a
 * true bound inconclusive, and a measure double-double sees is never left out.
 */
import { describe, expect, test } from 'vitest';
import type { RunSpec } from '../algorithms/run-spec.js';
import { defineConjecture } from '../conjectures/define.js';
import { float64 } from '../arith/float64.js';
import { powerClaim } from '../power/corpus.js';
import { partialText } from '../report/verdicts.js';
import type { RunCard } from '../theorems/card.js';
import type { CardReport } from './check-card.js';
import { observe } from './observe.js';
import { beyondResolution } from './resolution.js';
import { judgeCase } from './verdict.js';

/** GD's contraction of f − f* on F_{μ,β} (Taylor, Hendrickx & Glineur 2018), for any method on quadratics. */
const contraction = (algorithm: 'gd' | 'sam') =>
  defineConjecture({
    id: `contraction-${algorithm}`,
    statement: 'f(x_T) − f* <= max{(1 − ημ)², (1 − ηβ)²}^T·Δ0',
    class: 'strongly-convex',
    algorithm,
    measure: 'gap',
    claim: { bound: 'max((1 - eta*mu)^2, (1 - eta*beta)^2)^T * delta0' },
    source: 'Taylor, Hendrickx & Glineur, Optim. Lett. 12 (2018), Thm 3.3',
  }) as RunCard;

// x − c cancels near c = (1, −3), and an explicit matrix has no closed-form certificate: past
// t ≈ 190 the bound (0.64^t·Δ0) is below what 20 digits resolve of f(x_t) − f*.
const nearCentre = (algorithm: 'gd' | 'sam', rho: string): RunSpec => ({
  algorithm,
  function: { family: 'quadratic', matrix: [['1', '0'], ['0', '0.5']], center: ['1', '-3'] },
  rho,
  eta: { overBeta: '1.8' },
  steps: 400,
  x0: ['1.001', '-2.999'],
});

describe('horizons beyond the resolution of the working precision', () => {
  test('a true contraction 20 digits cannot judge whole is verified on the horizons they resolve, and says which it left out', () => {
    const verdict = judgeCase(contraction('gd'), nearCentre('gd', '1'), { precision: 20 });
    expect(verdict).toMatchObject({ holds: true, level: 'verified', ratio: 0.671875 });
    const skipped = verdict.beyondResolution!;
    expect(skipped.from).toBeGreaterThan(100);
    expect(skipped.from + skipped.horizons - 1).toBe(400);
    // The digits that would judge them: more than 20, as many as the bound's depth asks.
    expect(skipped.digits).toBeGreaterThan(60);
  });

  test('a case the precision decides whole is never cut', () => {
    // At 40 digits (quad-double and 80 in decimal) the same run is verified on all its horizons.
    const verdict = judgeCase(contraction('gd'), nearCentre('gd', '1'), { precision: 40 });
    expect(verdict).toMatchObject({ holds: true, level: 'verified' });
    expect(verdict.beyondResolution).toBeUndefined();
  });

  test('a measure double-double sees is judged whatever the bound: SAM\'s floor against a contraction to 10^-60 is a violation', () => {
    // SAM with ρ = 10^-12 settles at a floor of about 10^-25: far below f's size, far above the bound.
    for (const precision of [20, 40]) {
      const verdict = judgeCase(contraction('sam'), nearCentre('sam', '1e-12'), { precision });
      expect(verdict.holds).toBe(false);
      expect(verdict.level).toBe('verified');
      expect(verdict.ratio).toBeGreaterThan(1e40);
      expect(verdict.beyondResolution).toBeUndefined();
    }
  });

  test('only observations float64 could not decide, whose measure double-double does not see, are left out', () => {
    const card = contraction('gd');
    const spec = nearCentre('gd', '1');
    const fast = observe(float64, card, spec);
    // Every observation counted undecided: the early ones, where float64 sees the gap, stay in.
    const { beyond } = beyondResolution(card, spec, {}, fast, fast.map(() => true), 20);
    expect(beyond.slice(0, 100).some(Boolean)).toBe(false);
    expect(beyond.slice(250).every(Boolean)).toBe(true);
    // None undecided in float64: nothing is left out, and no double-double run is needed.
    expect(beyondResolution(card, spec, {}, fast, fast.map(() => false), 20).skipped).toBeUndefined();
    // The same run from c = 0 has no cancellation: float64 tracks the gap to 10^-84, nothing is beyond.
    const atZero = { ...spec, function: { family: 'quadratic' as const, matrix: [['1', '0'], ['0', '0.5']] }, x0: ['0.001', '0.001'] };
    const clean = observe(float64, card, atZero);
    expect(beyondResolution(card, atZero, {}, clean, clean.map(() => true), 20).skipped).toBeUndefined();
    // SAM's floor of about 10^-25 is a value double-double sees: never left out, even counted
    // undecided and against a bound below 10^-60.
    const sam = contraction('sam');
    const floor = nearCentre('sam', '1e-12');
    const atFloor = observe(float64, sam, floor);
    expect(atFloor[399]!.bound).toBeLessThan(1e-60);
    expect(beyondResolution(sam, floor, {}, atFloor, atFloor.map(() => true), 40).beyond.some(Boolean)).toBe(false);
  });

  test('GD-SC-contraction, power seed 5: a logistic regression 10^-12 from x* over 2657 steps, cost-refused whole, is judged on its first horizons', () => {
    const spec: RunSpec = {
      algorithm: 'gd',
      function: { family: 'logistic', dim: 2, samples: 37, dataSeed: 3101380821, l2: '0.106' },
      rho: '1',
      eta: { overBeta: '1.818586' },
      steps: 2657,
      x0: ['1.0879706600894536', '-0.0761357160938516'],
    };
    // At the resolution ladder's first rung: the bound past t = 28 is below what 20 digits resolve.
    const verdict = judgeCase(powerClaim('GD-SC-contraction').card, spec, { precision: 20 });
    expect(verdict.holds).toBe(true);
    expect(verdict.beyondResolution).toMatchObject({ from: 29, atLeast: true });
    expect(verdict.beyondResolution!.digits).toBeGreaterThan(300);
  });

  test("a check's line says how many cases were judged in part, and the digits that would judge them whole", () => {
    const report = { beyondResolution: { cases: 2, digits: 330, atLeast: true } } as Pick<CardReport, 'beyondResolution'> as CardReport;
    expect(partialText(report)).toContain('2 cases judged only on the horizons their precision resolves');
    expect(partialText(report)).toContain('--precision above 330 judges them whole');
    expect(partialText({} as CardReport)).toBe('');
  });
});
