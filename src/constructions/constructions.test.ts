import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { METHODS, type Method } from '../algorithms/ascent.js';
import { canonicalJson, readCounterexample, type ConstructionFile } from '../check/counterexamples.js';
import { counterexampleFiles, replayFile } from '../check/replay.js';
import { CONSTRUCTIONS } from './catalog.js';
import { constructionContent } from './files.js';
import { knownTightness, tightnessRange } from './tightness.js';

const folder = fileURLToPath(new URL('../../counterexamples', import.meta.url));
const files = counterexampleFiles(folder);
const constructionFiles = files.filter((f) => readCounterexample(f).kind === 'construction');

function fileOf(construction: string): string[] {
  return constructionFiles.filter((f) => (readCounterexample(f) as ConstructionFile).construction === construction);
}

describe('the construction files in counterexamples/', () => {
  test('are exactly what the code makes (no file is stale, none is missing)', () => {
    const made = CONSTRUCTIONS.map((c) => canonicalJson(constructionContent(c)));
    const kept = constructionFiles.map((f) => {
      const { format: _f, version: _v, id: _i, ...content } = JSON.parse(readFileSync(f, 'utf8'));
      return canonicalJson(content);
    });
    expect(kept.sort()).toEqual(made.sort());
  });

  test('cover every construction of THEOREMS.md §4 that this suite reproduces', () => {
    expect(new Set(constructionFiles.map((f) => (readCounterexample(f) as ConstructionFile).construction))).toEqual(
      new Set(['LB-D-SC', 'LB-D-SC-step', 'LB-D-NC-a', 'LB-D-NC-b', 'LB-D-NC-c', 'LB-D-NC-q', 'LB-S']),
    );
    expect(fileOf('LB-D-NC-a').length).toBe(2);
  });
});

describe('a wrong SAM fails the replays', () => {
  const descentAtX: Method = { ...METHODS.sam, name: 'descent at x', descentAt: 'current-point' };

  test('gradient descent in disguise (descent gradient at x) fails LB-D-SC and LB-D-NC-b', () => {
    for (const file of [...fileOf('LB-D-SC'), ...fileOf('LB-D-NC-b')]) {
      expect(replayFile(file, { method: descentAtX }).reproduced, file).toBe(false);
    }
  });

  test('the real SAM, handed in the same way, passes them', () => {
    for (const file of [...fileOf('LB-D-SC'), ...fileOf('LB-D-NC-b')]) expect(replayFile(file, { method: METHODS.sam }).reproduced).toBe(true);
  });
});

describe('what the constructions say about the constants', () => {
  test('D-NC: from 0.0472 (robust smooth trap) through 0.64 (robust piecewise-quadratic trap) to 1 (exact start, and the quadratic at η = 1/β)', () => {
    const known = knownTightness('D-NC');
    expect(known.map((k) => [k.construction, Number(k.constant.toFixed(5)), k.robust])).toEqual([
      ['LB-D-NC-b', 0.04719, true],
      ['LB-D-NC-c', 0.64, true],
      ['LB-D-NC-a', 0.70807, false],
      ['LB-D-NC-a', 0.99997, false],
      ['LB-D-NC-q', 1, true],
    ]);
    expect(tightnessRange(known)).toBe('0.0472–1');
    expect(tightnessRange(knownTightness('L1'))).toBe('-');
  });
});
