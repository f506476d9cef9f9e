/**
 * Every conjecture file of this folder (made with defineConjecture, see README "Conjectures"), run
 * through the same checker as `samcheck run`: a conjecture expected true must never be falsified
 * (and at most half its cases undecided), one expected false must be falsified (with its
 * counterexample saved and replayable), an open one must come out holds, falsified or
 * inconclusive (its verdict is printed). FC_NUM_RUNS and FC_SEED apply.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { checkCard } from '../../src/check/check-card.js';
import { replayFile } from '../../src/check/replay.js';
import { loadConjectures } from '../../src/conjectures/load.js';
import { registerConjectures } from '../../src/theorems/catalog.js';
import { propertyRuns, propertySeed } from '../budget.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const { conjectures, problems } = await loadConjectures(here);
// As the CLI does: so that a saved counterexample's card can be found again on replay.
registerConjectures(conjectures);
const folder = mkdtempSync(join(tmpdir(), 'samcheck-conjectures-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const seed = propertySeed();

test('every module of properties/conjectures/ is a conjecture', () => {
  expect(problems).toEqual([]);
  expect(conjectures.length).toBeGreaterThan(0);
});

describe.each(conjectures.map((c) => [c.id, c] as const))('%s', (id, conjecture) => {
  test(`${id} (expected ${conjecture.expected})`, () => {
    const runs = propertyRuns(conjecture.search?.runs ?? 100);
    const report = checkCard(conjecture, { runs, seed, precision: 30, counterexampleFolder: folder });
    console.info(`${id}: ${report.status}, ${report.cases} cases, worst ratio ${report.worstRatio} (seed ${seed})`);
    expect(report.status, report.error).not.toBe('error');
    if (conjecture.expected === 'true') {
      // Never contradicted; an undecided case (a near-equality no precision settles) is no
      // evidence either way, but most cases must be decided for the verdict to mean something.
      expect(['no counterexample', 'inconclusive']).toContain(report.status);
      expect(report.levels.undecided).toBeLessThanOrEqual(report.cases / 2);
    }
    if (conjecture.expected === 'false') {
      expect(report.status).toBe('falsified');
      const replay = replayFile(report.counterexample!.file!);
      expect(replay.error).toBeUndefined();
      expect(replay.reproduced).toBe(true);
    }
  });
});
