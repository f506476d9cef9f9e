import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parameterize } from '../audit/parameters.js';
import { admissibilityProblem } from '../check/admissible.js';
import { buildFunction } from '../functions/index.js';
import { arbCardCase } from '../generators/card-cases.js';
import { float64 } from '../arith/float64.js';
import { judgeCase } from '../check/verdict.js';
import { InputError } from '../errors.js';
import { observe } from '../check/observe.js';
import { normSq, sub } from '../arith/vector.js';
import type { RunCard } from '../theorems/card.js';
import type { CustomMeasure } from './measures.js';
import { defineConjecture, isConjecture, type ConjectureSpec } from './define.js';

const BASE: ConjectureSpec = {
  id: 'X1',
  statement: 'GD on strongly convex quadratics contracts',
  class: 'strongly-convex',
  families: ['quadratic'],
  algorithm: 'gd',
  eta: { max: '1' },
  measure: 'gap',
  claim: { bound: '(1 - eta*mu)^T * delta0' },
  expected: 'true',
};

describe('defineConjecture', () => {
  test('makes a card of kind conjecture that the checker judges like any other', () => {
    const c = defineConjecture(BASE);
    expect(isConjecture(c)).toBe(true);
    expect(c).toMatchObject({ id: 'X1', kind: 'conjecture', scope: 'run', requires: 'strongly-convex', expected: 'true', claim: 'f(x_T) − f* <= (1 - eta*mu)^T * delta0' });
    // GD on (1/2)x² with η = 1/2: x_T = x0/2^T, gap = (1/4)^T Δ0 <= (1/2)^T Δ0.
    const run = { algorithm: 'gd' as const, function: { family: 'quadratic' as const, eigenvalues: ['1'] }, x0: ['1'], eta: { overBeta: '0.5' }, steps: 10 };
    const verdict = judgeCase(c, run, { precision: 30 });
    expect(verdict.holds).toBe(true);
    expect(verdict.ratio).toBeCloseTo(0.5, 12); // at T = 1
    // With a constant of its own, overridden as --constant does:
    const tight = defineConjecture({ ...BASE, claim: { bound: 'K*(1 - eta*mu)^(2*T) * delta0' }, constants: { K: '1' } });
    expect(judgeCase(tight, run, { precision: 30 }).ratio).toBeCloseTo(1, 12);
    expect(judgeCase(tight, run, { precision: 30, constants: { K: '0.9' } }).holds).toBe(false);
  });

  test('stochastic algorithms give statistical cards with sigmaSq; limits give limit cards', () => {
    const s = defineConjecture({ ...BASE, algorithm: 'n-sam', claim: { bound: 'delta0 + sigmaSq' } });
    expect(s).toMatchObject({ scope: 'stochastic', requiresSmoothComponents: false });
    const q = { beta: 1, mu: 1, rho: 0.1, eta: 0.5, sigmaSq: 2, delta0: 3 };
    expect(s.scope === 'stochastic' && s.bound(float64, q, 4, {})).toBe(5);
    expect(defineConjecture({ ...BASE, claim: { limit: 0 } })).toMatchObject({ scope: 'limit', measure: 'gap', claim: 'f(x_T) − f* -> 0 as T -> ∞' });
  });

  test.each([
    [{ id: '1x' }, 'conjecture id', /letters, digits/],
    [{ statement: '' }, 'conjecture X1: statement', /sentence/],
    [{ class: 'concave' }, 'conjecture X1: class', /smooth, convex or strongly-convex/],
    [{ algorithm: 'adam' }, 'conjecture X1: algorithm', /sam, usam, gd, n-sam/],
    [{ measure: 'loss' }, 'conjecture X1: measure', /gap, gradNormSq, avgGradNormSq/],
    [{ families: ['rosenbrock'] }, 'conjecture X1: families', /quadratic/],
    [{ claim: { bound: 'sigmaSq' } }, 'conjecture X1: claim.bound', /unknown name sigmaSq/],
    [{ class: 'convex' }, 'conjecture X1: claim.bound', /uses mu/],
    [{ claim: { limit: 0 }, measure: 'gradNormSq' }, 'conjecture X1: measure', /gap or avgGradNormSq/],
    [{ eta: { rule: 'fast' } }, 'conjecture X1: eta.rule', /D-SC, D-C/],
  ])('%j is rejected, naming the field', (change, field, rule) => {
    let error: unknown;
    try {
      defineConjecture({ ...BASE, ...change } as ConjectureSpec);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe(field);
    expect((error as InputError).rule).toMatch(rule);
  });
});

describe('parameters a conjecture pins or bounds below (issue "Conjecture verdicts", item 4)', () => {
  const pinned = defineConjecture({
    id: 'PIN1',
    statement: 'SAM with ρ = 2/β and η = 0.01/β on strongly convex functions',
    class: 'strongly-convex',
    algorithm: 'sam',
    eta: { min: '0.01', max: '0.01' },
    rho: { min: '2', max: '2' },
    measure: 'gap',
    claim: { bound: 'delta0 + beta*rho^2' },
  });

  test('every drawn case and every case the audit search moves to keeps η·β and ρ·β at their pins, and is admissible', () => {
    const cases = fc.sample(arbCardCase(pinned), { seed: 3, numRuns: 40 });
    for (const spec of cases) {
      expect(spec.eta).toEqual({ overBeta: '0.01' });
      const beta = buildFunction(float64, spec.function).certificate.beta;
      expect(Math.abs(Number(spec.rho) * beta - 2)).toBeLessThan(1e-8);
      expect(admissibilityProblem(pinned, spec)).toBeUndefined();
      const moved = parameterize(pinned, spec);
      const stepped = moved.rebuild(moved.parameters.map((p) => p.value + 3 * p.step));
      expect(Math.abs(Number(stepped.rho) * buildFunction(float64, stepped.function).certificate.beta - 2)).toBeLessThan(1e-8);
      expect(stepped.eta).toEqual({ overBeta: '0.01' });
    }
  });

  test('a pinned start, horizon and noise model hold for every drawn case (corners included) and every search step, and replays check them', () => {
    const fromOptimum = defineConjecture({
      id: 'PIN2',
      statement: 'n-SAM from x* under two-point noise, at T = 200',
      class: 'strongly-convex',
      algorithm: 'n-sam',
      horizon: { min: 200, max: 200 },
      start: 'optimum',
      noise: ['two-point'],
      measure: 'gap',
      claim: { bound: 'beta*rho^2' },
    });
    const cases = fc.sample(arbCardCase(fromOptimum), { seed: 5, numRuns: 30 });
    expect(cases.some((spec) => spec.function.family === 'logistic')).toBe(true); // x* is not always 0
    for (const spec of cases) {
      expect(spec.steps).toBe(200);
      expect('oracle' in spec && spec.oracle.kind).toBe('two-point');
      expect(admissibilityProblem(fromOptimum, spec)).toBeUndefined();
      const moved = parameterize(fromOptimum, spec);
      expect(moved.parameters.some((p) => p.name.startsWith('x0'))).toBe(false);
      const stepped = moved.rebuild(moved.parameters.map((p) => p.value + 2 * p.step));
      expect(admissibilityProblem(fromOptimum, stepped)).toBeUndefined(); // x0 followed x* when λ moved
    }
    const spec = cases[0]!;
    expect(admissibilityProblem(fromOptimum, { ...spec, steps: 199 })?.message).toMatch(/steps.*must be 200 <= T <= 200/);
    expect(admissibilityProblem(fromOptimum, { ...spec, x0: spec.x0.map((x) => String(Number(x) + 0.1)) })?.message).toMatch(/must be x\*/);
    expect(admissibilityProblem(fromOptimum, { ...spec, oracle: { kind: 'gaussian', sigma: '1' } } as typeof spec)?.message).toMatch(/oracle.kind.*must be one of two-point/);
  });

  test.each([
    [{ horizon: { min: 0 } }, /horizon.min.*whole number/],
    [{ horizon: { min: 10, max: 5 } }, /min <= max/],
    [{ start: 'x*' }, /start.*'optimum'/],
    [{ noise: ['gaussian'] }, /noise.*stochastic methods/],
  ])('a pin that cannot be is refused: %j', (fields, message) => {
    expect(() => defineConjecture({ ...BASE, id: 'BAD', ...(fields as object) })).toThrow(message);
  });

  test('a lower end of ρ is kept by the generator', () => {
    const bounded = defineConjecture({ ...BASE, id: 'RHO1', algorithm: 'sam', rho: { min: '1', max: '4' } });
    for (const spec of fc.sample(arbCardCase(bounded), { seed: 4, numRuns: 40 })) {
      const rhoBeta = Number(spec.rho) * buildFunction(float64, spec.function).certificate.beta;
      expect(rhoBeta).toBeGreaterThanOrEqual(1);
      expect(rhoBeta).toBeLessThanOrEqual(4);
    }
  });
});

describe('measures', () => {
  // GD on (1/2)x² with η = 1/2 from x0 = 1: x_t = 2^-t, gap_t = 4^-t/2, ‖∇f(x_t)‖² = 4^-t.
  const run = { algorithm: 'gd' as const, function: { family: 'quadratic' as const, eigenvalues: ['1'], center: ['3'] }, x0: ['4'], eta: { overBeta: '0.5' }, steps: 6 };
  const observed = (measure: ConjectureSpec['measure']) => {
    const card = defineConjecture({ ...BASE, id: 'M1', measure, claim: { bound: '1000' } });
    return observe(float64, card as RunCard, run).map((o) => o.observed);
  };

  test('distSq, minGradNormSq and the tail maxima are what they say at every horizon', () => {
    // With center 3 the iterates are 3 + 2^-t.
    expect(observed('distSq')).toEqual([1, 2, 3, 4, 5, 6].map((t) => 4 ** -t));
    expect(observed('minGradNormSq')).toEqual([1, 2, 3, 4, 5, 6].map((t) => 4 ** -(t - 1)));
    // A decreasing sequence: the tail maximum over ⌈T/2⌉ <= t <= T is its value at ⌈T/2⌉.
    expect(observed('tailGap')).toEqual([1, 2, 3, 4, 5, 6].map((T) => 4 ** -Math.ceil(T / 2) / 2));
    expect(observed('tailGradNormSq')).toEqual([1, 2, 3, 4, 5, 6].map((T) => 4 ** -Math.ceil(T / 2)));
    expect(observed('tailDistSq')).toEqual([1, 2, 3, 4, 5, 6].map((T) => 4 ** -Math.ceil(T / 2)));
  });

  test("a user's own measure is evaluated over the backend and named in the claim", () => {
    const moved: CustomMeasure = { name: '‖x_T − x_0‖²', at: (B, { trajectory, t }) => normSq(B, sub(B, trajectory.iterates[t]!, trajectory.iterates[0]!)) };
    expect(observed(moved)).toEqual([1, 2, 3, 4, 5, 6].map((t) => (1 - 2 ** -t) ** 2));
    expect(defineConjecture({ ...BASE, id: 'M2', measure: moved }).claim).toBe('‖x_T − x_0‖² <= (1 - eta*mu)^T * delta0');
    const verdict = judgeCase(defineConjecture({ ...BASE, id: 'M3', measure: moved, claim: { bound: '1' } }), run, { precision: 30 });
    expect(verdict).toMatchObject({ holds: true, level: 'float' });
  });

  test('stochastic and limit claims keep to the expectations the paths record', () => {
    expect(() => defineConjecture({ ...BASE, id: 'M4', algorithm: 'n-sam', measure: 'distSq' })).toThrow(/measure = "distSq": a stochastic claim is judged on gap or avgGradNormSq/);
    expect(() => defineConjecture({ ...BASE, id: 'M5', measure: 'tailGap', claim: { limit: 0 } })).toThrow(/measure = "tailGap": a limit claim is judged on gap or avgGradNormSq/);
    expect(() => defineConjecture({ ...BASE, id: 'M6', measure: 'dist' as never })).toThrow(/measure = "dist": must be one of gap, gradNormSq, avgGradNormSq, minGradNormSq, distSq/);
  });
});
