import { describe, expect, test } from 'vitest';
import { decimalBackend } from '../arith/decimal.js';
import { agreedDigits } from '../arith/digits.js';
import { runCliCollecting } from './program.js';

const samcheck = runCliCollecting;

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
    [['--algorithm', 'adam'], 'samcheck: invalid --algorithm = "adam": must be one of sam, usam, gd, n-sam, m-sam, sgd'],
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

describe('samcheck simulate, stochastic (--algorithm n-sam|m-sam|sgd)', () => {
  // LB-S (THEOREMS.md §4) at a larger step, so that it settles in a few hundred steps.
  const LB_S = ['--algorithm', 'n-sam', '--family', 'quadratic', '--eigenvalues', '1', '--x0', '0', '--rho', '0.5', '--eta', '0.02', '--steps', '300'];
  const TWO_POINT = ['--oracle', 'two-point', '--K', '9', '--s', '2', '--paths', '400', '--seed', '1'];

  test('JSON adds paths, per-step means and two-sided intervals, the method and the level', async () => {
    const { code, stdout } = await samcheck('simulate', ...LB_S, ...TWO_POINT, '--backend', 'float64', '--format', 'json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ algorithm: 'n-sam', family: 'quadratic', backend: 'float64', paths: 400, seed: 1, level: 0.99, samplePath: 0 });
    expect(out.method).toMatch(/Student-t/);
    expect(out.oracle).toMatchObject({ kind: 'two-point', K: '9', s: '2', sigmaSq: '36', componentsSmooth: true });
    expect(out.parameters).toMatchObject({ oracle: { kind: 'two-point' }, paths: 400, seed: 1, rho: '0.5' });
    for (const key of ['iterates', 'gap', 'gradNormSq']) {
      expect(out[key]).toHaveLength(301);
      expect(out.mean[key]).toHaveLength(301);
      expect(out.ci[key]).toHaveLength(301);
    }
    // Every interval holds its mean; at t = 0 every path is at x0, so the interval is a point.
    out.ci.gap.forEach(([lo, hi]: [string, string], t: number) => {
      expect(Number(lo)).toBeLessThanOrEqual(Number(out.mean.gap[t]));
      expect(Number(hi)).toBeGreaterThanOrEqual(Number(out.mean.gap[t]));
    });
    expect(out.ci.iterates[0]).toEqual([['0', '0']]);
    // E x_t -> ρ(K − 1)/(K + 1) = 0.4 up to O(η) (LB-S): the last mean is near it.
    const [lo, hi] = out.ci.iterates[300][0].map(Number);
    expect(lo).toBeLessThan(0.45);
    expect(hi).toBeGreaterThan(0.35);
  });

  test('the same seed gives the same output; another seed does not', async () => {
    const run = async (seed: string) =>
      (await samcheck('simulate', ...LB_S.map((a) => (a === '300' ? '20' : a)), ...TWO_POINT.map((a) => (a === '1' ? seed : a)), '--format', 'json', '--precision', '30')).stdout;
    const first = await run('1');
    expect(await run('1')).toBe(first);
    expect(await run('2')).not.toBe(first);
    expect(JSON.parse(first).precision).toBe(30);
  });

  test('the table shows means ± the half-widths of their intervals', async () => {
    const { code, stdout } = await samcheck('simulate', ...LB_S, ...TWO_POINT, '--backend', 'float64', '--rows', '5', '--level', '0.95');
    expect(code).toBe(0);
    expect(stdout).toContain('oracle two-point K=9 s=2: σ² = 36, every component β-smooth');
    expect(stdout).toContain('400 paths, seed 1');
    expect(stdout).toContain('95% two-sided Student-t intervals');
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^300 +\S+ ± \S+ +\S+ ± \S+ +\(\S+ ± \S+\)$/);
  });

  test.each([
    [['--oracle', 'gaussian'], 'samcheck: invalid --sigma = (missing): is required by --oracle gaussian'],
    [['--oracle', 'two-point', '--K', '9'], 'samcheck: invalid --s = (missing): is required by --oracle two-point'],
    [['--oracle', 'gaussian', '--sigma', '1', '--K', '3'], 'samcheck: invalid --K = "3": applies to --oracle two-point, not gaussian'],
    [['--oracle', 'two-point', '--K', '3', '--s', '1', '--sigma', '1'], 'samcheck: invalid --sigma = "1": applies to --oracle gaussian, rademacher, student-t, not two-point'],
    [['--oracle', 'two-point', '--K', '0.5', '--s', '1'], 'samcheck: invalid --K = "0.5": must be >= 1'],
    [['--oracle', 'gaussian', '--sigma', '1', '--level', '1.5'], 'samcheck: invalid --level = "1.5": must be a decimal strictly between 0 and 1'],
    [['--oracle', 'gaussian', '--sigma', '1', '--paths', '1'], 'samcheck: invalid --paths = "1": must be a whole number from 2 to 100000'],
    [['--oracle', 'student-t', '--sigma', '1', '--dof', '2'], 'samcheck: invalid --dof = "2": must be a whole number from 3 to 1000'],
    [['--oracle', 'gaussian', '--sigma', '1', '--rho-decay', 'inverse'], 'samcheck: invalid --rho-decay = "inverse": applies to --algorithm sam or usam, not n-sam'],
    [[], 'samcheck: invalid --oracle = (missing): is required by a stochastic --algorithm'],
  ])('%j', async (extra, message) => {
    const { code, stdout, stderr } = await samcheck('simulate', ...LB_S, ...extra);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  test('stochastic options on a deterministic algorithm are an error, not silently ignored', async () => {
    const { code, stderr } = await samcheck('simulate', ...QUADRATIC, '--steps', '3', '--oracle', 'gaussian', '--sigma', '1');
    expect(code).toBe(2);
    expect(stderr.trim()).toBe('samcheck: invalid --oracle = "gaussian": applies to --algorithm n-sam, m-sam, sgd, not sam');
  });
});
