import { describe, expect, test } from 'vitest';
import type { Backend } from '../arith/backend.js';
import { decimalBackend } from '../arith/decimal.js';
import { DD_DIGITS, doubleDoubleBackend } from '../arith/double-double.js';
import { QD_DIGITS, quadDoubleBackend } from '../arith/quad-double.js';
import { agreedDigits } from '../arith/digits.js';
import { float64 } from '../arith/float64.js';
import { norm, sub } from '../arith/vector.js';
import { buildFunction } from '../functions/index.js';
import { METHODS } from './ascent.js';
import { executeRun, instantiate } from './run-spec.js';
import { runDeterministic } from './run.js';
import { constantSchedule } from './schedules.js';
import { OverflowError } from '../errors.js';

const B = decimalBackend(60);
const show = (v: unknown) => B.toString(v as never);

// One table for every tier: decimal.js at 60 digits, and double-double and quad-double to their own digits.
const twoCycleTiers: [string, Backend<unknown>, number][] = [
  ['decimal at 60 digits', B as Backend<unknown>, 50],
  ['double-double', doubleDoubleBackend() as Backend<unknown>, DD_DIGITS - 2],
  ['quad-double', quadDoubleBackend() as Backend<unknown>, QD_DIGITS - 2],
];

describe.each(twoCycleTiers)('the 2-cycle of SAM on f(x) = (β/2)x² (THEOREMS.md LB-D-SC) in %s', (_, T, digits) => {
  test(`|x_T| matches r* = ηβρ/(2 − ηβ) to at least ${digits} significant digits`, () => {
    // r* in decimal at 200 digits, independently of the tier under test.
    const R = decimalBackend(200);
    for (const [beta, eta, rho, x0] of [
      ['1', '0.5', '0.1', '1'],
      ['4', '0.2', '0.03', '-2.5'],
      ['10', '1/15', '1.5', '0.001'],
    ] as const) {
      const { trajectory } = executeRun(T, { algorithm: 'sam', function: { family: 'quadratic', eigenvalues: [beta] }, x0: [x0], eta, rho, steps: 400 });
      const [num, den = '1'] = eta.split('/');
      const etaBeta = R.mul(R.div(R.fromString(num!), R.fromString(den)), R.fromString(beta));
      const rStar = R.div(R.mul(etaBeta, R.fromString(rho)), R.sub(R.fromNumber(2), etaBeta));
      const last = trajectory.iterates[400]![0]!;
      expect(agreedDigits(T.toString(T.abs(last)), R.toString(rStar), T.precision), `β=${beta} η=${eta} ρ=${rho}`).toBeGreaterThanOrEqual(digits);
      // On the cycle the iterates alternate in sign.
      expect(T.cmp(T.mul(last, trajectory.iterates[399]![0]!), T.zero)).toBe(-1);
    }
  });
});

describe('the zero-gradient convention of THEOREMS.md §0', () => {
  test('at a minimizer SAM and USAM do not move: y_t = x_t and x_{t+1} = x_t', () => {
    const f = buildFunction(B, { family: 'quadratic', eigenvalues: ['3', '1'], rotationSeed: 2, center: ['0.5', '-1'] });
    for (const algorithm of ['sam', 'usam', 'gd'] as const) {
      const run = runDeterministic(f, { method: METHODS[algorithm], x0: f.certificate.xStar!, steps: 5, eta: constantSchedule(B.fromString('0.1')), rho: constantSchedule(B.fromString('0.2')) });
      for (const x of run.iterates) expect(x.map(show)).toEqual(['0.5', '-1']);
      for (const y of run.perturbed) expect(y.map(show)).toEqual(['0.5', '-1']);
      expect(run.gap.map(show)).toEqual(Array(6).fill('0'));
    }
  });

  test('the ascent returns x itself when there is nothing to add', () => {
    const x = [B.one, B.zero];
    const zero = [B.zero, B.zero];
    expect(METHODS.sam.ascent(B, x, zero, B.one)).toBe(x);
    expect(METHODS.usam.ascent(B, x, zero, B.one)).toBe(x);
    expect(METHODS.gd.ascent(B, x, [B.one, B.one], B.one)).toBe(x);
  });
});

describe('a run records the measures of the cards', () => {
  const f = buildFunction(B, { family: 'quadratic', eigenvalues: ['5', '0.5', '2'], rotationSeed: 8 });
  const rho = B.fromString('0.05');
  const run = runDeterministic(f, { method: METHODS.sam, x0: [B.one, B.fromNumber(-2), B.fromString('0.5')], steps: 30, eta: constantSchedule(B.fromString('0.15')), rho: constantSchedule(rho) });

  test('T + 1 iterates and measures, T perturbed points', () => {
    expect(run.iterates).toHaveLength(31);
    expect(run.gap).toHaveLength(31);
    expect(run.gradNormSq).toHaveLength(31);
    expect(run.avgGradNormSq).toHaveLength(31);
    expect(run.perturbed).toHaveLength(30);
  });

  test('the SAM perturbation has length ρ, along ∇f(x_t)', () => {
    run.perturbed.forEach((y, t) => {
      const e = sub(B, y, run.iterates[t]!);
      expect(agreedDigits(show(norm(B, e)), show(rho), 60)).toBeGreaterThanOrEqual(57);
      const g = f.gradient(run.iterates[t]!);
      const cosine = B.div(e.reduce((s, ei, i) => B.add(s, B.mul(ei, g[i]!)), B.zero), B.mul(norm(B, e), norm(B, g)));
      expect(agreedDigits(show(cosine), '1', 60)).toBeGreaterThanOrEqual(55);
    });
  });

  test('the measures are f(x_t) − f*, ‖∇f(x_t)‖² and their running average', () => {
    let sum = B.zero;
    run.iterates.forEach((x, t) => {
      expect(show(run.gap[t])).toBe(show(f.gap(x)));
      const gNormSq = f.gradient(x).reduce((s, gi) => B.add(s, B.mul(gi, gi)), B.zero);
      expect(show(run.gradNormSq[t])).toBe(show(gNormSq));
      sum = B.add(sum, gNormSq);
      expect(show(run.avgGradNormSq[t])).toBe(show(B.div(sum, B.fromNumber(t + 1))));
    });
  });

  test('each step is x_{t+1} = x_t − η ∇f(y_t)', () => {
    run.perturbed.forEach((y, t) => {
      const expected = sub(B, run.iterates[t]!, f.gradient(y).map((gi) => B.mul(B.fromString('0.15'), gi)));
      expect(run.iterates[t + 1]!.map(show)).toEqual(expected.map(show));
    });
  });
});

describe('the contrasts converge where SAM stalls', () => {
  test('GD and USAM reach the minimizer of a strongly convex quadratic; SAM stays at its floor', () => {
    const base = { function: { family: 'quadratic' as const, eigenvalues: ['4', '1'] }, x0: ['1', '1'], eta: '0.2', rho: '0.1', steps: 300 };
    const gap = (algorithm: 'sam' | 'usam' | 'gd') => B.toNumber(executeRun(B, { ...base, algorithm }).trajectory.gap[300]!);
    expect(gap('gd')).toBeLessThan(1e-50);
    expect(gap('usam')).toBeLessThan(1e-50);
    // β³η²ρ²/(2(2 − βη)²) = 2/225 (THEOREMS.md LB-D-SC)
    expect(gap('sam')).toBeCloseTo(2 / 225, 12);
  });

  test('a decaying ρ_t = ρ0/(t+1) lets SAM approach the minimizer (contrast C3)', () => {
    const run = executeRun(B, { algorithm: 'sam', function: { family: 'quadratic', eigenvalues: ['4', '1'] }, x0: ['1', '1'], eta: '0.2', rho: '0.1', rhoDecay: 'inverse', steps: 2000 });
    expect(B.toNumber(run.trajectory.gap[2000]!)).toBeLessThan(1e-6);
  });
});

describe("step sizes chosen by a card's rule", () => {
  test('D-SC and D-C compute η from the instance, exactly in the backend', () => {
    const base = { algorithm: 'sam' as const, function: { family: 'quadratic' as const, eigenvalues: ['2', '1'] }, x0: ['1', '2'], rho: '0.1', steps: 100 };
    // Δ0 = ½(2·1 + 1·4) = 3, K = μ³Δ0T²/(β⁴ρ²) = 3·10⁴/(16·0.01) = 187500, η_T = min{1/4, ln K/100}
    expect(show(instantiate(B, { ...base, eta: { rule: 'D-SC' } }).eta)).toBe(show(B.div(B.log(B.fromNumber(187500)), B.fromNumber(100))));
    // η = min{1/β, (2Δ0/(β³ρ²T))^{1/2}} = min{0.5, (6/0.08)^{1/2}} = 0.5
    expect(show(instantiate(B, { ...base, eta: { rule: 'D-C' } }).eta)).toBe('0.5');
    expect(() => instantiate(B, { ...base, function: { family: 'quadratic', eigenvalues: ['2', '0'] }, eta: { rule: 'D-SC' } })).toThrow('invalid mu = "0": must be > 0');
    expect(() => instantiate(B, { ...base, eta: { rule: 'D-X' } as never })).toThrow('must be a number, { "overBeta": s } or { "rule": one of D-SC, D-C, S-SC-n, S-NC-n }');
    // η = s/β exactly: the edge η = 1/β of every card.
    expect(show(instantiate(B, { ...base, function: { family: 'quadratic', eigenvalues: ['3', '1'] }, eta: { overBeta: '1' } }).eta)).toBe(show(B.div(B.one, B.fromNumber(3))));
    expect(() => instantiate(B, { ...base, eta: { overBeta: '0' } })).toThrow('invalid eta.overBeta = "0": must be > 0');
  });
});

describe('runs refuse bad settings, naming the field', () => {
  const spec = { algorithm: 'sam' as const, function: { family: 'quadratic' as const, eigenvalues: ['1', '2'] }, x0: ['1', '1'], eta: '0.1', rho: '0.1', steps: 10 };
  test.each([
    [{ x0: ['1'] }, 'invalid x0 = ["1"]: must have 2 entries (the dimension of the function), not 1'],
    [{ steps: 0 }, 'invalid steps = 0: must be a whole number from 1 to 1000000'],
    [{ steps: 2.5 }, 'invalid steps = 2.5'],
    [{ eta: '0' }, 'invalid eta = "0": must be > 0'],
    [{ rho: '-0.1' }, 'invalid rho = "-0.1": must be > 0'],
    [{ rho: undefined }, 'invalid rho = (missing)'],
    [{ algorithm: 'adam' }, 'invalid algorithm = "adam": must be one of sam, usam, gd'],
    [{ rhoDecay: 'cosine' }, 'invalid rhoDecay = "cosine": must be one of inverse, inverse-sqrt'],
  ])('%j', (change, message) => {
    expect(() => executeRun(B, { ...spec, ...change } as never)).toThrow(message);
  });

  test('GD needs no ρ', () => {
    expect(executeRun(B, { ...spec, algorithm: 'gd', rho: undefined }).trajectory.iterates).toHaveLength(11);
  });

  test('an overflowing float64 run names the quantity that overflowed, not an option', () => {
    expect(() => executeRun(float64, { ...spec, algorithm: 'gd', eta: '1e300', steps: 5 })).toThrow(/^the iterate x_\d overflowed the float64 range: the run diverges \(η = 1e\+300\)/);
    expect(() => executeRun(float64, { ...spec, algorithm: 'gd', eta: '1e300', steps: 5 })).toThrow(OverflowError);
  });
});
