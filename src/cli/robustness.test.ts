/**
 * Bad folders, bad files and bad selections, as a user meets them (issue "Robust under load, bad
 * files and bad directories"): each is refused before any work with one line and exit code 2, a
 * file outside its card's conditions is invalid, and nothing computed is lost to a write error.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkCard } from '../check/check-card.js';
import { saveCounterexample, type CounterexampleContent } from '../check/counterexamples.js';
import { cardById } from '../theorems/catalog.js';
import { runCliCollecting } from './program.js';

const samcheck = runCliCollecting;
const folder = mkdtempSync(join(tmpdir(), 'samcheck-robust-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A D-NC "violation" with η = 3/β: outside D-NC's 0 < η <= 1/β, where its bound says nothing. */
const outsideDnc: CounterexampleContent = {
  kind: 'found',
  claims: [{ card: 'D-NC', relation: 'violates' }],
  run: { algorithm: 'sam', function: { family: 'quadratic', eigenvalues: ['1'] }, x0: ['1'], eta: { overBeta: '3' }, rho: '0.1', steps: 40 },
  arithmetic: { backend: 'decimal', precision: 40 },
  observed: { ratio: '1161357623300', at: 40, level: 'certified' },
};

function expectBadInput(result: { code: number; stdout: string; stderr: string }, message: string | RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  if (typeof message === 'string') expect(lines[0]).toContain(message);
  else expect(lines[0]).toMatch(message);
}

describe('folders are checked before the work starts', () => {
  const aFile = join(folder, 'a-file.txt');
  writeFileSync(aFile, 'not a folder');

  test.each([
    [['--only', 'L1', '--runs', '2', '--report', aFile], `invalid --report = "${aFile}": must be a folder; it is a file`],
    [['--only', 'L1', '--runs', '2', '--report', join(aFile, 'report')], `invalid --report = "${join(aFile, 'report')}": must be a folder; ${aFile} is a file`],
    [['--only', 'L1', '--runs', '2', '--report', join(folder, 'r'), '--save-to', aFile], `invalid --save-to = "${aFile}": must be a folder; it is a file`],
    [['run', 'L1', '--runs', '2', '--save-to', join(aFile, 'x')], 'invalid --save-to'],
    [['audit', 'L1', '--evaluations', '5', '--audits', aFile], `invalid --audits = "${aFile}": must be a folder; it is a file`],
    [['audit', 'L1', '--evaluations', '5', '--audits', join(folder, 'audits'), '--save-to', aFile], 'invalid --save-to'],
    [['constructions', '--write', '--counterexamples', aFile], 'invalid --counterexamples'],
  ])('%j: one line, exit 2, no stack trace', async (argv, message) => {
    expectBadInput(await samcheck(...argv), message);
  });

  test('a report that cannot be written at the end: the table is printed all the same, and what was not written is said (exit 2)', async () => {
    const report = join(folder, 'report-blocked');
    // index.html is a folder with something in it: the report cannot take its name.
    mkdirSync(join(report, 'index.html'), { recursive: true });
    writeFileSync(join(report, 'index.html', 'keep'), 'x');
    const { code, stdout, stderr } = await samcheck('--only', 'L1', '--runs', '3', '--seed', '1', '--report', report);
    expect(code).toBe(2);
    expect(stdout).toMatch(/^L1 +.* holds +3 /m);
    expect(stderr).toContain(`samcheck: NOT written: the report ${join(report, 'index.html')}`);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(readFileSync(join(report, 'index.html', 'keep'), 'utf8')).toBe('x');
  });

  test('a counterexample that cannot be saved keeps its instance in the report, with the reason', () => {
    const blocked = join(folder, 'a-file.txt', 'store');
    const report = checkCard(cardById('D-NC'), { runs: 100, seed: 5, precision: 30, constants: { c: '0.01' }, counterexampleFolder: blocked });
    expect(report.status).toBe('violated');
    expect(report.counterexample?.file).toBeNull();
    expect(report.counterexample?.notSaved).toContain(blocked);
    expect(report.counterexample?.instance.function.family).toBeDefined();
  });
});

describe('replays check the card conditions', () => {
  const store = join(folder, 'store-outside');
  const file = saveCounterexample(store, outsideDnc);

  test('a D-NC file with η = 3/β is invalid, not reproduced: the field and the rule are named, exit 1', async () => {
    const { code, stdout } = await samcheck('replay', file);
    expect(code).toBe(1);
    expect(stdout).toContain('INVALID');
    expect(stdout).toContain('run.eta = {"overBeta":"3"}: must satisfy 0 < η <= 1/β for D-NC; here η·β = 3');
  });

  test('the main job does not count it as reproduced', async () => {
    const { code, stdout } = await samcheck('--only', 'D-NC', '--runs', '3', '--seed', '1', '--no-report', '--counterexamples', store);
    expect(code).toBe(1);
    expect(stdout).toContain('Counterexample files: 0 of 1 reproduced.');
    expect(stdout).toMatch(/INVALID .*run\.eta/);
  });

  test.each([
    [['run', 'D-NC', '--constant', 'c=-1'], 'invalid --constant c = "-1": must be > 0'],
    [['run', 'D-NC', '--constant', 'c=0'], 'invalid --constant c = "0": must be > 0'],
  ])('%j is refused before any search, nothing saved', async (argv, message) => {
    const saveTo = join(folder, 'never-constant');
    expectBadInput(await samcheck(...argv, '--runs', '5', '--save-to', saveTo), message);
    expect(existsSync(saveTo)).toBe(false);
  });
});

describe('findings go where they are asked to, and the output says what happened', () => {
  test('run saves into report/counterexamples by default, not the store; the same finding twice is "already saved"', async () => {
    const saveTo = join(folder, 'findings');
    const argv = ['run', 'D-NC', '--runs', '200', '--seed', '5', '--constant', 'c=0.01', '--save-to', saveTo];
    const first = await samcheck(...argv);
    expect(first.code).toBe(1);
    const [name] = readdirSync(saveTo);
    expect(first.stdout).toContain(`  saved: ${join(saveTo, name!)}`);
    expect(first.stdout).toContain(`  replay: npx samcheck replay ${join(saveTo, name!)}`);
    const second = await samcheck(...argv);
    expect(second.stdout).toContain(`  already saved (the same case, found before): ${join(saveTo, name!)}`);
    expect(second.stdout).not.toMatch(/^ {2}saved:/m);
    expect(readdirSync(saveTo)).toEqual([name]);
  });

  test('the default folder of run is report/counterexamples, and the store is left alone', async () => {
    const storeBefore = readdirSync('counterexamples').sort();
    const { stdout, stderr } = await samcheck('run', 'D-NC', '--runs', '200', '--seed', '5', '--constant', 'c=0.01');
    expect(stderr).toContain(`findings go to ${join('report', 'counterexamples')}`);
    const saved = /saved.*: (\S+\.json)$/m.exec(stdout)![1]!;
    expect(saved.startsWith(join('report', 'counterexamples'))).toBe(true);
    expect(readdirSync('counterexamples').sort()).toEqual(storeBefore);
    if (/^ {2}saved: /m.test(stdout)) rmSync(saved); // this test's own file, not one a user kept
  });
});

describe('wrong directories and selections say so', () => {
  test('replay --counterexamples of a folder that does not exist: exit 2', async () => {
    expectBadInput(await samcheck('replay', '--counterexamples', join(folder, 'nonexistent')), 'must be an existing folder; there is none');
  });

  test('the main job with a store that does not exist: exit 2', async () => {
    expectBadInput(await samcheck('--only', 'L1', '--no-report', '--counterexamples', join(folder, 'nonexistent')), 'must be an existing folder');
  });

  test("--only '' is refused and the previous report is not replaced", async () => {
    const report = join(folder, 'report-kept');
    mkdirSync(report, { recursive: true });
    writeFileSync(join(report, 'index.html'), 'previous');
    expectBadInput(await samcheck('--only', '', '--report', report), 'invalid --only = "": must name at least one check or construction');
    expectBadInput(await samcheck('--only', ' , ', '--report', report), 'invalid --only = " , "');
    expect(readFileSync(join(report, 'index.html'), 'utf8')).toBe('previous');
  });

  test('an unreadable file in the store is refused even when --only does not select it', async () => {
    const store = join(folder, 'store-broken');
    mkdirSync(store);
    writeFileSync(join(store, 'broken.json'), '{ not json');
    expectBadInput(await samcheck('--only', 'L1', '--runs', '2', '--no-report', '--counterexamples', store), /broken\.json = ".*": must be a JSON file/);
  });

  test('an unreadable replay file is bad input on stderr, not a failed reproduction', async () => {
    const broken = join(folder, 'broken-alone.json');
    writeFileSync(broken, '{ "format": "samcheck-counterexample" }');
    expectBadInput(await samcheck('replay', broken), 'broken-alone.json: version');
    expectBadInput(await samcheck('replay', join(folder, 'missing.json')), 'missing.json');
  });
});

describe('command-line conventions', () => {
  test('--version and -V print the version', async () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const { code, stdout } = await samcheck(flag);
      expect(code).toBe(0);
      expect(stdout.trim()).toBe(manifest.version);
    }
  });

  test('an unknown command names itself and the likely one', async () => {
    expectBadInput(await samcheck('simulat', '--steps', '3'), "samcheck: unknown command 'simulat' (did you mean simulate?)");
    expectBadInput(await samcheck('frobnicate'), "samcheck: unknown command 'frobnicate'; the commands are demo, simulate");
  });

  test('an overflowing float64 run names the quantity, not --eta', async () => {
    const { code, stderr } = await samcheck('simulate', '--algorithm', 'gd', '--family', 'quadratic', '--eigenvalues', '4,1', '--x0', '1,2', '--eta', '3', '--steps', '1000', '--backend', 'float64');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^samcheck: the iterate x_\d+ overflowed the float64 range: the run diverges \(η = 3\)/m);
    expect(stderr).not.toContain('invalid --eta');
  });

  test('simulate warns on stderr when η lies outside the cards the run could be checked against, and runs', async () => {
    const { code, stdout, stderr } = await samcheck('simulate', '--algorithm', 'sam', '--family', 'quadratic', '--eigenvalues', '4,1', '--x0', '1,2', '--rho', '0.1', '--eta', '0.3', '--steps', '3', '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).iterates).toHaveLength(4);
    expect(stderr).toMatch(/^warning: --eta: η·β = 1\.2 lies outside the step sizes of .*D-NC.*: the run is made, but their bounds do not apply to it$/m);
    expect(stderr).not.toMatch(/L6/); // L6 admits η up to 2/β
    const inside = await samcheck('simulate', '--algorithm', 'sam', '--family', 'quadratic', '--eigenvalues', '4,1', '--x0', '1,2', '--rho', '0.1', '--eta', '0.2', '--steps', '3', '--format', 'json');
    expect(inside.stderr).not.toContain('warning');
  });
});
