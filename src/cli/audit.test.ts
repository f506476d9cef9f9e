import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parseBudget } from './audit.js';
import { runCliCollecting } from './program.js';

const folder = mkdtempSync(join(tmpdir(), 'samcheck-audit-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const samcheck = runCliCollecting;

describe('samcheck audit', () => {
  test('--json prints at least id, bestRatio, instance and evaluations, and the record is kept for the report', async () => {
    const audits = join(folder, 'audits');
    const { code, stdout, stderr } = await samcheck('audit', 'L1', '--evaluations', '150', '--seed', '4', '--json', '--audits', audits);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ id: 'L1', evaluations: 150, seed: 4, holds: true, record: join(audits, 'L1.json') });
    expect(out.bestRatio).toBeGreaterThan(0.5);
    expect(out.instance).toHaveProperty('function');
    expect(out.trace.length).toBeGreaterThan(0);
    expect(stderr).toContain('samcheck audit L1: budget 150 evaluations, seed 4');
    const record = JSON.parse(readFileSync(join(audits, 'L1.json'), 'utf8'));
    expect(record).toMatchObject({ format: 'samcheck-audit', version: 1, id: 'L1', bestRatio: out.bestRatio });
    // The report of the main job shows it.
    const report = join(folder, 'report');
    mkdirSync(join(report, 'audits'), { recursive: true });
    copyFileSync(join(audits, 'L1.json'), join(report, 'audits', 'L1.json'));
    const job = await samcheck('--only', 'L1', '--runs', '3', '--seed', '1', '--report', report);
    expect(job.code).toBe(0);
    const page = readFileSync(join(report, 'index.html'), 'utf8');
    expect(page).toContain('id="audit-L1"');
    expect(page.match(/<svg /g)?.length).toBe(3); // the card, its audit and its class-wide worst case
  });

  test('the text output names the best case, the tightness interval and the record', async () => {
    const { code, stdout } = await samcheck('audit', 'D-NC', '--evaluations', '100', '--seed', '2', '--audits', join(folder, 'a2'));
    expect(code).toBe(0);
    // A ratio is a number, or its distance from 1 ("1 − 1e-7") when it is that close.
    expect(stdout).toMatch(/^D-NC: best ratio (1 − )?\S+ \((verified|certified|float)\); the float64 search saw (1 − )?\S+/);
    expect(stdout).toContain('tightness: [1, 1]');
    expect(stdout).toContain(`record: ${join(folder, 'a2', 'D-NC.json')}`);
  });

  test('--constant audits the fraction of a named constant each case needs', async () => {
    const audits = join(folder, 'a3');
    const { code, stdout } = await samcheck('audit', 'D-SC', '--constant', 'c', '--evaluations', '150', '--seed', '1', '--json', '--audits', audits);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ id: 'D-SC', constant: 'c', holds: true, record: join(audits, 'D-SC.c.json') });
    // At least what LB-D-SC shows (8/90 of the stated floor), and no more than the stated constant.
    expect(out.bestRatio).toBeGreaterThan(8 / 90);
    expect(out.bestRatio).toBeLessThanOrEqual(1);
  });

  test.each([
    [['audit', 'D-NC', '--constant', 'k'], 'samcheck: invalid --constant = "k": is not a constant of D-NC (it has c)'],
    [['audit', 'D-NC', '--budget', 'soon'], 'samcheck: invalid --budget = "soon": must be a duration with its unit, such as 60s, 2m or 500ms'],
    [['audit', 'D-NC', '--budget', '60'], 'samcheck: invalid --budget = "60": must be a duration with its unit, such as 60s, 2m or 500ms, at most 24 hours (a unit is required: 60s?)'],
    [['audit', 'C4'], 'samcheck: invalid ID = "C4": is a limit claim; an audit needs a bound'],
    [['audit', 'XYZ'], 'samcheck: invalid card = "XYZ": must be one of L1'],
    [['audit'], "samcheck: error: missing required argument 'id'"],
  ])('%j: one line, exit 2, nothing written', async (argv, message) => {
    const audits = join(folder, 'never');
    const { code, stdout, stderr } = await samcheck(...argv, '--audits', audits);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(message);
    expect(existsSync(audits)).toBe(false);
  });

  test('budgets', () => {
    expect(parseBudget('60s')).toBe(60_000);
    expect(parseBudget('2m')).toBe(120_000);
    expect(parseBudget('500ms')).toBe(500);
    expect(parseBudget('1h')).toBe(3_600_000);
    expect(() => parseBudget('90')).toThrow(/a unit is required: 90s\?/);
    expect(() => parseBudget('0s')).toThrow(/duration/);
  });
});
