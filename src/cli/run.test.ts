import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliCollecting } from './program.js';

const samcheck = runCliCollecting;

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'samcheck-run-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('samcheck run', () => {
  test('--json reports every card with its cases, worst ratio and verdict levels', async () => {
    const { code, stdout } = await samcheck('run', 'L1', 'D-NC', '--runs', '20', '--seed', '7', '--json', '--save-to', folder);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ seed: 7, runs: 20, precision: 40 });
    expect(out.cards.map((c: { id: string }) => c.id)).toEqual(['L1', 'D-NC']);
    for (const card of out.cards) {
      expect(card).toMatchObject({ status: 'holds', cases: 20 });
      expect(Object.keys(card.levels).sort()).toEqual(['certified', 'float', 'statistical', 'undecided', 'verified']);
      expect(Object.values(card.levels).reduce((a: number, b) => a + (b as number), 0)).toBe(20);
      expect(card.worstRatio).toBeLessThanOrEqual(1);
      expect(card.worst.instance.algorithm).toBe('sam');
    }
  });

  test('a violated card exits 1, saves its counterexample, and the file replays', async () => {
    const { code, stdout } = await samcheck('run', 'D-NC', '--runs', '200', '--seed', '5', '--constant', 'c=0.01', '--save-to', folder);
    expect(code).toBe(1);
    expect(stdout).toMatch(/D-NC +violated/);
    const [name] = readdirSync(folder);
    expect(stdout).toContain(`replay: npx samcheck replay ${join(folder, name!)}`);
    const replay = await samcheck('replay', join(folder, name!), '--json');
    expect(replay.code).toBe(0);
    expect(JSON.parse(replay.stdout).counterexamples).toEqual([expect.objectContaining({ id: name!.replace('.json', ''), reproduced: true })]);
  });

  test.each([
    [['--runs', '-3'], 'samcheck: invalid --runs = "-3": must be a whole number from 1 to 1000000'],
    [['NOPE'], 'samcheck: invalid card = "NOPE": must be one of L1, L2'],
    [['--precision', '0'], 'samcheck: invalid --precision = "0": must be a whole number from 10 to 500'],
    [['--constant', 'c'], 'samcheck: invalid --constant = "c": must be NAME=VALUE'],
    [['L2', '--constant', 'c=1'], 'samcheck: invalid --constant = "c=1": no selected card has a constant named c (L2: none)'],
    [['L1', '--constant', 'c=zero'], 'samcheck: invalid constant c = "zero": must be a finite number'],
  ])('bad input %j: one line, exit 2', async (argv, message) => {
    const { code, stdout, stderr } = await samcheck('run', ...argv, '--runs', argv.includes('--runs') ? argv[1]! : '5', '--save-to', folder);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n').at(-1)).toContain(message);
  });
});
