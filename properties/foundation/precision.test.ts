/**
 * What the precision of a run means (foundation issue, "Done when"):
 * - float64 and decimal agree to 1e-12 relative on short, well-conditioned runs;
 * - SAM loses a number of digits that belongs to the instance, not to the precision: a run at p and
 *   at 2p lose the same number of digits (to 2) once the loss is above the few ulps any 100-step
 *   run carries some rounding (a run whose roundings happen to cancel, so that it is exact, tells
 *   nothing of the instance: see the kept counterexamples), so the digits a run shares with a rerun at twice
 *   its precision are exactly the digits it has right (to 1), which `reliableDigits` reports.
 *   A vector's digits are counted normwise; a coordinate that is 0 in exact arithmetic (an
 *   eigenvector start) holds only rounding noise at every precision, and shows as such;
 * - at p = 160, runs at p and 2p agree to at least p/2 digits on 100-step runs of random
 *   quadratics with d <= 10 and condition number <= 100. At p = 60 they need not: see the kept
 *   counterexample at the end, an instance that loses 44 digits at every precision.
 *
 * How many digits 100 steps lose on this class, measured on 2,500 seeded random instances
 * (ρ from 10^-4 to 10, starts from 0.05 to 20 in scale): median 5, 90th percentile 17, 99th 39,
 * 99.9th 52, largest 57. So the p/2 claim needs p >= 114 here; 160 leaves a margin of 23 digits.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { decimalBackend } from '../../src/arith/decimal.js';
import { float64 } from '../../src/arith/float64.js';
import { executeRun, instantiate, trajectoryText, type RunSpec, type TrajectoryText } from '../../src/algorithms/run-spec.js';
import { compareTrajectories } from '../../src/check/reliable-digits.js';
import type { QuadraticSpec } from '../../src/functions/types.js';
import { arbQuadraticSpec, arbPoint } from '../../src/generators/functions.js';
import { arbPositive, arbUnitFraction } from '../../src/generators/numbers.js';
import { budget } from '../budget.js';

const arbQuadratic = arbQuadraticSpec({ maxDim: 10, maxCondition: 100 });

/** SAM for `steps` steps with η = s/β, s in (0, 1], on a random quadratic. */
function arbSamRun(steps: number, startExponents: readonly [number, number], rhoExponents: readonly [number, number]): fc.Arbitrary<RunSpec> {
  return arbQuadratic.chain((spec) =>
    fc.record({
      algorithm: fc.constant('sam' as const),
      function: fc.constant(spec),
      x0: arbPoint(spec.eigenvalues!.length, startExponents).filter((x) => x.some((c) => c !== '0')),
      eta: arbUnitFraction().map((s) => `${s}/${largestEigenvalue(spec)}`),
      rho: arbPositive(rhoExponents[0], rhoExponents[1]),
      steps: fc.constant(steps),
    }),
  );
}

function largestEigenvalue(spec: QuadraticSpec): string {
  return spec.eigenvalues![0]!; // the generator puts β first
}

function runAt(precision: number, spec: RunSpec): TrajectoryText {
  const B = decimalBackend(precision);
  return trajectoryText(B, executeRun(B, spec).trajectory);
}



const relativeError = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

describe('float64 against decimal', () => {
  test('agree to 1e-12 relative on 10-step runs that stay far from the oscillation regime', () => {
    // Starts at distance >= 1 with ρ < 10^-3: ‖∇f(x_t)‖ stays far above ηβ²ρ, where SAM's
    // normalization would amplify rounding (checked below, not assumed).
    fc.assert(
      fc.property(arbSamRun(10, [0, 1], [-6, -3]), (spec) => {
        const B = decimalBackend(60);
        const exact = executeRun(B, spec);
        const fast = executeRun(float64, spec).trajectory;
        const beta = B.toNumber(exact.f.certificate.beta);
        const etaBetaSqRho = B.toNumber(instantiate(B, spec).eta) * beta * beta * Number(spec.rho);
        fc.pre(exact.trajectory.gradNormSq.every((g) => Math.sqrt(B.toNumber(g)) > 10 * etaBetaSqRho));
        exact.trajectory.iterates.forEach((x, t) => {
          const reference = x.map((v) => B.toNumber(v));
          const difference = Math.hypot(...reference.map((v, i) => v - fast.iterates[t]![i]!));
          expect(difference / Math.hypot(...reference), `x_${t}`).toBeLessThanOrEqual(1e-12);
          expect(relativeError(fast.gap[t]!, B.toNumber(exact.trajectory.gap[t]!)), `gap ${t}`).toBeLessThanOrEqual(1e-12);
          expect(relativeError(fast.gradNormSq[t]!, B.toNumber(exact.trajectory.gradNormSq[t]!)), `‖∇f‖² ${t}`).toBeLessThanOrEqual(1e-12);
        });
      }),
      budget(40),
    );
  });
});

describe('digits lost by decimal runs of SAM (100 steps, d <= 10, condition <= 100)', () => {
  const arbRun = arbSamRun(100, [-2, 1], [-4, 1]);

  test('the digits a run shares with a rerun at 2p are the digits it has right, and the loss does not depend on p', () => {
    fc.assert(
      fc.property(arbRun, (spec) => {
        const p = 40;
        const [run, twice, reference] = [p, 2 * p, 4 * p].map((precision) => runAt(precision, spec)) as [TrajectoryText, TrajectoryText, TrajectoryText];
        const reported = compareTrajectories(run, twice, p);
        const right = compareTrajectories(run, reference, p);
        const pairs: [string, number[], number[]][] = [
          ['x_t', reported.iterates, right.iterates],
          ['x_t,i', reported.coordinates.flat(), right.coordinates.flat()],
          ['gap', reported.gap, right.gap],
          ['‖∇f‖²', reported.gradNormSq, right.gradNormSq],
        ];
        for (const [name, ours, truth] of pairs) {
          ours.forEach((digits, i) => expect(Math.abs(digits - truth[i]!), `${name} entry ${i}: reported ${digits} digits, has ${truth[i]}`).toBeLessThanOrEqual(1));
        }
        const lossAtP = p - reported.min;
        const lossAt2p = 2 * p - compareTrajectories(twice, reference, 2 * p).min;
        // A run that loses no digit at all was made exact by the luck of its roundings (η·β
        // rounding to exactly 1, see the kept counterexamples below): it says nothing of the
        // instance, whose loss the other precision shows.
        const exactByLuck = lossAtP === 0 || lossAt2p === 0;
        if (lossAtP < p && !exactByLuck) expect(Math.abs(lossAtP - lossAt2p), `lost ${lossAtP} digits at ${p}, ${lossAt2p} at ${2 * p}`).toBeLessThanOrEqual(2);
        else if (!exactByLuck) expect(lossAt2p).toBeGreaterThanOrEqual(p - 2);
      }),
      budget(15),
    );
  });

  test('at p = 160, runs at p and 2p agree to at least p/2 digits', () => {
    fc.assert(
      fc.property(arbRun, (spec) => {
        const p = 160;
        expect(compareTrajectories(runAt(p, spec), runAt(2 * p, spec), p).min).toBeGreaterThanOrEqual(p / 2);
      }),
      budget(10),
    );
  });

  test('kept counterexample: at p = 60 an instance keeps only 16 digits, because it loses 44 at every precision', () => {
    // Found by a random search over the class above (seeded stream 7; 300 instances, median loss
    // 5 digits, 99th percentile 29, this one the largest): the iterates creep towards x* along
    // the small-curvature directions with ‖∇f‖ far below ηβ²ρ, losing about a digit per step,
    // before they settle on SAM's 2-cycle.
    const spec: RunSpec = {
      algorithm: 'sam',
      function: { family: 'quadratic', eigenvalues: ['8', '0.8736', '2.725', '4.738', '3.717'], rotationSeed: 728 },
      x0: ['0.1080', '-0.1890', '-1.279', '0.03780', '3.945'],
      eta: '0.859/8',
      rho: '0.00166',
      steps: 100,
    };
    const [at60, at120, at240] = [60, 120, 240].map((p) => runAt(p, spec)) as [TrajectoryText, TrajectoryText, TrajectoryText];
    const kept60 = compareTrajectories(at60, at120, 60).min;
    const kept120 = compareTrajectories(at120, at240, 120).min;
    expect(kept60).toBeLessThan(30);
    expect(Math.abs(60 - kept60 - (120 - kept120))).toBeLessThanOrEqual(2);
    expect(kept120).toBeGreaterThanOrEqual(60);
  });

  test.each([
    // fast-check seed 1458014, path "9:123:0:0": 3 digits at 80 (x_1 = 1 + 4e-80, the gap twice that).
    ['78.8', 3878709102, '1', 3],
    // fast-check seed 1666610539, path "7:89:0:0:2:1:0": 4 digits at 80, since x_1 = −ρ + ε(x0 + ρ)
    // cancels (x0 + ρ)/ρ ≈ 100 of them; at 40 digits ε is 0.
    ['10.2', 22, '0.01', 4],
  ])('kept counterexample: η = 1/%s (rotation seed %i) is exact at 40 digits by luck of rounding (ρ = %s), and loses %i digits at 80', (beta, rotationSeed, rho, lost) => {
    // Found against the claim as first stated (losses at p and 2p within 2 digits, whatever
    // they are). In exact arithmetic ηβ = 1 and SAM jumps to ∓ρ and alternates there. At 40 digits
    // the rounded η times β rounds back to exactly 1, so the run is exact; at 80 it does not, and
    // the run carries the instance's loss. A run that loses nothing was exact by luck.
    const spec: RunSpec = { algorithm: 'sam', function: { family: 'quadratic', eigenvalues: [beta], rotationSeed }, x0: ['1'], eta: `1/${beta}`, rho, steps: 100 };
    const [at40, at80, at160] = [40, 80, 160].map((p) => runAt(p, spec)) as [TrajectoryText, TrajectoryText, TrajectoryText];
    expect(40 - compareTrajectories(at40, at160, 40).min).toBe(0);
    expect(80 - compareTrajectories(at80, at160, 80).min).toBe(lost);
  });

  test('kept counterexample to a coordinatewise measure: an eigenvector start keeps its digits normwise', () => {
    // fast-check (seed 2074162285) shrank a failure of the p/2 claim, then measured coordinate by
    // coordinate, to this: A = 0.101·I built as Q(0.101·I)Qᵀ, and a start with x_7 = 0. SAM moves
    // along x, so x_7 is 0 in exact arithmetic and rounding noise at every precision: no digit of it
    // can agree, while the vector agrees to nearly every digit.
    const spec: RunSpec = {
      algorithm: 'sam',
      function: { family: 'quadratic', eigenvalues: Array(9).fill('0.101'), rotationSeed: 4294967283 },
      x0: ['1', '1', '1', '1', '1', '1', '0', '1', '1'],
      eta: '0.001/0.101',
      rho: '1',
      steps: 100,
    };
    const agreement = compareTrajectories(runAt(160, spec), runAt(320, spec), 160);
    expect(agreement.coordinates[100]![6]).toBe(0);
    expect(agreement.min).toBeGreaterThanOrEqual(150);
  });
});
