/**
 * A conjecture is called inconclusive only after its undecided cases were judged again with more
 * work and more digits (src/check/resolve.ts), within counted budgets.
 */
import { describe, expect, test } from 'vitest';
import type { RunSpec } from '../algorithms/run-spec.js';
import { defineConjecture } from '../conjectures/define.js';
import { checkCard, worstAfterResolution } from './check-card.js';
import type { CaseVerdict } from './case-verdict.js';
import type { RunCard } from '../theorems/card.js';
import { MAX_DECIMAL_PRECISION } from '../arith/decimal.js';
import { judgeCase, verificationUnits } from './verdict.js';
import { RESOLUTION_PRECISION, RESOLUTION_UNITS, resolutionLadder, resolveUndecided } from './resolve.js';

// The descent lemma summed (true, and tight at η = 1/β on a quadratic along its top eigenvector):
// many of its cases are near-equalities that float64 cannot decide.
const descentSpec = {
  id: 'GD-NC-descent-quadratic',
  statement: 'GD with 0 < η <= 1/β: (1/T) Σ_{t<T} ‖∇f(x_t)‖² <= 2Δ0/(ηT), on quadratics',
  class: 'smooth',
  algorithm: 'gd',
  families: ['quadratic'],
  measure: 'avgGradNormSq',
  claim: { bound: '2*delta0/(eta*T)' },
  expected: 'true',
} as const;
const descent = defineConjecture(descentSpec);

describe('undecided cases resolved before a conjecture is inconclusive', () => {
  test('cases refused for their cost are verified within the resolution budget: no counterexample, none undecided', () => {
    let undecidedWhenDrawn = 0;
    // Every escalated case is refused at first (a budget of one unit a case).
    const report = checkCard(descent, { runs: 30, seed: 7, maxVerificationUnits: 1, searchEvaluations: 0, onCase: (_, v) => void (v.level === 'undecided' && undecidedWhenDrawn++) });
    expect(undecidedWhenDrawn).toBeGreaterThan(0);
    expect(report.levels.undecided).toBe(0);
    expect(report.status).toBe('no counterexample');
    expect(report.rows.filter((r) => r.level === 'undecided')).toHaveLength(0);
  });

  test('a case dearer than the whole budget is not tried, and stays undecided', () => {
    const instance: RunSpec = { algorithm: 'gd', function: { family: 'quadratic', eigenvalues: ['1'] }, x0: ['1'], eta: { overBeta: '1' }, steps: 3 };
    const refused: CaseVerdict = { holds: undefined, level: 'undecided', ratio: NaN, ratioText: 'NaN', at: 1, reason: 'too dear', cost: 2 * RESOLUTION_UNITS };
    const [after] = resolveUndecided(descent, [{ instance, verdict: refused }], { precision: 30 });
    expect(after).toBe(refused);
  });

  test('a case where p and 2p digits disagree is judged at 2p and 4p', () => {
    const instance: RunSpec = { algorithm: 'gd', function: { family: 'quadratic', eigenvalues: ['1'] }, x0: ['1'], eta: { overBeta: '1/2' }, steps: 3 };
    const disagreed: CaseVerdict = { holds: undefined, level: 'undecided', ratio: NaN, ratioText: 'NaN', at: 1 };
    const [after] = resolveUndecided(descent, [{ instance, verdict: disagreed }], { precision: 30 });
    expect(after!.holds).toBe(true);
    expect(['verified', 'certified', 'float']).toContain(after!.level);
  });

  test('the ladder: a refused case climbs from RESOLUTION_PRECISION to p and 2p, a disagreeing one to 2p and 4p, never past decimal.js\'s digits', () => {
    const refused: CaseVerdict = { holds: undefined, level: 'undecided', ratio: NaN, ratioText: 'NaN', at: 1, cost: 1 };
    const disagreed: CaseVerdict = { holds: undefined, level: 'undecided', ratio: NaN, ratioText: 'NaN', at: 1 };
    expect(resolutionLadder(refused, 40)).toEqual([RESOLUTION_PRECISION, 40, 80]);
    expect(resolutionLadder(refused, 15)).toEqual([15, 30]);
    expect(resolutionLadder(disagreed, 40)).toEqual([80, 160]);
    expect(Math.max(...resolutionLadder(disagreed, MAX_DECIMAL_PRECISION / 4))).toBe(MAX_DECIMAL_PRECISION / 2);
    expect(resolutionLadder(disagreed, MAX_DECIMAL_PRECISION)).toEqual([]);
  });

  // The case the power benchmark left inconclusive (GD-NC-descent, seed 6; its 3 first steps): a
  // logistic regression without ridge whose f(x0) − f* 20 digits cannot resolve, and 40 can.
  test('a refused case that 20 digits leave undecided is verified at p', () => {
    const anywhere = defineConjecture({ ...descentSpec, id: 'GD-NC-descent-anywhere', families: undefined });
    const instance: RunSpec = {
      algorithm: 'gd',
      function: { family: 'logistic', dim: 4, samples: 38, dataSeed: 4294967271, l2: '0' },
      x0: ['-0.01551667335419814', '0.903136756089521', '-2.0953832924485885', '-2.15344607646931'],
      eta: { overBeta: '0.003519' },
      steps: 3,
    };
    expect(judgeCase(anywhere, instance, { precision: RESOLUTION_PRECISION }).level).toBe('undecided');
    const cost = verificationUnits(anywhere as RunCard, instance, {});
    const refused: CaseVerdict = { holds: undefined, level: 'undecided', ratio: NaN, ratioText: 'NaN', at: 1, reason: 'refused', cost };
    const [after] = resolveUndecided(anywhere, [{ instance, verdict: refused }], { precision: 40 });
    expect(after!.holds).toBe(true);
    expect(['verified', 'certified']).toContain(after!.level);
    expect(after!.ratio).toBeLessThan(0.01);
  });

  // Power seed 16 of GD-SC-contraction: a case undecided at 40/80 digits with a ratio of 10^22 (the
  // bound at T = 437 lies below what 80 digits resolve) was verified at 80/160, and the check said
  // `no counterexample` with that 10^22 still its worst ratio.
  test('a case the resolution decided no longer stands as the worst with its undecided ratio', () => {
    const instance: RunSpec = { algorithm: 'gd', function: { family: 'quadratic', eigenvalues: ['1'] }, x0: ['1'], eta: { overBeta: '1' }, steps: 3 };
    const verdict = (level: CaseVerdict['level'], ratio: number): CaseVerdict => ({ holds: level === 'undecided' ? undefined : true, level, ratio, ratioText: String(ratio), at: 3 });
    const decided = { ratio: '0.5', at: 1, level: 'verified' as const, instance, row: 0 };
    const undecided = [{ instance, verdict: verdict('undecided', 2.78e22), row: 1 }];
    expect(worstAfterResolution(decided, undecided, [verdict('verified', 0.9)])).toMatchObject({ ratio: '0.9', level: 'verified', row: 1 });
    expect(worstAfterResolution(decided, undecided, [verdict('verified', 0.1)])).toBe(decided);
    expect(worstAfterResolution(decided, undecided, [undecided[0]!.verdict])).toMatchObject({ ratio: '2.78e+22', level: 'undecided' });
  });
});

