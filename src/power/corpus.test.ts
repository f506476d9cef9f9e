/**
 * The power benchmark's evidence is computed, not only asserted: every false claim's witness is a
 * case in the claim's class and ranges, and violates it, judged as `samcheck run` judges a case;
 * every claim has its evidence and a unique ID; the true claims are the cards, the shipped
 * conjectures expected true, and the classical results.
 */
import { describe, expect, test } from 'vitest';
import { admissibilityProblem } from '../check/admissible.js';
import { judgeCase } from '../check/verdict.js';
import { CARDS } from '../theorems/catalog.js';
import { powerCorpus, SHAPES } from './corpus.js';

const corpus = powerCorpus();

describe('the corpus', () => {
  test('every claim has a unique ID, a shape and its evidence; every card is a true claim', () => {
    expect(new Set(corpus.map((c) => c.id)).size).toBe(corpus.length);
    for (const claim of corpus) {
      expect(SHAPES).toContain(claim.shape);
      expect(claim.evidence.length).toBeGreaterThan(10);
    }
    for (const card of CARDS) expect(corpus.find((c) => c.id === card.id)?.truth).toBe('true');
    expect(corpus.filter((c) => c.truth === 'false').length).toBeGreaterThanOrEqual(20);
  });

  test.each(corpus.filter((c) => c.witness !== undefined).map((c) => [c.id, c] as const))('%s: its witness lies in its class and ranges, and violates it', (_, claim) => {
    expect(admissibilityProblem(claim.card, claim.witness!, 'witness')?.message).toBeUndefined();
    const verdict = judgeCase(claim.card, claim.witness!, { precision: 40, ...(claim.constants ? { constants: claim.constants } : {}) });
    expect(verdict.holds, `${verdict.level}, ratio ${verdict.ratioText}${verdict.reason ? `: ${verdict.reason}` : ''}`).toBe(false);
  });
});
