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

  test('two shards, each on a machine of its own, merge into what one run gives; a merge checks it has the whole benchmark', async () => {
    const common = ['power', '--only', 'L1:c=0.9,L3', '--seeds', '3', '--from', '5', '--jobs', '1'];
    const parts = [1, 2].map((i) => join(folder, `part-${i}.json`));
    for (const [k, part] of parts.entries()) {
      const shard = await runCliCollecting(...common, '--shard', `${k + 1}/2`, '--write', part);
      expect(shard.code, shard.stderr).toBe(0);
      expect(shard.stderr).toMatch(new RegExp(`shard ${k + 1}/2 of 6`));
    }
    const sizes = parts.map((part) => (JSON.parse(readFileSync(part, 'utf8')) as { runs: unknown[] }).runs.length);
    expect(sizes).toEqual([3, 3]);
    const page = join(folder, 'merged.md');
    const merged = await runCliCollecting('power', '--merge', ...parts, '--json', '--write', page);
    expect(merged.code, merged.stderr).toBe(0);
    const { results, command } = JSON.parse(merged.stdout) as { command: string; results: { claim: string; refuted: number; runs: number }[] };
    expect(results.map((r) => [r.claim, r.refuted, r.runs])).toEqual([
      ['L1:c=0.9', 3, 3],
      ['L3', 0, 3],
    ]);
    expect(command).toContain('--shard i/2, merged');
    expect(readFileSync(page, 'utf8')).toContain('| `L1:c=0.9` | constant | 1× | 3/3 |');

    const lacking = await runCliCollecting('power', '--merge', parts[0]!);
    expect(lacking.code).toBe(2);
    expect(lacking.stderr).toMatch(/invalid --merge = .*part-1\.json.*lacks shard 2\/2 of 2/);
    const twice = await runCliCollecting('power', '--merge', parts[0]!, parts[0]!);
    expect(twice.stderr).toMatch(/is shard 1\/2 again/);
    const other = join(folder, 'other.json');
    expect((await runCliCollecting('power', '--only', 'L3', '--seeds', '1', '--jobs', '1', '--shard', '2/2', '--write', other)).code).toBe(0);
    expect((await runCliCollecting('power', '--merge', parts[0]!, other)).stderr).toMatch(/is a shard of another benchmark/);
    expect((await runCliCollecting('power', '--merge', page)).stderr).toMatch(/invalid --merge = .*merged\.md.*is not JSON/);
    expect((await runCliCollecting('power', '--merge', parts[0]!, parts[1]!, '--only', 'L3')).stderr).toMatch(/invalid --only = "L3": is not for --merge/);
    expect((await runCliCollecting(...common, '--shard', '1/2', '--write', join(folder, 'part.md'))).stderr).toMatch(/invalid --write = .*must be a \.json file with --shard/);
    expect((await runCliCollecting('power', '--shard', '3/2')).stderr).toMatch(/invalid --shard = "3\/2"/);
  });
});
