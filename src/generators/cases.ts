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
import { parseNumber, type NumberText } from '../arith/literal.js';
import type { RunSpec, StepSize } from '../algorithms/run-spec.js';
import { buildFunction, isBuiltinFamily, userFamily } from '../functions/index.js';
import { seededOrthogonal } from '../functions/orthogonal.js';
import type { FamilySpec, QuadraticSpec } from '../functions/types.js';
import type { CaseSpec } from '../algorithms/case.js';
import { isStochasticAlgorithm, type StochasticAlgorithm, type StochasticRunSpec } from '../algorithms/stochastic.js';
import { MAX_SEED } from '../random/seeded.js';
import { classContains, type Card, type FunctionClass, type StepRange } from '../theorems/card.js';
import { arbOracleSpec } from './oracles.js';
import { arbCosineSpec, arbLogisticSpec, arbPiecewiseQuadraticSpec, arbPoint, arbQuadraticSpec } from './functions.js';
import { arbPositive, arbUnitFraction, plusText, timesNumberText, timesText } from './numbers.js';

export interface CaseShape {
  readonly maxDim: number;
  readonly maxCondition: number;
  /** The longest horizon drawn for run cards. */
  readonly maxSteps: number;
  /** Stochastic cases average many paths, so they are drawn smaller. */
  readonly stochastic: { readonly maxDim: number; readonly maxSteps: number; readonly paths: number };
}

export const DEFAULT_SHAPE: CaseShape = { maxDim: 20, maxCondition: 1e6, maxSteps: 3000, stochastic: { maxDim: 5, maxSteps: 500, paths: 64 } };

/**
 * Members of a class: quadratics, logistic regressions and (for smooth) the cosine and
 * piecewise-quadratic families; only
 * `families` when given, which may name families made by defineFamily (of the class or a smaller
 * one: a strongly convex family serves a convex claim).
 */
export function arbFunctionOfClass(cls: FunctionClass, shape: CaseShape = DEFAULT_SHAPE, families?: readonly string[]): fc.Arbitrary<FamilySpec> {
  const quadratic = arbQuadraticSpec({ maxDim: shape.maxDim, maxCondition: shape.maxCondition, allowSingular: cls !== 'strongly-convex' });
  const logistic = arbLogisticSpec({ maxDim: Math.min(5, shape.maxDim), maxSamples: 40 });
  const members: { weight: number; family: string; arbitrary: fc.Arbitrary<FamilySpec> }[] = [
    { weight: cls === 'smooth' ? 2 : 4, family: 'quadratic', arbitrary: quadratic },
    { weight: 1, family: 'logistic', arbitrary: cls === 'strongly-convex' ? logistic.filter((spec) => spec.l2 !== '0') : logistic },
  ];
  if (cls === 'smooth') {
    members.push({ weight: 3, family: 'cosine', arbitrary: arbCosineSpec({ maxDim: shape.maxDim }) });
    // Nonconvex with curvature ±β exactly: the family that holds LB-D-NC-c's robust trap.
    members.push({ weight: 2, family: 'piecewise-quadratic', arbitrary: arbPiecewiseQuadraticSpec({ maxDim: Math.min(5, shape.maxDim) }) });
  }
  for (const name of families ?? []) {
    const user = userFamily(name);
    if (user !== undefined && classContains(cls, user.class)) members.push({ weight: 3, family: name, arbitrary: user.arbitrary });
  }
  const allowed = members.filter((m) => families === undefined || families.includes(m.family));
  if (allowed.length === 0) throw new RangeError(`no family of the class ${cls} among ${families?.join(', ')}`);
  return fc.oneof(...allowed.map(({ weight, arbitrary }) => ({ weight, arbitrary })));
}

/** η as s·max/β for s in (0, 1], or (0, 1) when the range excludes its end; or the card's rule. */
export function arbStepSize(eta: Card['eta']): fc.Arbitrary<StepSize> {
  if ('rule' in eta) return fc.constant(eta);
  const range: StepRange = eta;
  // With a lower end, the fraction of max is drawn from [min/max, 1] instead of (0, 1].
  const low = range.min === undefined ? 0 : parseNumber(float64, 'eta.min', range.min) / parseNumber(float64, 'eta.max', range.max);
  const fraction = (s: NumberText) => (low === 0 ? s : String(Number((low + Number(s) * (1 - low)).toPrecision(6))));
  return arbUnitFraction(6).map((s) => ({ overBeta: timesNumberText(s === '1' && !range.includeMax ? '0.999999' : fraction(s), range.max) }));
}

export function arbHorizon(card: Card, shape: CaseShape): fc.Arbitrary<number> {
  if (card.scope === 'step') return fc.constant(1);
  const maxSteps = longestRun(card, shape);
  if (card.horizon !== undefined) {
    const [min, max] = horizonRange(card, maxSteps);
    return min === max ? fc.constant(min) : fc.integer({ min, max });
  }
  // A limit claim is judged at T, 4T and 16T: T from 16 up to a sixteenth of the longest run.
  if (card.scope === 'limit') return fc.integer({ min: 16, max: Math.max(16, Math.floor(maxSteps / 16)) });
  const long = Math.max(65, maxSteps);
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 64 }) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: Math.min(512, long) }) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: long }) },
  );
}

/** The longest run a card's cases have: the stochastic shape's for a stochastic method. */
export function longestRun(card: Card, shape: CaseShape): number {
  return isStochasticAlgorithm(card.algorithm) ? shape.stochastic.maxSteps : shape.maxSteps;
}

/**
 * The horizons a card with a `horizon` draws: its min and max (defaults: 1, or 16 for a limit
 * claim's base T, and the shape's longest run, a sixteenth of it for a limit claim).
 */
export function horizonRange(card: Card, longest: number): [number, number] {
  const limit = card.scope === 'limit';
  const min = card.horizon?.min ?? (limit ? 16 : 1);
  const max = card.horizon?.max ?? Math.max(min, limit ? Math.floor(longest / 16) : longest);
  return [min, Math.max(min, max)];
}

/** The shape of a card's search: the defaults, narrowed by the card's own `search`. */
export function shapeFor(card: Card, shape: CaseShape = DEFAULT_SHAPE): CaseShape {
  const s = card.search;
  if (s === undefined) return shape;
  return {
    ...shape,
    maxDim: Math.min(shape.maxDim, s.maxDim ?? Infinity),
    maxSteps: Math.min(shape.maxSteps, s.maxSteps ?? Infinity),
    stochastic: {
      maxDim: Math.min(shape.stochastic.maxDim, s.maxDim ?? Infinity),
      maxSteps: Math.min(shape.stochastic.maxSteps, s.maxSteps ?? Infinity),
      paths: s.paths ?? shape.stochastic.paths,
    },
  };
}

/**
 * Instances a card can be checked on, drawn over its whole class and ranges, as exact run specs
 * (the corners of the constructions are added by src/generators/card-cases.ts).
 */
export function arbGeneralCase(card: Card, defaults: CaseShape = DEFAULT_SHAPE): fc.Arbitrary<CaseSpec> {
  const shape = shapeFor(card, defaults);
  const algorithm = card.algorithm;
  if (isStochasticAlgorithm(algorithm)) return arbStochasticCase(card, algorithm, shape);
  const decay = card.rhoDecay === undefined ? {} : { rhoDecay: card.rhoDecay };
  return arbShared(card, shape).chain((partial) =>
    arbStart(partial.function, partial.rho, partial.eta).map((x0): RunSpec => ({ algorithm, ...partial, ...decay, x0 })),
  );
}

/** The function, ρ, η and horizon of a case, as the card restricts them (its families, or fewer). */
export function arbShared(card: Card, shape: CaseShape, families: readonly string[] | undefined = card.families) {
  const bounded = card.maxCondition === undefined ? shape : { ...shape, maxCondition: Math.min(shape.maxCondition, card.maxCondition) };
  const functions = arbFunctionOfClass(card.requires, bounded, families);
  const withinCondition = card.maxCondition === undefined ? functions : functions.filter((spec) => conditionNumber(spec) <= card.maxCondition!);
  return withinCondition.chain((spec) =>
    fc.record({
      function: fc.constant(spec),
      rho: card.rho !== undefined ? arbRhoWithin(spec, card.rho) : arbPositive(...(card.search?.rhoExponents ?? [-4, 1])),
      eta: arbStepSize(card.eta),
      steps: arbHorizon(card, shape),
    }),
  );
}

/**
 * ρ = s·max/β for s in (0, 1] (or (0, 1)), from [min/max, 1] when the range has a lower end, and
 * max/β itself when min = max (a pinned ρ). ρ is a decimal text, not a multiple of 1/β, so it is
 * written with 12 digits and kept a relative 10^-10 inside the range's ends (src/check/admissible.ts
 * allows ρ a relative 10^-8 for that rounding).
 */
function arbRhoWithin(spec: FamilySpec, range: StepRange): fc.Arbitrary<NumberText> {
  const beta = buildFunction(float64, spec).certificate.beta;
  const largest = parseNumber(float64, 'rho', range.max) / beta;
  const smallest = range.min === undefined ? 0 : parseNumber(float64, 'rho.min', range.min) / beta;
  if (range.min !== undefined && smallest >= largest) return fc.constant(twelveDigits(largest));
  const low = smallest / largest;
  return arbUnitFraction(6).map((s) => {
    const drawn = s === '1' && !range.includeMax ? 0.999999 : Number(s);
    const rho = (low + drawn * (1 - low)) * largest;
    return twelveDigits(Math.min(largest * (1 - 1e-10), Math.max(smallest * (1 + 1e-10), rho)));
  });
}

function twelveDigits(x: number): NumberText {
  return String(Number(x.toPrecision(12)));
}

/** The shape of a stochastic case's function: of the stochastic dimension. */
function stochasticShape(shape: CaseShape): CaseShape {
  return { ...shape, maxDim: shape.stochastic.maxDim };
}

/** A stochastic case: a member of the card's class (of small dimension), an oracle, paths and a seed. */
function arbStochasticCase(card: Card, algorithm: StochasticAlgorithm, shape: CaseShape): fc.Arbitrary<StochasticRunSpec> {
  const small = stochasticShape(shape);
  return fc
    .tuple(arbShared(card, small), fc.integer({ min: 0, max: MAX_SEED }))
    .chain(([partial, seed]) =>
      fc
        .tuple(arbStart(partial.function, partial.rho, partial.eta), arbOracleSpec(partial.function, dimensionOf(partial.function), card.noise))
        .map(([x0, oracle]): StochasticRunSpec => ({ algorithm, ...partial, seed, x0, oracle, paths: shape.stochastic.paths })),
    );
}

/** β/μ of a convex member (Infinity when μ = 0 or f is not convex), from its float64 certificate. */
function conditionNumber(spec: FamilySpec): number {
  const { beta, mu } = buildFunction(float64, spec).certificate;
  return mu === undefined || mu === 0 ? Infinity : beta / mu;
}

export function dimensionOf(spec: FamilySpec): number {
  if (!isBuiltinFamily(spec.family)) return buildFunction(float64, spec).dim;
  if (spec.family === 'quadratic') return (spec.eigenvalues ?? spec.matrix)!.length;
  return spec.family === 'piecewise-quadratic' ? spec.coordinates.length : spec.dim;
}

/**
 * A start for f: x* plus an offset of any scale, tiny compared with ρ, near SAM's 2-cycle, or
 * exactly x* (rarely: SAM stays there, by the zero-gradient convention).
 */
export function arbStart(spec: FamilySpec, rho: NumberText, eta: StepSize): fc.Arbitrary<NumberText[]> {
  const xStar = optimumOf(spec);
  const d = xStar.length;
  const direction = arbPoint(d, [-1, 1]).filter((v) => v.some((c) => c !== '0'));
  const offsetBy = (scale: fc.Arbitrary<NumberText>) =>
    fc.tuple(scale, direction).map(([r, v]) => xStar.map((c, i) => plusText(c, timesText(r, v[i]!))));
  const starts: { weight: number; arbitrary: fc.Arbitrary<NumberText[]> }[] = [
    { weight: 4, arbitrary: offsetBy(arbPositive(-8, 3)) },
    { weight: 4, arbitrary: offsetBy(arbPositive(-10, -2).map((s) => timesText(s, rho))) },
    { weight: 1, arbitrary: fc.constant(xStar) },
  ];
  const cycle = cycleStart(spec, rho, eta);
  if (cycle) starts.push({ weight: 4, arbitrary: cycle });
  return fc.oneof(...starts);
}

/** x* of a member, as exact texts of its float64 certificate; 0 for a user family whose infimum is not attained. */
export function optimumOf(spec: FamilySpec): NumberText[] {
  const f = buildFunction(float64, spec);
  return f.certificate.xStar?.map((v) => String(v)) ?? Array.from({ length: f.dim }, () => '0');
}

/** ±r*(1 + ε) along the top eigenvector, ε in {0, ±10^-6, ±10^-3}: on or near SAM's 2-cycle. */
function cycleStart(spec: FamilySpec, rho: NumberText, eta: StepSize): fc.Arbitrary<NumberText[]> | undefined {
  if (cyclePoint(spec, rho, eta, 1, 0) === undefined) return undefined;
  return fc
    .tuple(fc.constantFrom(0, 1e-6, -1e-6, 1e-3, -1e-3), fc.constantFrom(1, -1))
    .map(([epsilon, sign]) => cyclePoint(spec, rho, eta, sign, epsilon)!);
}

/**
 * sign·r*(1 + ε)·q for q the top eigenvector of a quadratic given by its spectrum, r* = ηβρ/(2 − ηβ):
 * a point of SAM's 2-cycle (LB-D-SC) when ε = 0. Undefined when there is no such cycle (not a
 * quadratic with a spectrum, η a rule, or ηβ >= 2).
 */
export function cyclePoint(spec: FamilySpec, rho: NumberText, eta: StepSize, sign: 1 | -1, epsilon: number): NumberText[] | undefined {
  if (spec.family !== 'quadratic' || spec.eigenvalues === undefined || typeof eta !== 'object' || !('overBeta' in eta)) return undefined;
  const etaBeta = parseNumber(float64, 'eta', eta.overBeta);
  if (etaBeta >= 2) return undefined;
  return topDirection({ ...spec, eigenvalues: spec.eigenvalues }).map((q) => String(sign * ((etaBeta * Number(rho)) / (2 - etaBeta)) * (1 + epsilon) * q));
}

/** The unit eigenvector of the largest eigenvalue of a quadratic given by its spectrum. */
export function topDirection(spec: QuadraticSpec & { readonly eigenvalues: readonly NumberText[] }): number[] {
  const values = spec.eigenvalues.map((e) => parseNumber(float64, 'eigenvalue', e));
  const top = values.indexOf(Math.max(...values));
  const d = values.length;
  return spec.rotationSeed === undefined ? Array.from({ length: d }, (_, i) => (i === top ? 1 : 0)) : seededOrthogonal(float64, d, spec.rotationSeed).map((row) => row[top]!);
}
