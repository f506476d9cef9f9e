/**
 * The class-wide search checked against published tight results before it is trusted on SAM
 * (issue "Worst cases over the whole function class", item 4), and its certification against
 * tampering.
 */
import { describe, expect, test } from 'vitest';
import { METHODS } from '../algorithms/ascent.js';
import { runInstance } from '../algorithms/run-spec.js';
import type { Backend } from '../arith/backend.js';
import { float64 } from '../arith/float64.js';
import { reverseBackend, Tape, type Tracked } from '../arith/reverse.js';
import { normSq } from '../arith/vector.js';
import { buildFunction } from '../functions/index.js';
import { L1 } from '../theorems/l1.js';
import { certifyData, certifyFound } from './certify.js';
import { explicitInterpolant } from './explicit.js';
import { cardGoal } from './goals.js';
import { maximizeSubjectTo, type ConstrainedProblem } from './optimize.js';
import { unknownsOf, type Goal, type Setting } from './problem.js';
import { searchWorstCase } from './search.js';

/** f(x_N) − f* with ‖x_0 − x*‖² <= 1 (x* = 0): the performance measure of Drori & Teboulle's result. */
const gapAfterSteps: Goal = {
  id: 'GD: f(x_N) − f* / ‖x_0 − x*‖²',
  measure: (B, spec, instance, method) => ({
    value: runInstance(spec, instance, method).gap[spec.steps]!,
    constraints: [B.sub(B.one, normSq(B, instance.x0))],
  }),
};

/** f(x_1) − f* with f(x_0) − f* <= 1. */
const oneStepContraction: Goal = {
  id: 'GD: (f(x_1) − f*) / (f(x_0) − f*)',
  measure: (B, spec, instance, method) => {
    const gap = runInstance(spec, instance, method).gap;
    return { value: gap[1]!, constraints: [B.sub(B.one, gap[0]!)] };
  },
};

describe('published tight results, reproduced by the search', () => {
  // Drori & Teboulle (2014), PEPit's gradient_descent example: GD with η = 1/β on F_{0,β} has
  // f(x_N) − f* <= β‖x_0 − x*‖²/(4N + 2), attained.
  test.each([1, 2, 3, 4, 5])('gradient descent, η = 1/β on F_{0,β}, N = %i: β‖x_0 − x*‖²/(4N + 2) to 1e-6, certified below it', (N) => {
    const setting: Setting = { cls: 'convex', beta: '1', eta: '1', rho: '1', steps: N, dim: N + 2, method: METHODS.gd };
    const result = searchWorstCase(setting, gapAfterSteps, { seed: 1, evaluations: 20_000, epsilon: 1e-8 });
    const theory = 1 / (4 * N + 2);
    const best = result.found[0]!;
    expect(Math.abs(best.value - theory) / theory).toBeLessThan(1e-6);
    const { certification } = certifyFound(setting, gapAfterSteps, unknownsOf(float64, result.layout, [...best.z]));
    expect(certification.holds).toBe(true);
    // A proven lower bound of a tight upper bound: at most the theory, and within 1e-6 of it.
    expect(Number(certification.value)).toBeLessThanOrEqual(theory);
    expect(Number(certification.value)).toBeGreaterThan(theory * (1 - 1e-6));
  });

  // One step of GD on F_{μ,β} with 0 < η < 2/β contracts f − f* by max{(1 − ημ)², (1 − ηβ)²}, attained.
  test.each(['1/2', '3/2', '19/10'])('one gradient step on F_{μ,β} with μ = β/10, βη = %s: max{(1 − ημ)², (1 − ηβ)²}', (eta) => {
    const setting: Setting = { cls: 'strongly-convex', beta: '1', mu: '1/10', eta, rho: '1', steps: 1, dim: 3, method: METHODS.gd };
    const result = searchWorstCase(setting, oneStepContraction, { seed: 2, evaluations: 10_000, epsilon: 1e-8 });
    const e = eval(eta) as number;
    const theory = Math.max((1 - e / 10) ** 2, (1 - e) ** 2);
    expect(Math.abs(result.found[0]!.value - theory) / theory).toBeLessThan(1e-6);
  });
});

describe('certification of interpolated data', () => {
  const setting: Setting = { cls: 'smooth', beta: '1', eta: '1/2', rho: '1', steps: 1, dim: 1, method: METHODS.sam };
  const goal = cardGoal(L1, { kind: 'ratio' });

  test('a worst case of L1 is certified, and one number changed makes it fail, naming the inequality', () => {
    const result = searchWorstCase({ ...setting, cls: 'convex', dim: 3 }, goal, { seed: 3, evaluations: 6_000 });
    const { data, certification } = certifyFound({ ...setting, cls: 'convex', dim: 3 }, goal, unknownsOf(float64, result.layout, [...result.found[0]!.z]));
    expect(certification.holds).toBe(true);
    expect(Number(certification.value)).toBeGreaterThan(0.99999);
    expect(Number(certification.value)).toBeLessThanOrEqual(1);
    const tampered = { ...data, answers: data.answers.map((a, k) => (k === 1 ? { ...a, f: String(Number(a.f) * 1.001) } : a)) };
    const broken = certifyData({ ...setting, cls: 'convex', dim: 3 }, goal, tampered);
    expect(broken.holds).toBe(false);
    expect(broken.problem).toMatch(/the interpolation inequality of (point \d|x\*) and (point \d|x\*) does not hold/);
  });

  test('one-dimensional nonconvex data get an explicit piecewise quadratic through every point, with its infimum', () => {
    // Data of a known member: curvature +1 before −1, −1 on (−1, 1), +1 after: f'(−1) = 0.5.
    const known = buildFunction(float64, { family: 'piecewise-quadratic', beta: '1', coordinates: [{ breakpoints: ['-1', '1'], slope: '0.5' }] });
    const xs = [-2.5, -0.3, 0.4, 1.7, 3];
    const points = xs.map((x) => ({ x: String(x), g: String(known.gradient([x])[0]), f: String(known.gap([x])) }));
    const spec = explicitInterpolant('1', points);
    const rebuilt = buildFunction(float64, spec);
    for (const x of xs) {
      expect(rebuilt.gradient([x])[0]).toBeCloseTo(known.gradient([x])[0]!, 12);
      // Values agree up to the constant f*: both are gaps to their own infimum.
      expect(rebuilt.gap([x]) - rebuilt.gap([xs[0]!])).toBeCloseTo(known.gap([x]) - known.gap([xs[0]!]), 12);
    }
    // Slopes too steep for curvature in [−1, 1] between two points: refused, naming them.
    expect(() => explicitInterpolant('1', [{ x: '0', g: '0', f: '0' }, { x: '1', g: '5', f: '2' }])).toThrow(/x = 0 and x = 1/);
  });
});

describe('the augmented Lagrangian (optimize.ts)', () => {
  // Maximize z subject to 1 − z >= 0 from z = 0.5: the first subproblem (λ = 0, r = 10) settles
  // outside, at z ≈ 1.08 (where the capped objective's slope meets the penalty's); the multiplier
  // updates then bring z back to 1.
  const problem: ConstrainedProblem = { size: 1, evaluate: (B, z) => ({ objective: z[0]!, constraints: [B.sub(B.one, z[0]!)] }) };

  test('cut off after its first subproblem, a run ends outside, and keeps the best point inside it passed', () => {
    const cut = maximizeSubjectTo(problem, Float64Array.of(0.5), { evaluations: 12, keepFeasible: 1e-9 });
    expect(cut.violation).toBeGreaterThan(0.05);
    expect(cut.bestFeasible).toMatchObject({ value: 0.5, violation: 0 });
    // Without the option nothing is kept.
    expect(maximizeSubjectTo(problem, Float64Array.of(0.5), { evaluations: 12 }).bestFeasible).toBeUndefined();
  });

  test('given its budget, it settles at the constrained maximum, inside', () => {
    const full = maximizeSubjectTo(problem, Float64Array.of(0.5), { evaluations: 5_000, keepFeasible: 1e-9 });
    expect(full.violation).toBeLessThanOrEqual(1e-9);
    expect(full.value).toBeCloseTo(1, 7);
    expect(full.bestFeasible).toMatchObject({ value: full.value });
  });
});

describe('reverse-mode differentiation (arith/reverse.ts)', () => {
  test('gradients agree with central differences on a function of every operation', () => {
    const f = <T>(B: Backend<T>, [a, b, c]: [T, T, T]): T =>
      B.add(B.mul(B.sin(a), B.exp(B.div(b, B.add(B.one, B.mul(c, c))))), B.sub(B.sqrt(B.add(B.mul(a, a), B.fromNumber(2))), B.mul(B.log(B.add(B.abs(c), B.one)), B.cos(b))));
    const x = [0.3, -1.2, 0.7];
    const tape = new Tape();
    const B = reverseBackend(tape);
    const out = f(B, x.map((v) => tape.input(v)) as [Tracked, Tracked, Tracked]);
    const gradient = tape.gradient(out, 3);
    const h = 1e-6;
    x.forEach((_, i) => {
      const plus = [...x];
      const minus = [...x];
      plus[i]! += h;
      minus[i]! -= h;
      expect(gradient[i]).toBeCloseTo((f(float64, plus as [number, number, number]) - f(float64, minus as [number, number, number])) / (2 * h), 7);
    });
  });
});
