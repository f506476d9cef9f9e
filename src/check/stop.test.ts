/**
 * A check asked to stop (options.stop, which Ctrl-C sets through src/parallel/stop.ts) ends at its
 * next case: with no verdict when it had found nothing (status interrupted, the cases it judged
 * counted), and with its counterexample, saved and replayable, when it had found one. It never
 * draws the cases it was told not to judge, and never reports a verdict on fewer cases as if whole.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { D_NC } from '../theorems/d-nc.js';
import { L1 } from '../theorems/l1.js';
import { checkCard } from './check-card.js';
import { replayFile } from './replay.js';

const folder = mkdtempSync(join(tmpdir(), 'samcheck-stop-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('a check asked to stop', () => {
  test('with nothing found: interrupted after the cases it judged, no search, no verdict', () => {
    let judged = 0;
    const report = checkCard(L1, { runs: 1000, seed: 3, precision: 30, onCase: () => judged++, stop: () => judged >= 7 });
    expect(report.status).toBe('interrupted');
    expect(report.cases).toBe(7);
    expect(report.rows).toHaveLength(7);
    expect(report.search).toBeUndefined();
  });

  test('once it has found a violation: the violation is kept, saved and replayable', () => {
    let asked = 0;
    // D-NC with its floor constant lowered to 1/100 is violated at once; the stop comes while it shrinks.
    const report = checkCard(D_NC, { runs: 200, seed: 5, precision: 30, constants: { c: '0.01' }, counterexampleFolder: folder, stop: () => ++asked > 3 });
    expect(report.status).toBe('violated');
    const file = report.counterexample!.file!;
    expect(readdirSync(folder)).toContain(file.split('/').at(-1));
    expect(replayFile(file).reproduced).toBe(true);
  });
});
