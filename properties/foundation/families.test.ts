/**
 * Every function family delivers what its certificate promises (foundation issue, "Done when"):
 * - the gradient is the derivative of the value: it matches a central difference computed at 60
 *   digits with h = 10^-20 (truncation ~h², rounding ~10^-60/h: both far below the tolerance);
 * - the certified curvature interval [lower, upper] (so [μ, β] for convex members) contains every
 *   eigenvalue of the Hessian, as computed independently in float64 by ml-matrix, up to 1e-10·β;
 * - and every curvature sampled along a random direction, as a 60-digit difference of gradients.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { Backend } from '../../src/arith/backend.js';
import { decimalBackend } from '../../src/arith/decimal.js';
import { float64 } from '../../src/arith/float64.js';
import { axpy, dot, norm, sub } from '../../src/arith/vector.js';
import { buildFunction } from '../../src/functions/index.js';
import { logisticData } from '../../src/functions/logistic.js';
import type { CosineSpec, FamilySpec, LogisticSpec, PiecewiseQuadraticSpec, QuadraticSpec } from '../../src/functions/types.js';
import { arbCosineSpec, arbLogisticSpec, arbPiecewiseQuadraticSpec, arbPoint, arbQuadraticSpec } from '../../src/generators/functions.js';
import { budget } from '../budget.js';

const B = decimalBackend(60);

const families: [string, fc.Arbitrary<FamilySpec>, number][] = [
  ['quadratic', arbQuadraticSpec({ maxDim: 10, maxCondition: 1e6, allowSingular: true }), 30],
  ['cosine', arbCosineSpec({ maxDim: 6 }), 30],
  ['logistic', arbLogisticSpec({ maxDim: 4, maxSamples: 30 }), 12],
  ['piecewise-quadratic', arbPiecewiseQuadraticSpec({ maxDim: 5 }), 30],
];

/**
 * A spec together with a point and a direction of its dimension. A piecewise quadratic is C³ only
 * off its breakpoints: exactly on one, a central difference of f is off by βh/2 (the kink of f'',
 * not an error of ∇f), so points there are not drawn for it.
 */
function withPointAndDirection(arb: fc.Arbitrary<FamilySpec>) {
  return arb.chain((spec) => {
    const d = dimensionOf(spec);
    const offBreakpoints = (x: string[]) => spec.family !== 'piecewise-quadratic' || x.every((xi, i) => !spec.coordinates[i]!.breakpoints.some((b) => Number(b) === Number(xi)));
    return fc.record({ spec: fc.constant(spec), x: arbPoint(d).filter(offBreakpoints), v: arbPoint(d, [-1, 1]).filter((v) => v.some((c) => c !== '0')) });
  });
}

function dimensionOf(spec: FamilySpec): number {
  if (spec.family === 'quadratic') return (spec.eigenvalues ?? spec.matrix)!.length;
  if (spec.family === 'piecewise-quadratic') return spec.coordinates.length;
  return spec.dim;
}

const parse = (texts: readonly string[]) => texts.map((t) => B.fromString(t));

describe.each(families)('the %s family', (_, arbSpec, runs) => {
  test('the gradient matches a 60-digit central difference of the value', () => {
    fc.assert(
      fc.property(withPointAndDirection(arbSpec), ({ spec, x }) => {
        const f = buildFunction(B, spec);
        const point = parse(x);
        const g = f.gradient(point);
        const h = B.fromString('1e-20');
        const scale = B.add(B.one, B.add(B.abs(f.value(point)), norm(B, g)));
        point.forEach((_, i) => {
          const e = point.map((__, j) => (i === j ? h : B.zero));
          const difference = B.div(B.sub(f.value(axpy(B, B.one, e, point)), f.value(sub(B, point, e))), B.mul(B.fromNumber(2), h));
          const error = B.div(B.abs(B.sub(difference, g[i]!)), scale);
          expect(B.toNumber(error), `coordinate ${i + 1}`).toBeLessThan(1e-30);
        });
      }),
      budget(runs),
    );
  });

  test('curvature sampled along random directions lies in the certified interval', () => {
    fc.assert(
      fc.property(withPointAndDirection(arbSpec), ({ spec, x, v }) => {
        const f = buildFunction(B, spec);
        const { lower, upper } = f.certificate.curvature;
        const point = parse(x);
        const direction = parse(v);
        const h = B.fromString('1e-20');
        const change = sub(B, f.gradient(axpy(B, h, direction, point)), f.gradient(axpy(B, B.neg(h), direction, point)));
        const curvature = B.div(dot(B, direction, change), B.mul(B.mul(B.fromNumber(2), h), dot(B, direction, direction)));
        const slack = B.mul(B.fromString('1e-25'), f.certificate.beta);
        expect(B.cmp(curvature, B.sub(lower, slack))).toBeGreaterThanOrEqual(0);
        expect(B.cmp(curvature, B.add(upper, slack))).toBeLessThanOrEqual(0);
      }),
      budget(runs),
    );
  });

  test('the Hessian computed independently in float64 (ml-matrix) has its spectrum in the certified interval', () => {
    fc.assert(
      fc.property(withPointAndDirection(arbSpec), ({ spec, x }) => {
        const f = buildFunction(float64, spec);
        const hessian = independentHessian(float64, spec, x.map(Number));
        const eigenvalues = new EigenvalueDecomposition(new Matrix(hessian), { assumeSymmetric: true }).realEigenvalues;
        const slack = 1e-10 * f.certificate.beta;
        for (const lambda of eigenvalues) {
          expect(lambda).toBeGreaterThanOrEqual(f.certificate.curvature.lower - slack);
          expect(lambda).toBeLessThanOrEqual(f.certificate.curvature.upper + slack);
        }
        if (spec.family === 'quadratic' && spec.eigenvalues) {
          // For a quadratic the certificate is the spectrum itself: its ends are attained.
          expect(Math.min(...eigenvalues)).toBeCloseTo(f.certificate.mu!, 9);
          expect(Math.abs(Math.max(...eigenvalues) - f.certificate.beta)).toBeLessThanOrEqual(slack);
        }
      }),
      budget(runs),
    );
  });
});

/**
 * ∇²f(x) from the definition of each family, written without the family's code: a quadratic's
 * matrix column by column from gradient differences (the quadratic's gradient is the only access
 * to its rotated A), the logistic Hessian from its data, the cosine Hessian from its formula.
 */
function independentHessian(F: Backend<number>, spec: FamilySpec, x: number[]): number[][] {
  switch (spec.family) {
    case 'quadratic': {
      const f = buildFunction(F, spec as QuadraticSpec);
      const base = f.gradient(x.map(() => 0));
      return x.map((_, j) => sub(F, f.gradient(x.map((__, i) => (i === j ? 1 : 0))), base));
    }
    case 'logistic': {
      const s = spec as LogisticSpec;
      const data = logisticData(s.dim, s.samples, s.dataSeed);
      const X = data.features.map((row) => row.map(Number));
      const l2 = Number(s.l2);
      const sigma = (t: number) => 1 / (1 + Math.exp(-t));
      return x.map((_, i) =>
        x.map((__, j) => X.reduce((acc, row) => {
          const m = row.reduce((a, r, k) => a + r * x[k]!, 0);
          return acc + (sigma(m) * sigma(-m) * row[i]! * row[j]!) / X.length;
        }, 0) + (i === j ? l2 : 0)),
      );
    }
    case 'cosine': {
      const s = spec as CosineSpec;
      return x.map((xi, i) =>
        x.map((_, j) => {
          if (i !== j) return 0;
          const term = s.terms[i];
          return term === undefined ? Number(s.quadBeta) : -Number(term.beta) * Math.cos(Number(term.k) * xi + Number(term.phase ?? '0'));
        }),
      );
    }
    case 'piecewise-quadratic': {
      // Diagonal: +β before the first breakpoint, then the sign flips at each breakpoint passed.
      const s = spec as PiecewiseQuadraticSpec;
      const beta = Number(s.beta);
      return x.map((xi, i) =>
        x.map((_, j) => (i !== j ? 0 : s.coordinates[i]!.breakpoints.filter((b) => Number(b) <= xi).length % 2 === 0 ? beta : -beta)),
      );
    }
    default:
      throw new RangeError(`no independent Hessian for ${(spec as FamilySpec).family}`);
  }
}
