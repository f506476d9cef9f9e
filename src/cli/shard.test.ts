/**
 * `--shard i/n` and `samcheck report`: the rule that splits a job, the shards' parts merged back
 * into exactly the unsharded run, and the report's refusals (parts of different jobs, a shard
 * twice, a file that is not a part) and its account of missing shards. In-process and with one
 * job, to keep them cheap.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cardSeed } from '../check/check-card.js';
import { summarizeAudits, type AuditRecord } from '../audit/record.js';
import { inShard, shardSeed, tasksOf, unshard } from '../job/shard.js';
import { showRatio } from '../report/text.js';
import { runCliCollecting } from './program.js';

const folder = mkdtempSync(join(tmpdir(), 'samcheck-shard-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const samcheck = runCliCollecting;

/**
 * Three cheap checks (C5 is falsified, so a counterexample file is written) and the nine files of
 * L1, D-NC and C5 (C5's, five constructions of D-NC, and the class-wide cases of L1 and D-NC).
 */
const JOB = ['--only', 'L1,D-NC,C5', '--runs', '5', '--seed', '1', '--jobs', '1'];

/** A job's JSON without what depends on the clock or on the folder it was written to. */
function comparable(json: string, reportFolder: string): unknown {
  return JSON.parse(json.replaceAll(reportFolder, 'REPORT'), (key, value: unknown) => (key === 'seconds' || key === 'report' ? undefined : value));
}

describe('the split of a job into shards', () => {
  test('shard i of n takes the tasks k with k mod n = i - 1, and unshard puts them back in order', () => {
    const tasks = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const parts = [1, 2, 3].map((index) => tasksOf(tasks, { index, count: 3 }));
    expect(parts).toEqual([['a', 'd', 'g'], ['b', 'e'], ['c', 'f']]);
    expect(tasks.filter((_, k) => inShard(k, { index: 2, count: 3 }))).toEqual(['b', 'e']);
    expect(unshard(tasks.length, 3, new Map(parts.map((p, i) => [i + 1, p])))).toEqual(tasks);
    // A missing shard leaves its tasks out, in their places.
    expect(unshard(tasks.length, 3, new Map([[1, parts[0]!], [3, parts[2]!]]))).toEqual(['a', undefined, 'c', 'd', undefined, 'f', 'g']);
    expect(() => unshard(tasks.length, 3, new Map([[2, ['b']]]))).toThrow(/shard 2\/3 holds 1 results; it has 2 tasks of 7/);
  });

  test("a shard's own seed is a hash of (seed, i): a whole number for --seed, and not seed + i", () => {
    const seeds = [1, 2, 3].map((i) => shardSeed(7, i));
    for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s <= 2 ** 32 - 1).toBe(true);
    expect(new Set(seeds).size).toBe(3);
    // The shards of seed 7 and of seed 8 share no search.
    expect(seeds).not.toContain(shardSeed(8, 1));
    expect(shardSeed(8, 1)).not.toBe(shardSeed(7, 2));
    expect(seeds[0]).toBe(cardSeed(7, 'shard 1') >>> 0);
  });
});

describe('samcheck --shard i/n and samcheck report', () => {
  const whole = join(folder, 'whole');
  const sharded = join(folder, 'sharded');

  test('the shards 1/2 and 2/2, merged by samcheck report, are the unsharded run (apart from its timings)', async () => {
    const one = await samcheck(...JOB, '--report', whole, '--json');
    expect(one.code).toBe(0);
    const first = await samcheck(...JOB, '--report', sharded, '--shard', '1/2');
    expect(first.code).toBe(0);
    // Its own part's table: tasks 0 and 2 (L1, C5), then the files at 4, 6, 8 and 10.
    expect(first.stderr).toContain('samcheck: shard 1/2: 2 of 3 checks, 4 of 9 counterexample files, seed 1');
    expect(first.stdout).toMatch(/^L1 +.* holds +5 /m);
    expect(first.stdout).toMatch(/^C5 +.* falsified /m);
    expect(first.stdout).not.toMatch(/^D-NC /m);
    expect(first.stderr).toContain(`shard 1/2: ${join(sharded, 'shards', '1-of-2.json')}`);
    expect(first.stderr).toContain(`build the report with: npx samcheck report ${sharded}`);
    // A shard writes no page: it would be a partial report.
    expect(existsSync(join(sharded, 'index.html'))).toBe(false);
    const second = await samcheck(...JOB, '--report', sharded, '--shard', '2/2', '--json');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).checks.map((c: { id: string }) => c.id)).toEqual(['D-NC']);

    const merged = await samcheck('report', sharded, '--json');
    expect(merged.code).toBe(0);
    expect(merged.stderr).toContain(`samcheck report: 2 of 2 shards of seed 1 in ${join(sharded, 'shards')}/`);
    expect(comparable(merged.stdout, sharded)).toEqual(comparable(one.stdout, whole));
    expect(JSON.parse(merged.stdout).report).toBe(join(sharded, 'index.html'));
    // The same counterexample files (named by their content), and a page with the same charts.
    expect(readdirSync(join(sharded, 'counterexamples'))).toEqual(readdirSync(join(whole, 'counterexamples')));
    const page = readFileSync(join(sharded, 'index.html'), 'utf8');
    expect(page.match(/<svg /g)?.length).toBe(readFileSync(join(whole, 'index.html'), 'utf8').match(/<svg /g)?.length);
    expect(page).toContain('Merged from 2 of 2 shards');
    expect(page).not.toContain('Incomplete');

    // Run again, a shard says that it replaced its earlier part.
    const again = await samcheck(...JOB, '--report', sharded, '--shard', '2/2');
    expect(again.stderr).toContain('(replaced the earlier part of this shard)');
  });

  test('a missing shard is named, on stderr and on the page, with what the report lacks; exit 2', async () => {
    const report = join(folder, 'missing');
    expect((await samcheck('--only', 'L1,L2,L3', '--runs', '2', '--seed', '3', '--jobs', '1', '--report', report, '--shard', '2/3')).code).toBe(0);
    const { code, stdout, stderr } = await samcheck('report', report);
    expect(code).toBe(2);
    expect(stdout).toMatch(/^L2 +.* holds +2 /m);
    expect(stdout).not.toMatch(/^L1 /m);
    expect(stdout).toContain('merged from 1 of 3 shards (missing: 1/3, 3/3)');
    const missing = `shards 1/3, 3/3 are missing (${join(report, 'shards', '1-of-3.json')}, ${join(report, 'shards', '3-of-3.json')}), so this report lacks the checks L1, L3`;
    expect(stderr).toContain(`samcheck report: incomplete: ${missing}`);
    expect(readFileSync(join(report, 'index.html'), 'utf8')).toContain(`Incomplete: ${missing}`);
  });

  test('parts of different jobs are refused, naming both files and what differs; so is a shard given twice', async () => {
    const report = join(folder, 'mixed');
    const part = (seed: string, shard: string) => samcheck('--only', 'L1,L2', '--runs', '2', '--seed', seed, '--jobs', '1', '--report', report, '--shard', shard);
    expect((await part('4', '1/2')).code).toBe(0);
    expect((await part('5', '2/2')).code).toBe(0);
    const first = join(report, 'shards', '1-of-2.json');
    const second = join(report, 'shards', '2-of-2.json');
    const { code, stdout, stderr } = await samcheck('report', report);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`samcheck: the shards are not parts of one job: ${first} has seed 4 and ${second} has seed 5`);
    expect(existsSync(join(report, 'index.html'))).toBe(false);

    // The same shard twice (a copy under another name).
    expect((await part('4', '2/2')).code).toBe(0);
    copyFileSync(second, join(report, 'shards', 'copy.json'));
    const twice = await samcheck('report', report);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain(`${second} and ${join(report, 'shards', 'copy.json')} both hold shard 2/2`);
  });

  test('a file of shards/ that is not a part of this version is refused, by name', async () => {
    const report = join(folder, 'foreign');
    mkdirSync(join(report, 'shards'), { recursive: true });
    const file = join(report, 'shards', '1-of-1.json');
    writeFileSync(file, JSON.stringify({ format: 'samcheck-shard', version: 99 }));
    const { code, stderr } = await samcheck('report', report);
    expect(code).toBe(2);
    expect(stderr).toContain(`samcheck: invalid shard file ${file}: not a samcheck-shard file of version 1 (format "samcheck-shard", version 99)`);
    rmSync(file);
    const none = await samcheck('report', report);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`must hold the shards' parts in ${join(report, 'shards')}/`);
  });

  test('a sharded main job needs an explicit --seed (all shards must share it) and a report folder', async () => {
    const noSeed = await samcheck('--only', 'L1', '--shard', '1/2', '--report', join(folder, 'never'));
    expect(noSeed.code).toBe(2);
    expect(noSeed.stderr).toContain("samcheck: invalid --seed = (missing): is required with --shard: the shards' parts make up one run only when every shard checks with the same seed");
    const noReport = await samcheck('--only', 'L1', '--seed', '1', '--shard', '1/2', '--no-report');
    expect(noReport.code).toBe(2);
    expect(noReport.stderr).toContain('samcheck: invalid --shard = "1/2": needs a report folder');
    expect(existsSync(join(folder, 'never'))).toBe(false);
  });

  test('samcheck run --shard checks its part of the named cards', async () => {
    const { code, stdout, stderr } = await samcheck('run', 'L1', 'L2', 'L3', '--runs', '2', '--seed', '1', '--jobs', '1', '--shard', '2/2', '--json', '--save-to', join(folder, 'found'));
    expect(code).toBe(0);
    expect(stderr).toContain('samcheck run: shard 2/2: 1 of 3 checks (L2), seed 1');
    const out = JSON.parse(stdout);
    expect(out.shard).toEqual({ index: 2, count: 2 });
    expect(out.cards.map((c: { id: string }) => c.id)).toEqual(['L2']);
  });

  test.each(['0/2', '3/2', '1/0', 'a/b', '1/1001', '1'])('--shard %s: one line naming --shard and the rule, exit 2', async (value) => {
    for (const argv of [['--seed', '1', '--no-report'], ['run', 'L1'], ['audit', 'D-NC', '--audits', join(folder, 'never')]]) {
      const { code, stdout, stderr } = await samcheck(...argv, '--shard', value);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toContain(`samcheck: invalid --shard = "${value}": must be i/n, shard i of n, with whole numbers 1 <= i <= n <= 1000`);
    }
  });
});

describe('samcheck audit --shard i/n', () => {
  test("each shard's search has its own seed and record; the report shows the best of a card's searches and what they did in all", async () => {
    const report = join(folder, 'audited');
    const audits = join(report, 'audits');
    const outs = [];
    for (const shard of ['1/2', '2/2']) {
      const { code, stdout, stderr } = await samcheck('audit', 'D-NC', '--evaluations', '100', '--seed', '6', '--shard', shard, '--json', '--jobs', '1', '--audits', audits);
      expect(code).toBe(0);
      const index = Number(shard[0]);
      expect(stderr).toContain(`samcheck audit D-NC: budget 100 evaluations, seed ${shardSeed(6, index)} (shard ${shard}: derived from --seed 6)`);
      const out = JSON.parse(stdout);
      expect(out).toMatchObject({ id: 'D-NC', seed: shardSeed(6, index), shard: { index, count: 2, baseSeed: 6 }, record: join(audits, `D-NC.shard-${index}-of-2.json`) });
      expect(JSON.parse(readFileSync(out.record, 'utf8'))).toMatchObject({ format: 'samcheck-audit', version: 1, seed: out.seed, shard: out.shard });
      outs.push(out);
    }
    // The unsharded audit is kept as it was: ID.json, with no shard.
    const plain = await samcheck('audit', 'D-NC', '--evaluations', '100', '--seed', '6', '--json', '--jobs', '1', '--audits', audits);
    const unsharded = JSON.parse(plain.stdout);
    expect(unsharded.record).toBe(join(audits, 'D-NC.json'));
    expect(unsharded).not.toHaveProperty('shard');
    expect(plain.stderr).toContain('samcheck audit D-NC: budget 100 evaluations, seed 6\n');
    outs.push(unsharded);

    // The report of a job that checks D-NC (no files replayed) shows the three searches as one.
    const store = join(folder, 'empty-store');
    mkdirSync(store, { recursive: true });
    expect((await samcheck('--only', 'D-NC', '--runs', '2', '--seed', '1', '--jobs', '1', '--counterexamples', store, '--report', report, '--shard', '1/1')).code).toBe(0);
    const { code, stdout } = await samcheck('report', report, '--json');
    expect(code).toBe(0);
    const best = outs.reduce((a, b) => (b.bestRatio > a.bestRatio ? b : a));
    expect(JSON.parse(stdout).audits).toEqual([{ id: 'D-NC', bestRatio: best.bestRatio, level: best.level, evaluations: 100, seconds: best.seconds, searches: 3, totalEvaluations: 300 }]);
    const page = readFileSync(join(report, 'index.html'), 'utf8');
    expect(page.match(/id="audit-D-NC"/g)).toHaveLength(1);
    expect(page).toContain('The best of 3 searches, 300 evaluations in all');
    expect(page).toContain(`Best ratio ${showRatio(String(best.bestRatio))}`);
    if (best.shard) expect(page).toContain(`shard ${best.shard.index}/2's, whose seed ${best.seed} is derived from --seed 6`);
  });

  test('the best record is the one with the highest bestRatio, wherever it comes; searches and evaluations are added per card and constant', () => {
    const record = (id: string, bestRatio: number | null, evaluations: number, constant: string | null = null) => ({ id, constant, bestRatio, evaluations }) as unknown as AuditRecord;
    const records = [record('D-NC', 0.9, 100), record('D-NC', 0.99, 50), record('D-SC', 0.5, 10, 'c'), record('D-NC', null, 70), record('D-SC', 0.4, 20)];
    const summaries = summarizeAudits(records);
    expect(summaries.map((s) => [s.best.id, s.best.constant, s.best.bestRatio, s.searches, s.evaluations])).toEqual([
      ['D-NC', null, 0.99, 3, 220],
      ['D-SC', 'c', 0.5, 1, 10],
      ['D-SC', null, 0.4, 1, 20],
    ]);
  });
});
