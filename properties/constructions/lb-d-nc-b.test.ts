/**
 * LB-D-NC-b from a whole interval of starts (THEOREMS.md §4): on (β/k²)cos(kx) with k = θ* / ρ, for
 * random β, ρ, 0 < η <= 1/β and x0 in (−π/k, 0), SAM converges monotonically to x̂ = π/k − ρ, and
 * the average squared gradient tends to (sin θ* / θ*)²β²ρ² ≈ 0.047190β²ρ².
 *
 * Near x̂ the map contracts by 1 − ηβ, so a run of T = 400/(ηβ) steps reaches x̂ to float64
 * accuracy; the transient then weighs O(1/(ηβT)) = 0.25% in the running average, which must be
 * within 2% of the limit and closer at T than at T/2. Runs in float64, η from 0.01/β to 1/β.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { float64 } from '../../src/arith/float64.js';
import { executeRun } from '../../src/algorithms/run-spec.js';
import { thetaStar } from '../../src/constructions/theta-star.js';
import { trapFrequency } from '../../src/constructions/lb-d-nc-b.js';
import { arbPositive } from '../../src/generators/numbers.js';
import { budget } from '../budget.js';

const theta = thetaStar(float64);
const LIMIT = (Math.sin(theta) / theta) ** 2; // 0.0471904...

const arbTrap = fc.record({
  beta: arbPositive(-1, 2),
  rho: arbPositive(-3, 1),
  etaBeta: fc.integer({ min: 1, max: 100 }).map((n) => n / 100),
  where: fc.integer({ min: 1, max: 999 }).map((n) => n / 1000),
});

describe('LB-D-NC-b: the robust smooth trap', () => {
  test('SAM converges monotonically to x̂ = π/k − ρ and its average squared gradient to 0.047190β²ρ²', () => {
    fc.assert(
      fc.property(arbTrap, ({ beta, rho, etaBeta, where }) => {
        const k = trapFrequency(rho);
        const b = Number(beta);
        const r = Number(rho);
        const kk = Number(k);
        const x0 = String(-where * (Math.PI / kk)); // in (−π/k, 0)
        const steps = Math.ceil(400 / etaBeta);
        const { trajectory } = executeRun(float64, {
          algorithm: 'sam',
          function: { family: 'cosine', dim: 1, terms: [{ beta, k }], quadBeta: beta },
          x0: [x0],
          eta: { overBeta: String(etaBeta) },
          rho,
          steps,
        });
        const xs = trajectory.iterates.map((x) => x[0]!);
        const xHat = Math.PI / kk - r;
        const direction = Math.sign(xHat - xs[0]!);
        xs.forEach((x, t) => {
          if (t > 0) expect((x - xs[t - 1]!) * direction, `step ${t}: not monotone`).toBeGreaterThanOrEqual(-1e-15 * r);
        });
        expect(Math.abs(xs[steps]! - xHat)).toBeLessThanOrEqual(1e-12 * r);
        const floor = b * b * r * r;
        expect(Math.abs(trajectory.gradNormSq[steps]! / floor - LIMIT)).toBeLessThan(1e-9);
        const averageError = (t: number) => Math.abs(trajectory.avgGradNormSq[t]! / floor / LIMIT - 1);
        expect(averageError(steps - 1)).toBeLessThan(0.02);
        expect(averageError(steps - 1)).toBeLessThan(averageError(Math.floor(steps / 2)));
      }),
      budget(30),
    );
  });
});
