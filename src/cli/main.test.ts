import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCliCollecting } from './program.js';

const folder = mkdtempSync(join(tmpdir(), 'samcheck-main-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const samcheck = runCliCollecting;

describe('the main job (samcheck with no command)', () => {
  const report = join(folder, 'report');

  test('checks the selection, replays its files, prints the table and writes a self-contained report', async () => {
    const { code, stdout, stderr } = await samcheck('--only', 'L3,D-NC,LB-D-NC-q', '--runs', '5', '--seed', '1', '--report', report);
    expect(code).toBe(0);
    // The files of the constructions that speak of D-NC: LB-D-NC-a (twice), -b, -c and -q; and the
    // class-wide worst cases of L3 (one) and D-NC (T = 2, 3).
    expect(stderr).toContain('samcheck: 2 checks, 8 counterexample files, seed 1 (rerun: npx samcheck --only L3,D-NC,LB-D-NC-q --runs 5 --seed 1 --precision 40)');
    expect(stderr).toMatch(/^L3 holds: 5 cases in [\d.]+ s$/m);
    expect(stderr).toMatch(/^replay counterexamples\/LB-D-NC-q-\w+\.json: reproduced \(certified\)$/m);
    expect(stdout).toMatch(/^L3 +Co-coercivity.* holds +5 /m);
    expect(stderr).toMatch(/^replay counterexamples\/D-NC-class-\w+\.json: reproduced \(certified\)$/m);
    expect(stdout).toMatch(/^D-NC +Nonconvex.* holds +5 .* \[1, 1\] \(class >= 0\.667, T <= 3\)$/m);
    expect(stdout).toContain('Counterexample files: 8 of 8 reproduced.');

    const page = readFileSync(join(report, 'index.html'), 'utf8');
    // Per card a scatter of its cases, and for D-NC (a run card, not a lemma) its worst case along
    // the horizons; one chart per construction shown (those tight on D-NC: LB-D-NC-a twice, -b, -c,
    // -q) and per card with class-wide worst cases (L3, D-NC).
    expect(page.match(/<svg /g)?.length).toBe(2 + 1 + 5 + 2);
    expect(page).toContain('id="cases-L3"');
    expect(page).toContain('L3: all 5 cases drawn');
    // Each chart's data can be downloaded from the page (a data: link, offline).
    expect(page.match(/<a class="data" download="[^"]+\.csv" href="data:text\/csv;charset=utf-8,/g)?.length).toBe(2 + 1 + 5 + 2);
    // Navigation: a table of contents, and every link within the page lands on an element of it.
    expect(page).toMatch(/<nav class="toc"[^>]*>[\s\S]*href="#card-D-NC"[\s\S]*<\/nav>/);
    const targets = [...page.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(targets).toEqual(expect.arrayContaining(['top', 'verdicts', 'replays', 'cards', 'constructions', 'class-wide', 'card-L3', 'construction-LB-D-NC-q']));
    for (const target of new Set(targets)) expect(page, `#${target}`).toContain(` id="${target}"`);
    // D-NC's tightness [1, 1] links to the construction that sets it (LB-D-NC-q reaches 1).
    expect(page).toMatch(/<a href="#construction-LB-D-NC-q" title="set by LB-D-NC-q">\[1, 1\]/);
    // Every case drawn, one row each, beside the page.
    const results = JSON.parse(readFileSync(join(report, 'results.json'), 'utf8'));
    expect(results).toMatchObject({ format: 'samcheck-results', version: 1, seed: 1, runs: 5 });
    expect(results.rows).toHaveLength(10);
    for (const row of results.rows) {
      expect(Object.keys(row).sort()).toEqual(Object.keys(results.columns).sort());
      expect(['L3', 'D-NC']).toContain(row.card);
      expect(typeof row.ratio === 'number' || row.ratio === null).toBe(true);
    }
    expect(stderr).toContain(`results: ${join(report, 'results.json')}`);
    expect(page).toContain('id="class-wide"');
    expect(page).toMatch(/<td class="id"><a href="#card-D-NC">D-NC<\/a><\/td><td>fraction of c needed<\/td>/);
    expect(page).toContain('id="card-D-NC"');
    expect(page).toContain('id="construction-LB-D-NC-a-2"');
    // Each section says what the targeted search did and what the cases covered.
    expect(page).toMatch(/Targeted search: \d+ evaluations, best float64 ratio/);
    expect(page).toMatch(/cases drawn by families: [^;]+; construction corners: /);
    // Readable offline: no script, no stylesheet or image fetched, only SVG namespaces as URLs.
    expect(page).not.toMatch(/<script|<link|<img|@import|url\((?!#)/i);
    // SVG ids (clip paths) are unique across the charts of the page.
    const ids = page.match(/ id="[^"]+"/g) ?? [];
    expect(new Set(ids).size).toBe(ids.length);
    expect(page.match(/https?:\/\/[^"' ]+/g)?.filter((u) => !u.startsWith('http://www.w3.org/')) ?? []).toEqual([]);
  });

  test('a second run replaces the report and says so; --json prints the whole run', async () => {
    const { code, stdout, stderr } = await samcheck('--only', 'L1', '--runs', '3', '--seed', '2', '--report', report, '--json');
    expect(code).toBe(0);
    expect(stderr).toContain('(replaced the previous report)');
    const run = JSON.parse(stdout);
    expect(run).toMatchObject({ seed: 2, runs: 3, precision: 40, report: join(report, 'index.html') });
    expect(run.checks.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([['L1', 'holds']]);
    // L1's class-wide worst case is replayed with it.
    expect(run.replays.map((r: { file: string; kind: string; reproduced: boolean; level: string }) => [r.file.replace(/-\w+\.json$/, ''), r.kind, r.reproduced, r.level])).toEqual([
      ['counterexamples/L1-class', 'interpolated', true, 'certified'],
    ]);
    expect(run).not.toHaveProperty('cardFigures');
  });

  test('--no-report writes nothing', async () => {
    const store = join(folder, 'empty-store');
    mkdirSync(store);
    const { code } = await samcheck('--only', 'L1', '--runs', '2', '--seed', '2', '--no-report', '--counterexamples', store);
    expect(code).toBe(0);
    expect(readdirSync(store)).toEqual([]);
    expect(existsSync('report/index.html') && readFileSync('report/index.html', 'utf8').includes('--runs 2 --seed 2')).toBe(false);
  });

  test('a counterexample file that no longer reproduces fails the job (exit 1) and is named', async () => {
    const store = join(folder, 'store');
    mkdirSync(store);
    const tampered = JSON.parse(readFileSync(join('counterexamples', 'LB-D-NC-q-3114badb0608.json'), 'utf8'));
    tampered.run.rho = '0.11'; // the closed forms were computed for ρ = 0.1
    writeFileSync(join(store, 'LB-D-NC-q-tampered.json'), JSON.stringify(tampered));
    const { code, stdout } = await samcheck('--only', 'LB-D-NC-q', '--runs', '2', '--seed', '1', '--no-report', '--counterexamples', store);
    expect(code).toBe(1);
    expect(stdout).toContain('Counterexample files: 0 of 1 reproduced.');
    expect(stdout).toMatch(/LB-D-NC-q-tampered\.json: NOT reproduced/);
  });

  test.each([
    [['--runs', '-3'], 'samcheck: invalid --runs = "-3": must be a whole number from 1 to 1000000'],
    [['--only', 'D-NC,XYZ'], 'samcheck: invalid --only = "XYZ": must be one of L1, L2'],
    [['--precision', '0'], 'samcheck: invalid --precision = "0": must be a whole number from 10 to 500'],
    [['--seed', 'abc'], 'samcheck: invalid --seed = "abc"'],
    [['--frobnicate'], "samcheck: error: unknown option '--frobnicate'"],
  ])('bad option %j: one line, exit 2', async (argv, message) => {
    const { code, stdout, stderr } = await samcheck(...argv, '--no-report');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(message);
  });
});
