/**
 * `samcheck power`: claims with known answers checked from several seeds; its table, its JSON, its
 * files, and its refusals.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCliCollecting } from './program.js';

const folder = mkdtempSync(join(tmpdir(), 'samcheck-power-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('samcheck power', () => {
  test('a false claim found false on every seed, a true one never; the page and its JSON twin are written', async () => {
    const page = join(folder, 'power.md');
    const { code, stdout, stderr } = await runCliCollecting('power', '--only', 'L1:c=0.9,L3', '--seeds', '2', '--from', '5', '--jobs', '1', '--json', '--write', page);
    expect(code, stderr).toBe(0);
    const { results, runs } = JSON.parse(stdout) as { results: { claim: string; truth: string; refuted: number; runs: number; missedSeeds: number[] }[]; runs: { seed: number }[] };
    expect(results.map((r) => [r.claim, r.truth, r.refuted, r.runs, r.missedSeeds])).toEqual([
      ['L1:c=0.9', 'false', 2, 2, []],
      ['L3', 'true', 0, 2, []],
    ]);
    expect(new Set(runs.map((r) => r.seed))).toEqual(new Set([5, 6]));
    expect(readFileSync(page, 'utf8')).toContain('| `L1:c=0.9` | constant | 1× | 2/2 |');
    expect(JSON.parse(readFileSync(join(folder, 'power.json'), 'utf8')).results).toHaveLength(2);
  });

  test('bad input is one line naming the option, the value and the rule', async () => {
    const unknown = await runCliCollecting('power', '--only', 'NOPE');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/invalid --only = "NOPE": is not a claim of the power benchmark/);
    const budgets = await runCliCollecting('power', '--budgets', '0,1');
    expect(budgets.code).toBe(2);
    expect(budgets.stderr).toMatch(/invalid --budgets = "0,1": must be multiples of the default budget/);
    const slice = await runCliCollecting('power', '--slice', 'ci', '--write', join(folder, 'slice.md'));
    expect(slice.code).toBe(2);
    expect(slice.stderr).toMatch(/invalid --write = .*is not for --slice ci/);
  });
});
