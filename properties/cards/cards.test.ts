/**
 * Every card of THEOREMS.md §2-§3 holds on every generated instance of its class, with each
 * verdict as sure as it can be made (see src/check/verdict.ts). These are the same card objects
 * and the same checker as `samcheck run`.
 *
 * A violation confirmed at `verified` or above is saved to counterexamples/ and the test fails
 * with the file and the command that replays it (and, as every failing test, the line that reruns
 * it: properties/fast-check-setup.ts). FC_NUM_RUNS and FC_SEED set the budget and seed.
 */
import { describe, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import { checkCard, type CardReport } from '../../src/check/check-card.js';
import { CARDS } from '../../src/theorems/catalog.js';
import { propertyRuns, propertySeed } from '../budget.js';

const counterexampleFolder = fileURLToPath(new URL('../../counterexamples', import.meta.url));
const seed = propertySeed();

function explain(report: CardReport): string {
  if (report.status === 'holds') return 'holds';
  const c = report.counterexample;
  return [
    `${report.id} ${report.status}: ${report.error ?? `observed/bound = ${c?.ratio} (${c?.level})`}`,
    `instance: ${JSON.stringify(c?.instance)}`,
    c?.file ? `saved: ${c.file}\nreplay: npx samcheck replay ${c.file}` : '',
  ].join('\n');
}

describe.each(CARDS.map((card) => [card.id, card] as const))('%s', (_, card) => {
  test(`${card.id} holds on its class (${card.requires})`, () => {
    const runs = propertyRuns(40);
    const report = checkCard(card, { runs, seed, precision: 30, counterexampleFolder });
    expect(report.status, explain(report)).toBe('holds');
    expect(report.cases).toBe(runs);
    // For statistical cases worstRatio is the lower confidence bound over the bound: their sample
    // means may exceed it (S-SC-n is attained with equality at η = 1/β, so about half do).
    if (report.worstRatio !== null) expect(report.worstRatio).toBeLessThanOrEqual(1);
  });
});
