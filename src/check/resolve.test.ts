/**
 * A conjecture is called inconclusive only after its undecided cases were judged again with more
 * work and more digits (src/check/resolve.ts), within counted budgets.
 */
import { describe, expect, test } from 'vitest';
import type { RunSpec } from '../algorithms/run-spec.js';
import { defineConjecture } from '../conjectures/define.js';
import { checkCard } from './check-card.js';
import type { CaseVerdict } from './case-verdict.js';
import { RESOLUTION_UNITS, resolveUndecided } from './resolve.js';

// The descent lemma summed (true, and tight at η = 1/β on a quadratic along its top eigenvector):
// many of its cases are near-equalities that float64 cannot decide.
const descent = defineConjecture({
  id: 'GD-NC-descent-quadratic',
  statement: 'GD with 0 < η <= 1/β: (1/T) Σ_{t<T} ‖∇f(x_t)‖² <= 2Δ0/(ηT), on quadratics',
  class: 'smooth',
  algorithm: 'gd',
  families: ['quadratic'],
  measure: 'avgGradNormSq',
  claim: { bound: '2*delta0/(eta*T)' },
  expected: 'true',
});

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
});
