import { describe, expect, test } from 'vitest';
import { decimalBackend } from '../arith/decimal.js';
import { agreedDigits } from '../arith/digits.js';
import { memoryIO } from './io.js';
import { runCli } from './program.js';

async function samcheck(...argv: string[]) {
  const io = memoryIO();
  const code = await runCli(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

const QUADRATIC = ['--algorithm', 'sam', '--family', 'quadratic', '--eigenvalues', '4,1', '--x0', '1,2', '--rho', '0.1', '--eta', '0.2'];

describe('samcheck simulate --format json', () => {
  test('prints the documented fields, every number a decimal string with all its digits', async () => {
    const { code, stdout } = await samcheck('simulate', ...QUADRATIC, '--steps', '5', '--format', 'json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(
      expect.arrayContaining(['algorithm', 'family', 'parameters', 'backend', 'precision', 'iterates', 'gap', 'gradNormSq']),
    );
    expect(out).toMatchObject({ algorithm: 'sam', family: 'quadratic', backend: 'decimal', precision: 60 });
    expect(out.parameters).toEqual({ eigenvalues: ['4', '1'], x0: ['1', '2'], eta: '0.2', rho: '0.1', steps: 5 });
    expect(out.iterates).toHaveLength(6);
    expect(out.iterates[0]).toEqual(['1', '2']);
    expect(out.gap).toHaveLength(6);
    expect(out.gradNormSq).toHaveLength(6);
    for (const v of [...out.iterates.flat(), ...out.gap, ...out.gradNormSq]) expect(v).toMatch(/^-?\d+(\.\d+)?(e[+-]\d+)?$/);
    // A full-precision value: x_1,2 = 2 − 0.2·(2 + 0.1·2/√(17)) has 60 significant digits.
    expect(out.iterates[1][1].replace(/^[0.-]+|\./g, '')).toHaveLength(60);
    expect(out.reliableDigits.referencePrecision).toBe(120);
  });

  test('the iterates reach the 2-cycle ±r* to at least 50 significant digits at 60 digits', async () => {
    const { stdout } = await samcheck(
      'simulate', '--algorithm', 'sam', '--family', 'quadratic', '--eigenvalues', '2', '--x0', '3', '--rho', '0.25', '--eta', '0.3', '--steps', '300', '--format', 'json', '--no-check-digits',
    );
    const B = decimalBackend(60);
    const last = JSON.parse(stdout).iterates[300][0] as string;
    // r* = ηβρ/(2 − ηβ) = 0.6·0.25/1.4
    const rStar = B.toString(B.div(B.fromString('0.15'), B.fromString('1.4')));
    expect(agreedDigits(last.replace('-', ''), rStar, 60)).toBeGreaterThanOrEqual(50);
  });

  test('float64 backend and other families', async () => {
    const float = JSON.parse((await samcheck('simulate', ...QUADRATIC, '--steps', '3', '--format', 'json', '--backend', 'float64')).stdout);
    expect(float).toMatchObject({ backend: 'float64', precision: 16 });
    expect(float.reliableDigits.referencePrecision).toBe(40);
    expect(float.reliableDigits.min).toBeGreaterThanOrEqual(13);

    // LB-D-NC-a: from x0 = −ρ e₁ the ascent point is the local maximum x₁ = 0, so SAM never moves.
    const cosine = JSON.parse(
      (await samcheck('simulate', '--algorithm', 'sam', '--family', 'cosine', '--beta', '2', '--k', '0.5', '--x0', '-0.3', '--rho', '0.3', '--eta', '0.5', '--steps', '4', '--format', 'json')).stdout,
    );
    expect(cosine.iterates.map((x: string[]) => x[0])).toEqual(['-0.3', '-0.3', '-0.3', '-0.3', '-0.3']);
    expect(cosine.parameters).toMatchObject({ dim: 1, terms: [{ beta: '2', k: '0.5' }], quadBeta: '2' });

    const logistic = await samcheck('simulate', '--algorithm', 'usam', '--family', 'logistic', '--l2', '0.1', '--x0', '0,0', '--rho', '0.1', '--eta', '0.5', '--steps', '3', '--precision', '20');
    expect(logistic.code).toBe(0);
    expect(logistic.stdout).toContain('USAM on logistic, d = 2');
  });

  test('matrix input and a ρ schedule', async () => {
    const out = JSON.parse(
      (await samcheck('simulate', '--algorithm', 'sam', '--family', 'quadratic', '--matrix', '2,1;1,3', '--x0', '1,2', '--rho', '0.1', '--rho-decay', 'inverse', '--eta', '0.2', '--steps', '2', '--format', 'json')).stdout,
    );
    expect(out.parameters).toMatchObject({ matrix: [['2', '1'], ['1', '3']], rhoDecay: 'inverse' });
  });
});

describe('samcheck simulate --format table', () => {
  test('shows only digits confirmed by the rerun, and says so', async () => {
    const { code, stdout } = await samcheck('simulate', ...QUADRATIC, '--steps', '100', '--rows', '8');
    expect(code).toBe(0);
    expect(stdout).toContain('SAM on quadratic, d = 2: β = 4, μ = 1, f* = 0');
    expect(stdout).toMatch(/Every digit shown agrees with a rerun at 120 digits \(the run kept at least \d+ of 60\)/);
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^100 +0\.0088888888888888888889 /);
  });
});

describe('bad input to samcheck simulate', () => {
  test.each([
    [['--rho', '-1'], 'samcheck: invalid --rho = "-1": must be > 0'],
    [['--rho', 'abc'], 'samcheck: invalid --rho = "abc": must be a finite number'],
    [['--steps', '0'], 'samcheck: invalid --steps = "0": must be a whole number from 1 to 1000000'],
    [['--steps', '1.5'], 'samcheck: invalid --steps = "1.5"'],
    [['--precision', '0'], 'samcheck: invalid --precision = "0": must be a whole number from 10 to 1000'],
    [['--eigenvalues', '4,-1'], 'samcheck: invalid --eigenvalues[2] = "-1": must be >= 0'],
    [['--x0', '1'], 'samcheck: invalid --x0 = ["1"]: must have 2 entries'],
    [['--eta', '0'], 'samcheck: invalid --eta = "0": must be > 0'],
    [['--rotation-seed', '-4'], 'samcheck: invalid --rotation-seed = "-4"'],
    [['--k', '2'], 'samcheck: invalid --k = "2": applies to --family cosine, not quadratic'],
    [['--algorithm', 'adam'], "samcheck: error: option '--algorithm <name>' argument 'adam' is invalid"],
    [['--frobnicate'], "samcheck: error: unknown option '--frobnicate'"],
  ])('%j', async (change, message) => {
    const base = [...QUADRATIC, '--steps', '3'];
    const argv = [...base];
    for (let i = 0; i < change.length; i += 2) {
      const at = argv.indexOf(change[i]!);
      if (at >= 0 && change[i + 1] !== undefined) argv[at + 1] = change[i + 1]!;
      else argv.push(...change.slice(i, i + 2));
    }
    const { code, stdout, stderr } = await samcheck('simulate', ...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
  });

  test('missing options are named', async () => {
    const { code, stderr } = await samcheck('simulate', '--algorithm', 'sam', '--family', 'quadratic', '--eigenvalues', '1', '--x0', '1', '--eta', '0.1', '--steps', '3');
    expect(code).toBe(2);
    expect(stderr.trim()).toBe('samcheck: invalid --rho = (missing): is required by --algorithm sam');
  });

  test('options that do not apply are reported on stderr, not silently used', async () => {
    const { code, stderr } = await samcheck('simulate', ...QUADRATIC.map((a) => (a === 'sam' ? 'gd' : a)), '--steps', '2', '--backend', 'float64', '--precision', '50');
    expect(code).toBe(0);
    expect(stderr).toContain('note: --precision is ignored by --backend float64');
    expect(stderr).toContain('note: --rho is ignored by --algorithm gd');
  });
});
