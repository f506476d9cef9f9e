/**
 * fast-check arbitraries of function family members (as exact specs) and of points.
 *
 * Class constants are exact by construction: a quadratic's spectrum is drawn as β/κ_i with
 * 1 = κ_1 <= κ_i <= κ_d = κ, written as fractions, so β, μ = β/κ and the condition number κ are
 * the drawn numbers themselves.
 */
import fc from 'fast-check';
import type { NumberText } from '../arith/literal.js';
import type { CosineSpec, LogisticSpec, PiecewiseQuadraticSpec, QuadraticSpec } from '../functions/types.js';
import { MAX_SEED } from '../random/seeded.js';
import { arbPositive, arbSigned, plusText } from './numbers.js';

export interface QuadraticShape {
  readonly minDim?: number;
  readonly maxDim: number;
  /** Largest condition number β/μ (>= 1). */
  readonly maxCondition: number;
  /** β ranges over [10^lo, 10^hi). */
  readonly betaExponents?: readonly [number, number];
  /** Rotate the spectrum by a seeded orthogonal matrix (default: always). */
  readonly rotated?: boolean;
  /** Sometimes make the smallest eigenvalue 0 (convex, not strongly). */
  readonly allowSingular?: boolean;
}

export function arbQuadraticSpec(shape: QuadraticShape): fc.Arbitrary<QuadraticSpec> {
  const [betaLo, betaHi] = shape.betaExponents ?? [-1, 2];
  const conditionExponent = Math.log10(shape.maxCondition);
  // κ in [1, maxCondition]: 1 itself, or 10^u for u drawn in [0, log10 maxCondition].
  const arbCondition =
    conditionExponent <= 0
      ? fc.constant(1)
      : fc.oneof(
          // κ = 1 (all eigenvalues equal) is the equality case of several lemmas: kept, but rare.
          { weight: 1, arbitrary: fc.constant(1) },
          { weight: 9, arbitrary: fc.integer({ min: 0, max: 1000 }).map((n) => Number((10 ** ((conditionExponent * n) / 1000)).toPrecision(3))) },
        );
  return fc
    .record({
      d: fc.integer({ min: shape.minDim ?? 1, max: shape.maxDim }),
      beta: arbPositive(betaLo, betaHi),
      kappa: arbCondition,
      middle: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: shape.maxDim, maxLength: shape.maxDim }),
      rotationSeed: fc.integer({ min: 0, max: MAX_SEED }),
      singular: shape.allowSingular ? fc.boolean() : fc.constant(false),
    })
    .map(({ d, beta, kappa, middle, rotationSeed, singular }) => {
      const kappaOf = (i: number) =>
        i === 0 ? 1 : i === d - 1 ? kappa : Number((kappa ** (middle[i]! / 1000)).toPrecision(3));
      const eigenvalues: NumberText[] = Array.from({ length: d }, (_, i) => {
        if (singular && d > 1 && i === d - 1) return '0';
        const k = kappaOf(i);
        return k === 1 ? beta : `${beta}/${k}`;
      });
      return shape.rotated === false ? { family: 'quadratic' as const, eigenvalues } : { family: 'quadratic' as const, eigenvalues, rotationSeed };
    });
}

export interface CosineShape {
  readonly minDim?: number;
  readonly maxDim: number;
}

export function arbCosineSpec(shape: CosineShape): fc.Arbitrary<CosineSpec> {
  const term = fc.record({ beta: arbPositive(-1, 2), k: arbPositive(-1, 1), phase: arbSigned(-2, 1) });
  return fc
    .integer({ min: shape.minDim ?? 1, max: shape.maxDim })
    .chain((dim) =>
      fc.record({
        dim: fc.constant(dim),
        terms: fc.array(term, { minLength: 1, maxLength: dim }),
        quadBeta: fc.oneof(fc.constant('0'), arbPositive(-1, 2)),
      }),
    )
    .map(({ dim, terms, quadBeta }) => ({ family: 'cosine' as const, dim, terms, quadBeta }));
}

export interface PiecewiseQuadraticShape {
  readonly maxDim: number;
  /** Pairs of breakpoints per coordinate, at most (default 2). */
  readonly maxPairs?: number;
}

/**
 * Separable piecewise quadratics: β in [0.1, 100), each coordinate with 0 to maxPairs pairs of
 * breakpoints (the first anywhere in ±10, the gaps from 10^-2 to 10) and a slope f'(b_1) of
 * either sign; β is exact by construction and f*, x* follow in closed form.
 */
export function arbPiecewiseQuadraticSpec(shape: PiecewiseQuadraticShape): fc.Arbitrary<PiecewiseQuadraticSpec> {
  const coordinate = fc
    .record({
      first: arbSigned(-2, 1),
      pairs: fc.integer({ min: 0, max: shape.maxPairs ?? 2 }),
      gaps: fc.array(arbPositive(-2, 1), { minLength: 2 * (shape.maxPairs ?? 2), maxLength: 2 * (shape.maxPairs ?? 2) }),
      slope: arbSigned(-2, 1),
    })
    .map(({ first, pairs, gaps, slope }) => {
      // 2·pairs breakpoints: the first, then one per gap.
      const breakpoints: NumberText[] = pairs === 0 ? [] : [first];
      for (let i = 1; i < 2 * pairs; i++) breakpoints.push(plusText(breakpoints[i - 1]!, gaps[i - 1]!));
      return { breakpoints, slope };
    });
  return fc.record({
    family: fc.constant('piecewise-quadratic' as const),
    beta: arbPositive(-1, 2),
    coordinates: fc.array(coordinate, { minLength: 1, maxLength: shape.maxDim }),
  });
}

export interface LogisticShape {
  readonly maxDim: number;
  readonly maxSamples: number;
}

export function arbLogisticSpec(shape: LogisticShape): fc.Arbitrary<LogisticSpec> {
  return fc.record({
    family: fc.constant('logistic' as const),
    dim: fc.integer({ min: 1, max: shape.maxDim }),
    samples: fc.integer({ min: 1, max: shape.maxSamples }),
    dataSeed: fc.integer({ min: 0, max: MAX_SEED }),
    l2: fc.oneof(fc.constant('0'), arbPositive(-3, 0)),
  });
}

/** A point of dimension d with coordinates of magnitude in [10^lo, 10^hi) (or 0). */
export function arbPoint(d: number, exponents: readonly [number, number] = [-2, 1]): fc.Arbitrary<NumberText[]> {
  return fc.array(arbSigned(exponents[0], exponents[1]), { minLength: d, maxLength: d });
}
