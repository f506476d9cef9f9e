import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SHAPE } from '../generators/cases.js';
import { D_NC } from '../theorems/d-nc.js';
import { checkCard } from './check-card.js';
import { readCounterexample, saveCounterexample, type CounterexampleContent } from './counterexamples.js';
import { counterexampleFiles, replayFile } from './replay.js';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'samcheck-counterexamples-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const content: CounterexampleContent = {
  kind: 'found',
  claims: [{ card: 'D-NC', relation: 'violates' }],
  run: { algorithm: 'sam', function: { family: 'quadratic', eigenvalues: ['2'] }, x0: ['0.3'], eta: { overBeta: '1' }, rho: '0.1', steps: 100 },
  constants: { c: '0.5' },
  arithmetic: { backend: 'decimal', precision: 30 },
  observed: { ratio: '1.9', at: 100, level: 'certified' },
};

describe('saving counterexamples', () => {
  test('names the file by a hash of its content and writes it whole', () => {
    const path = saveCounterexample(folder, content);
    expect(path).toMatch(/D-NC-[0-9a-f]{12}\.json$/);
    const file = readCounterexample(path);
    expect(file).toMatchObject({ format: 'samcheck-counterexample', version: 1, ...content });
    expect(readdirSync(folder)).toEqual([path.split('/').at(-1)]);
  });

  test('never overwrites: the same content keeps its file, other content gets another', () => {
    const first = saveCounterexample(folder, content);
    const before = statSync(first).mtimeMs;
    const text = readFileSync(first, 'utf8');
    expect(saveCounterexample(folder, { ...content, constants: { c: '0.5' } })).toBe(first);
    expect(readFileSync(first, 'utf8')).toBe(text);
    expect(statSync(first).mtimeMs).toBe(before);
    const second = saveCounterexample(folder, { ...content, observed: { ...content.observed, ratio: '2' } });
    expect(second).not.toBe(first);
    expect(readdirSync(folder).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  test('key order does not change the name', () => {
    const reordered = Object.fromEntries(Object.entries(content).reverse()) as CounterexampleContent;
    expect(saveCounterexample(folder, reordered)).toBe(saveCounterexample(folder, content));
  });
});

describe('reading counterexamples', () => {
  test.each([
    ['bad JSON', '{ "format": ', 'must be a JSON file'],
    ['missing field', JSON.stringify({ format: 'samcheck-counterexample', version: 1, id: 'x', kind: 'found', claims: [{ card: 'D-NC', relation: 'violates' }] }), 'bad.json: run'],
    ['unknown version', JSON.stringify({ format: 'samcheck-counterexample', version: 99 }), 'invalid bad.json: version = 99: must be 1'],
  ])('%s is reported with the file and the field, and the file is left as it is', (_, text, message) => {
    const path = join(folder, 'bad.json');
    writeFileSync(path, text);
    expect(() => readCounterexample(path)).toThrow(message);
    expect(replayFile(path)).toMatchObject({ reproduced: false, error: expect.stringContaining(message) });
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});

describe('checking a card', () => {
  test('finds, shrinks and saves a violation of a lowered constant, and the file replays', () => {
    const shape = { ...DEFAULT_SHAPE, maxDim: 4, maxCondition: 100, maxSteps: 100 };
    const report = checkCard(D_NC, { runs: 200, seed: 5, precision: 30, constants: { c: '0.01' }, counterexampleFolder: folder, shape });
    expect(report.status).toBe('violated');
    expect(['verified', 'certified']).toContain(report.counterexample!.level);
    const [file] = counterexampleFiles(folder);
    expect(file).toBe(report.counterexample!.file);
    expect(readCounterexample(file!)).toMatchObject({ constants: { c: '0.01' }, search: { seed: report.seed, runs: 200 } });
    expect(replayFile(file!)).toMatchObject({ reproduced: true });
  });

  test('with its own constants the same search finds nothing to save', () => {
    const report = checkCard(D_NC, { runs: 60, seed: 5, precision: 30, counterexampleFolder: folder });
    expect(report).toMatchObject({ status: 'holds', cases: 60 });
    expect(report.worstRatio).toBeLessThanOrEqual(1);
    expect(counterexampleFiles(folder)).toEqual([]);
  });
});
