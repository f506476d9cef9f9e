/**
 * Every case of a check as data: its parameters (check/case-row.ts), the scatter drawn from them
 * (html/figures.ts casesChart) and the tidy results.json (results.ts).
 */
import { describe, expect, test } from 'vitest';
import { caseParameters, caseRow, type CaseRow } from '../check/case-row.js';
import type { CheckedCard } from '../check/check-all.js';
import type { CaseVerdict } from '../check/verdict.js';
import { L7 } from '../theorems/l7.js';
import { casesChart, SMALLEST_MARGIN } from './html/figures.js';
import { resultsJson } from './results.js';

// ½xᵀdiag(4, 1)x: β = 4, μ = 1, x* = 0; at x0 = (1, 0), ∇f = (4, 0).
const quadratic = { algorithm: 'sam', function: { family: 'quadratic', eigenvalues: ['4', '1'] }, x0: ['1', '0'], eta: { overBeta: '1/2' }, rho: '0.5', steps: 3 } as const;
const verdict = (ratio: number): CaseVerdict => ({ holds: true, level: 'float', ratio, ratioText: String(ratio), at: 1 });

describe('a case as a row of parameters', () => {
  test('the scale-free parameters of a quadratic case, computed from its certificate', () => {
    expect(caseParameters(quadratic)).toEqual({ betaEta: 0.5, betaRhoOverGrad: (4 * 0.5) / 4, kappa: 4, startOverRho: 2, steps: 3, dim: 2, sigmaOverGrad: null });
  });

  test('a family that does not build leaves its parameters null, and the row says what it can', () => {
    const bad = { ...quadratic, function: { family: 'no-such-family' } } as never;
    expect(caseParameters(bad)).toMatchObject({ betaEta: null, kappa: null, steps: 3, dim: 2 });
    expect(caseRow(bad, verdict(0.5), 'a corner')).toMatchObject({ family: 'no-such-family', ratio: 0.5, level: 'float', at: 1, corner: 'a corner' });
  });
});

/**
 * A check with these ratios, as the main job reports it (only the fields the scatter and
 * results.json read); its worst case is the sampling's row `worstRow`, or a search's (undefined).
 */
function checked(ratios: number[], worstRow?: number): CheckedCard {
  const rows: CaseRow[] = ratios.map((r) => caseRow(quadratic, verdict(r), undefined));
  return { id: 'L7', seed: 5, rows, worst: { ratio: '1', at: 1, level: 'float', instance: quadratic, ...(worstRow === undefined ? {} : { row: worstRow }) } } as unknown as CheckedCard;
}

describe('the scatter of a card\'s cases', () => {
  test('cases approaching the bound are drawn as their margin on a log axis, the worst one marked', () => {
    const chart = casesChart(L7, checked([0.2, 0.9, 1 - 1e-20], 2))!;
    expect(chart.logY).toBe(true);
    expect(chart.yTitle).toBe('margin 1 − observed/bound');
    const quadratics = chart.series.find((s) => s.label === 'quadratic')!;
    expect(quadratics.points.map((p) => p.value)).toEqual([0.8, 1 - 0.9, SMALLEST_MARGIN]);
    expect(chart.series.find((s) => s.role === 'worst')).toMatchObject({ points: [{ t: 0.5, value: SMALLEST_MARGIN }], href: '#instance-L7' });
  });

  test('the worst dot links to the instance under the chart only when that instance is this case', () => {
    // The card's worst case came from the targeted search (no row), or is another row: the dot
    // is only the worst the sampling drew, and links nowhere.
    for (const worstRow of [undefined, 0]) {
      const dot = casesChart(L7, checked([0.2, 0.9], worstRow))!.series.find((s) => s.role === 'worst')!;
      expect(dot.href).toBeUndefined();
      expect(dot.label).toBe('worst case the sampling drew (quadratic)');
    }
  });

  test('cases far from the bound, or beyond it, are drawn as the ratio itself beside the bound', () => {
    for (const ratios of [[0.1, 0.3], [0.5, 2]]) {
      const chart = casesChart(L7, checked(ratios))!;
      expect(chart.logY).toBe(false);
      expect(chart.levels).toEqual([{ label: 'the bound (ratio 1)', value: 1, role: 'bound' }]);
    }
  });
});

describe('results.json', () => {
  test('one flat row per case with every column, and null for what JSON cannot hold', () => {
    const json = JSON.parse(resultsJson({ seed: 3, runs: 2, precision: 40, checks: [checked([0.5, Number.NaN])] }, 'npx samcheck', new Date(0)));
    expect(json).toMatchObject({ format: 'samcheck-results', version: 1, seed: 3, runs: 2 });
    expect(json.rows).toEqual([
      { card: 'L7', index: 0, seed: 5, family: 'quadratic', corner: null, betaEta: 0.5, betaRhoOverGrad: 0.5, kappa: 4, startOverRho: 2, steps: 3, dim: 2, sigmaOverGrad: null, ratio: 0.5, lowerRatio: null, level: 'float', at: 1 },
      expect.objectContaining({ index: 1, ratio: null }),
    ]);
    for (const row of json.rows) expect(Object.keys(row).sort()).toEqual(Object.keys(json.columns).sort());
  });
});
