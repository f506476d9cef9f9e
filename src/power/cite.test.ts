import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { cardById } from '../theorems/catalog.js';
import { powerCitation } from './cite.js';
import type { ClaimResult } from './summary.js';

function row(claim: string, base: string, refuted: number, runs: number, extra: Partial<ClaimResult> = {}): ClaimResult {
  return { claim, truth: 'false', shape: 'constant', base, class: 'smooth', algorithm: 'sam', evidence: '-', factor: 1, runs, refuted, interval: [0, 1], inconclusive: 0, partlyJudged: 0, errors: 0, medianCases: null, medianEvaluations: null, missedSeeds: [], seconds: 0, ...extra };
}

const results: ClaimResult[] = [
  row('D-NC:c=0.9', 'D-NC', 20, 20),
  row('D-NC:c=0.8:eta=0..1/2', 'D-NC', 19, 20, { shape: 'eta range' }),
  row('D-NC:c=0.9', 'D-NC', 7, 10, { factor: 0.5 }), // another budget: not cited
  row('C5', 'C5', 20, 20, { shape: 'conjecture' }),
  row('D-SC:c=0', 'D-SC', 20, 20, { class: 'strongly-convex' }),
  row('L3', 'L3', 0, 20, { truth: 'true', shape: 'card' }), // a true claim: not cited
];

describe('the measured power a surviving claim cites', () => {
  test('a card checked with its constants changed: the false variants of that card, at the default budget', () => {
    expect(powerCitation(cardById('D-NC'), { c: '0.5' }, results)).toBe('measured power: false variants of D-NC were found false in 39/40 runs at the default budget (2 claims, docs/power.md)');
  });

  test('a conjecture: the false claims about the same method on the same class', () => {
    const sameKind = powerCitation({ ...cardById('D-NC'), id: 'MY-CONJECTURE', kind: 'conjecture' }, {}, results);
    expect(sameKind).toBe('measured power: false claims about sam on the smooth class were found false in 59/60 runs at the default budget (3 claims, docs/power.md)');
  });

  test('a claim of a kind the benchmark has none of: all its false claims; no results: nothing', () => {
    expect(powerCitation(cardById('S-NC-n'), {}, results)).toContain('false claims of every kind were found false in 79/80 runs');
    expect(powerCitation(cardById('D-NC'), {}, [])).toBeUndefined();
  });

  test('without results given, the package\'s own docs/power.json is cited (its false claims about the same kind)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../docs/power.json', import.meta.url), 'utf8')) as { results: ClaimResult[] };
    expect(powerCitation(cardById('D-NC'))).toBe(powerCitation(cardById('D-NC'), {}, committed.results));
    expect(powerCitation(cardById('D-NC'))).toMatch(/^measured power: false claims about sam on the smooth class were found false in \d+\/\d+ runs/);
  });
});
