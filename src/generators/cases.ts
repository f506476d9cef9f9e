/**
 * fast-check arbitraries of the instances a card is checked on: a member of the card's class, ρ,
 * η over the card's admissible range (edges included), a start, and a horizon.
 *
 * The starts cover the hard corners on purpose (issue "Deterministic theorem cards"): from very
 * near to very far from x*, gradients tiny compared with ρ (and so ρ much larger than the distance
 * to x*), and on or near SAM's 2-cycle ±r* e_top of a quadratic, r* = ηβρ/(2 − ηβ).
 */
import fc from 'fast-check';
import { float64 } from '../arith/float64.js';
import type { NumberText } from '../arith/literal.js';
import type { RunSpec, StepSize } from '../algorithms/run-spec.js';
import { buildFunction } from '../functions/index.js';
import { seededOrthogonal } from '../functions/orthogonal.js';
import type { FamilySpec, QuadraticSpec } from '../functions/types.js';
import type { Card, FunctionClass, StepRange } from '../theorems/card.js';
import { arbCosineSpec, arbLogisticSpec, arbPoint, arbQuadraticSpec } from './functions.js';
import { arbPositive, arbUnitFraction, plusText, timesText } from './numbers.js';

export interface CaseShape {
  readonly maxDim: number;
  readonly maxCondition: number;
  /** The longest horizon drawn for run cards. */
  readonly maxSteps: number;
}

export const DEFAULT_SHAPE: CaseShape = { maxDim: 20, maxCondition: 1e6, maxSteps: 3000 };

/** Members of a class: quadratics, logistic regressions and (for smooth) the cosine family. */
export function arbFunctionOfClass(cls: FunctionClass, shape: CaseShape = DEFAULT_SHAPE): fc.Arbitrary<FamilySpec> {
  const quadratic = arbQuadraticSpec({ maxDim: shape.maxDim, maxCondition: shape.maxCondition, allowSingular: cls !== 'strongly-convex' });
  const logistic = arbLogisticSpec({ maxDim: Math.min(5, shape.maxDim), maxSamples: 40 });
  const stronglyConvexLogistic = logistic.filter((spec) => spec.l2 !== '0');
  switch (cls) {
    case 'strongly-convex':
      return fc.oneof({ weight: 4, arbitrary: quadratic }, { weight: 1, arbitrary: stronglyConvexLogistic });
    case 'convex':
      return fc.oneof({ weight: 4, arbitrary: quadratic }, { weight: 1, arbitrary: logistic });
    case 'smooth':
      return fc.oneof({ weight: 2, arbitrary: quadratic }, { weight: 1, arbitrary: logistic }, { weight: 3, arbitrary: arbCosineSpec({ maxDim: shape.maxDim }) });
  }
}

/** η as s·max/β for s in (0, 1], or (0, 1) when the range excludes its end; or the card's rule. */
export function arbStepSize(eta: Card['eta']): fc.Arbitrary<StepSize> {
  if ('rule' in eta) return fc.constant(eta);
  const range: StepRange = eta;
  return arbUnitFraction(6).map((s) => ({ overBeta: timesText(s === '1' && !range.includeMax ? '0.999999' : s, range.max) }));
}

function arbHorizon(card: Card, shape: CaseShape): fc.Arbitrary<number> {
  if (card.scope === 'step') return fc.constant(1);
  const long = Math.max(65, shape.maxSteps);
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 64 }) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: Math.min(512, long) }) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: long }) },
  );
}

/** Every instance a card can be checked on, as an exact run spec. */
export function arbCardCase(card: Card, shape: CaseShape = DEFAULT_SHAPE): fc.Arbitrary<RunSpec> {
  return fc
    .record({
      function: arbFunctionOfClass(card.requires, shape),
      rho: arbPositive(-4, 1),
      eta: arbStepSize(card.eta),
      steps: arbHorizon(card, shape),
    })
    .chain((partial) => arbStart(partial.function, partial.rho, partial.eta).map((x0) => ({ algorithm: card.algorithm, ...partial, x0 })));
}

/** A start for f: x* plus an offset of any scale, tiny compared with ρ, or near SAM's 2-cycle. */
export function arbStart(spec: FamilySpec, rho: NumberText, eta: StepSize): fc.Arbitrary<NumberText[]> {
  const f = buildFunction(float64, spec);
  const xStar = f.certificate.xStar!.map((v) => String(v));
  const d = xStar.length;
  const direction = arbPoint(d, [-1, 1]).filter((v) => v.some((c) => c !== '0'));
  const offsetBy = (scale: fc.Arbitrary<NumberText>) =>
    fc.tuple(scale, direction).map(([r, v]) => xStar.map((c, i) => plusText(c, timesText(r, v[i]!))));
  const starts: fc.Arbitrary<NumberText[]>[] = [
    offsetBy(arbPositive(-8, 3)),
    offsetBy(arbPositive(-10, -2).map((s) => timesText(s, rho))),
  ];
  const cycle = spec.family === 'quadratic' && typeof eta === 'object' && 'overBeta' in eta ? cycleStart(spec, rho, eta.overBeta) : undefined;
  if (cycle) starts.push(cycle);
  return fc.oneof(...starts);
}

/** ±r*(1 + ε) along the top eigenvector, ε in {0, ±10^-6, ±10^-3}: on or near SAM's 2-cycle. */
function cycleStart(spec: QuadraticSpec, rho: NumberText, etaBeta: NumberText): fc.Arbitrary<NumberText[]> | undefined {
  if (spec.eigenvalues === undefined || Number(etaBeta) >= 2) return undefined;
  const d = spec.eigenvalues.length;
  const top = spec.rotationSeed === undefined ? Array.from({ length: d }, (_, i) => (i === 0 ? 1 : 0)) : seededOrthogonal(float64, d, spec.rotationSeed).map((row) => row[0]!);
  const rStar = (Number(etaBeta) * Number(rho)) / (2 - Number(etaBeta));
  return fc
    .tuple(fc.constantFrom(0, 1e-6, -1e-6, 1e-3, -1e-3), fc.constantFrom(1, -1))
    .map(([epsilon, sign]) => top.map((q) => String(sign * rStar * (1 + epsilon) * q)));
}
