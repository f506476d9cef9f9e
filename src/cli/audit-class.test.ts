import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCliCollecting } from './program.js';

const folder = mkdtempSync(join(tmpdir(), 'samcheck-class-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const samcheck = runCliCollecting;

describe('samcheck audit ID --class', () => {
  test('certifies a worst case of L7 over its class, saves it, and the replay certifies it again; a changed value fails by name', async () => {
    const saveTo = join(folder, 'found');
    const { code, stdout, stderr } = await samcheck('audit', 'L7', '--class', '--constant', 'c', '--evaluations', '40000', '--seed', '1', '--save-to', saveTo, '--json');
    expect(code).toBe(0);
    expect(stderr).toContain('samcheck audit L7 --class (constant c): strongly convex, κ = 10, βη = 1/2, T = 1');
    const out = JSON.parse(stdout);
    expect(out.certified).not.toBeNull();
    // A fraction of the floor's constant, proven: at least the near-x* case's 1/11, below 1 (L7 is a theorem).
    expect(Number(out.certified.value)).toBeGreaterThan(1 / 11 - 1e-5);
    expect(Number(out.certified.value)).toBeLessThan(1);
    const [name] = readdirSync(saveTo);
    expect(out.file).toBe(join(saveTo, name!));
    const replay = await samcheck('replay', out.file, '--json');
    expect(replay.code).toBe(0);
    expect(JSON.parse(replay.stdout).counterexamples[0]).toMatchObject({ kind: 'interpolated', reproduced: true, level: 'certified' });
    // The measured value raised by a tenth: no strongly convex function has these data any more.
    const file = JSON.parse(readFileSync(out.file, 'utf8'));
    const last = file.data.answers.length - 1;
    file.data.answers[last].f = String(Number(file.data.answers[last].f) * 1.1);
    const changed = join(folder, 'changed.json');
    writeFileSync(changed, JSON.stringify(file));
    const broken = await samcheck('replay', changed);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/NOT reproduced.*the interpolation inequality of (point \d+|x\*) and (point \d+|x\*) does not hold/);
  });

  test.each([
    [['D-SC', '--class', '--kappa', '1/2'], '--kappa'],
    [['D-NC', '--class', '--kappa', '10'], '--kappa'],
    [['D-SC', '--class', '--eta-beta', '1'], '--eta-beta'],
    [['D-NC', '--class', '--dim', '2'], '--dim'],
    [['L1', '--class', '--steps', '2'], '--steps'],
    [['D-SC', '--class', '--budget', '10s'], '--budget'],
    [['D-SC', '--steps', '2'], '--steps'],
    [['S-SC-n', '--class'], 'ID'],
  ])('bad input %j: one line naming %s, exit 2', async (args, option) => {
    const { code, stdout, stderr } = await samcheck('audit', ...args, '--save-to', join(folder, 'never'));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(option);
  });
});
