/**
 * C4 (THEOREMS.md §5, expected false): "stochastic SAM with constant ρ converges to the optimum of
 * a smooth strongly convex function". The suite must falsify it with its default budget, from any
 * seed, save the counterexample, and the saved file must falsify it again on replay.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { checkCard } from '../../src/check/check-card.js';
import { replayFile } from '../../src/check/replay.js';
import { C4 } from '../../src/conjectures/c4.js';
import { propertySeed } from '../budget.js';

const folder = mkdtempSync(join(tmpdir(), 'samcheck-c4-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const seed = propertySeed();

test('C4 is falsified with the default budget, and its saved counterexample replays', () => {
  const report = checkCard(C4, { runs: C4.search!.runs!, seed, precision: 30, counterexampleFolder: folder });
  expect(report.status).toBe('falsified');
  expect(report.counterexample!.level).toBe('statistical');
  const instance = report.counterexample!.instance;
  expect('oracle' in instance && instance.algorithm).toBe('n-sam');
  const replay = replayFile(report.counterexample!.file!);
  expect(replay.error).toBeUndefined();
  expect(replay.reproduced).toBe(true);
});
