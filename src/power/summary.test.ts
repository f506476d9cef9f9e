import { describe, expect, test } from 'vitest';
import { powerClaim } from './corpus.js';
import type { PowerRun } from './run.js';
import { powerMarkdown, summarize, wilson } from './summary.js';

const run = (claim: string, seed: number, status: PowerRun['status'], cases = 10): PowerRun => ({ claim, seed, factor: 1, status, cases, evaluations: 0, undecided: 0, partlyJudged: 0, worstRatio: null, seconds: 1 });

describe('the power summary', () => {
  test('Wilson score intervals: 20/20 is [83.9%, 100%], 0/10 is [0, 27.8%]', () => {
    const [low, high] = wilson(20, 20);
    expect(low).toBeCloseTo(0.8389, 4);
    expect(high).toBe(1);
    expect(wilson(0, 10)[1]).toBeCloseTo(0.2775, 4);
  });

  test('a false claim counts refutations and the seeds that missed; a true one counts every wrong verdict', () => {
    const claims = [powerClaim('L1:c=0.9'), powerClaim('L3')];
    const [falseOne, trueOne] = summarize(claims, [
      run('L1:c=0.9', 1, 'violated', 3),
      run('L1:c=0.9', 2, 'holds', 100),
      run('L1:c=0.9', 3, 'violated', 5),
      run('L3', 1, 'holds'),
      run('L3', 2, 'inconclusive'),
      run('L3', 3, 'violated'),
    ]);
    expect(falseOne).toMatchObject({ refuted: 2, runs: 3, medianCases: 4, missedSeeds: [2], class: 'smooth', algorithm: 'sam' });
    expect(trueOne).toMatchObject({ refuted: 1, inconclusive: 1, missedSeeds: [2, 3] });
  });

  test('runs with cases judged only on the horizons their precision resolves are counted, and the page shows them', () => {
    const results = summarize([powerClaim('L3')], [{ ...run('L3', 1, 'holds'), partlyJudged: 3 }, run('L3', 2, 'holds')]);
    expect(results[0]).toMatchObject({ partlyJudged: 1, missedSeeds: [] });
    expect(powerMarkdown(results, { command: 'x', seeds: 'y', environment: 'z', seconds: 1 })).toMatch(/\| `L3` \| card \| 1× \| 2 \| 2 \| 1 \| 0 \| 0 \| 0 \|/);
  });

  test('an interrupted benchmark says so above its tables', () => {
    const results = summarize([powerClaim('L3')], [run('L3', 1, 'holds')]);
    const page = powerMarkdown(results, { command: 'npx samcheck power', seeds: '2 seeds from 1', environment: 'test', seconds: 1, interrupted: { runsNotMade: 1, of: 2, claims: ['L3'] } });
    expect(page).toContain('**Interrupted**: 1 of 2 runs were not made (L3)');
    expect(powerMarkdown(results, { command: 'x', seeds: 'y', environment: 'z', seconds: 1 })).not.toContain('Interrupted');
  });
});
