/**
 * A card is one statement of THEOREMS.md as data: the class of functions, the method, the
 * admissible step sizes, the measure, and the bound written over a backend, with its constants as
 * named fields so that a user can change one and audit it. The checker, the property suites, the
 * audit and the reports all read the same card object, so each bound is written once.
 *
 * A card observes pairs (observed, bound) and claims observed <= bound for each:
 * - a step card (the lemmas of §2) sees the quantities of one step from a point x,
 * - a run card (the bounds of §3) sees a whole trajectory.
 */
import type { Backend } from '../arith/backend.js';
import type { NumberText } from '../arith/literal.js';
import type { Vec } from '../arith/vector.js';
import type { Algorithm } from '../algorithms/ascent.js';
import type { StochasticAlgorithm } from '../algorithms/stochastic.js';
import type { Trajectory } from '../algorithms/run.js';
import type { RhoDecay, StepSizeRule } from '../algorithms/schedules.js';
import type { SmoothFunction } from '../functions/types.js';

import type { FunctionClass } from '../functions/classes.js';

export { classContains, type FunctionClass } from '../functions/classes.js';
/** A conjecture's violation is reported as `falsified`; a theorem's as `violated`. */
export type CardKind = 'lemma' | 'upper' | 'lower' | 'conjecture';

/** η ∈ (0, max/β] (or (0, max/β) when the card needs η < max/β); at least min/β when given. */
export interface StepRange {
  readonly max: NumberText;
  readonly includeMax: boolean;
  /** A lower end, for a conjecture whose operational test needs the transient to end in time. */
  readonly min?: NumberText;
}

/** One instance of a claim: observed <= bound, at step or horizon `at`. */
export interface Observation<T> {
  readonly observed: T;
  readonly bound: T;
  readonly at: number;
}

export type Constants<T> = Readonly<Record<string, T>>;

/** What a replaced constant must be: > 0 (the default), >= 0, or any number. */
export type ConstantRule = 'positive' | 'non-negative' | 'any';

interface CardFields {
  readonly id: string;
  readonly title: string;
  readonly kind: CardKind;
  /** Where the statement comes from: the paper's section and this suite's ID. */
  readonly source: string;
  readonly requires: FunctionClass;
  readonly algorithm: Algorithm | StochasticAlgorithm;
  /** The claim in words and symbols, as THEOREMS.md states it. */
  readonly claim: string;
  /** The step sizes the claim admits: a range in units of 1/β, or a card's rule for η. */
  readonly eta: StepRange | { readonly rule: StepSizeRule };
  /** Named constants of the bound, as exact number texts (e.g. the floor coefficient c = 1). */
  readonly constants: Readonly<Record<string, NumberText>>;
  /**
   * What values each constant may take when a user replaces it (samcheck run --constant, a
   * file's constants): positive unless listed here.
   */
  readonly constantRules?: Readonly<Record<string, ConstantRule>>;
  /** How tight the constants are known to be. */
  readonly tightness: string;
  /** The idea of the proof (for a conjecture: of its derivation), in a sentence or two. */
  readonly proof?: string;
  /** The bound formula it computes, for a claim made by defineConjecture or defineCard. */
  readonly formula?: string;
  /**
   * Only these families of the class (all built-in ones when absent); a family made by
   * defineFamily is drawn only where a card or conjecture names it here.
   */
  readonly families?: readonly string[];
  /** Only members with β/μ at most this (a conjecture's operational test may need it). */
  readonly maxCondition?: number;
  /** ρ ∈ (0, max/β] when the claim restricts it (THEOREMS.md C2: ρ <= 1/β). */
  readonly rho?: StepRange;
  /** A decaying radius ρ_t = ρ0/(t+1) or ρ0/√(t+1) (THEOREMS.md C3). */
  readonly rhoDecay?: RhoDecay;
  /** How this check searches, where it differs from the defaults (src/generators/cases.ts). */
  readonly search?: SearchShape;
  /** The horizons drawn (a limit claim's base T): min <= T <= max; min = max pins T. */
  readonly horizon?: { readonly min?: number; readonly max?: number };
  /** 'optimum': every case starts exactly at x* (the corners and the search too). */
  readonly start?: 'optimum';
  /** Only these noise models (a stochastic claim); a model made by defineOracle is drawn only where named here. */
  readonly noise?: readonly string[];
}

export interface SearchShape {
  /** Cases to draw when the user asks for no number (`samcheck run --runs`). */
  readonly runs?: number;
  readonly maxDim?: number;
  readonly maxSteps?: number;
  /** Paths of a stochastic case (its screen, for a limit claim). */
  readonly paths?: number;
  /** ρ drawn log-uniformly from [10^lo, 10^hi) (default [10^-4, 10)). */
  readonly rhoExponents?: readonly [number, number];
  /** Predicate evaluations fast-check may spend shrinking a counterexample (default 200). */
  readonly shrinkEvaluations?: number;
  /** Evaluations of the targeted search after the sampling (default: one per case drawn). */
  readonly searchEvaluations?: number;
}

/** What a step card sees: one step of the method from x (THEOREMS.md §2 notation). */
export interface StepQuantities<T> {
  readonly f: SmoothFunction<T>;
  readonly beta: T;
  /** μ; 0 for convex and absent for nonconvex functions. */
  readonly mu: T | undefined;
  readonly rho: T;
  readonly eta: T;
  readonly x: Vec<T>;
  /** g = ∇f(x) ≠ 0 and its norm. */
  readonly g: Vec<T>;
  readonly gNorm: T;
  /** u = g/‖g‖. */
  readonly u: Vec<T>;
  /** The method's ascent point (x + ρu for SAM) and ĝ = ∇f(y). */
  readonly y: Vec<T>;
  readonly gHat: Vec<T>;
  /** δ = ĝ − g and a = ⟨δ, u⟩. */
  readonly delta: Vec<T>;
  readonly a: T;
  /** Δ = f(x) − f* and Δ⁺ = f(x⁺) − f* for the method's step x⁺. */
  readonly gap: T;
  readonly gapNext: T;
}

/** What a run card sees: the trajectory of the method and the run's parameters. */
export interface RunQuantities<T> {
  readonly f: SmoothFunction<T>;
  readonly beta: T;
  readonly mu: T | undefined;
  readonly rho: T;
  readonly eta: T;
  /** The horizon T. */
  readonly steps: number;
  /** Δ0 = f(x0) − f*. */
  readonly delta0: T;
  readonly trajectory: Trajectory<T>;
}

export interface StepCard extends CardFields {
  readonly scope: 'step';
  readonly algorithm: Algorithm;
  observe<T>(B: Backend<T>, s: StepQuantities<T>, c: Constants<T>): { observed: T; bound: T };
}

export interface RunCard extends CardFields {
  readonly scope: 'run';
  readonly algorithm: Algorithm;
  observe<T>(B: Backend<T>, r: RunQuantities<T>, c: Constants<T>): Observation<T>[];
}

/** What a stochastic card's bound depends on (THEOREMS.md §3, stochastic SAM). */
export interface StochasticQuantities<T> {
  readonly beta: T;
  readonly mu: T | undefined;
  readonly rho: T;
  readonly eta: T;
  /** The oracle's variance bound σ². */
  readonly sigmaSq: T;
  /** Δ0 = f(x0) − f* (x0 is deterministic). */
  readonly delta0: T;
}

/**
 * A claim on an expectation over the oracle's randomness, checked at several horizons t:
 * E[measure_t] <= bound(t), where measure_t is f(x_t) − f* or (1/t) Σ_{s<t} ‖∇f(x_s)‖².
 */
export interface StochasticCard extends CardFields {
  readonly scope: 'stochastic';
  readonly algorithm: StochasticAlgorithm;
  readonly measure: 'gap' | 'avgGradNormSq';
  /** m-SAM's analysis needs every g(·; ξ) β-smooth (the oracle certifies it). */
  readonly requiresSmoothComponents: boolean;
  bound<T>(B: Backend<T>, q: StochasticQuantities<T>, t: number, c: Constants<T>): T;
}

/**
 * A claim that a measure tends to 0 along the method's runs, judged at the horizons T, 4T and 16T
 * (each with its own step size when η follows a rule): it is falsified on a case when the measure
 * stays above 3/4 of its previous value over both quadruplings (and above a negligible
 * 10^-9·max(1, Δ0)); it holds on the case when the last quadrupling took it below 3/4; otherwise
 * the case is inconclusive. For stochastic methods these are statements about expectations at 99%
 * confidence (see src/check/limit.ts).
 */
export interface LimitCard extends CardFields {
  readonly scope: 'limit';
  readonly measure: 'gap' | 'avgGradNormSq';
}

export type Card = StepCard | RunCard | StochasticCard | LimitCard;

/** The classes whose members satisfy a card that requires `required`. */
export function classesSatisfying(required: FunctionClass): FunctionClass[] {
  const chain: FunctionClass[] = ['smooth', 'convex', 'strongly-convex'];
  return chain.slice(chain.indexOf(required));
}

/** Observations of a run card at every horizon t = 1, ..., T. */
export function atEveryHorizon<T>(steps: number, observe: (t: number) => { observed: T; bound: T }): Observation<T>[] {
  return Array.from({ length: steps }, (_, i) => ({ ...observe(i + 1), at: i + 1 }));
}

/**
 * The average-gradient bounds of D-C and D-NC: (1/t) Σ_{s<t} ‖∇f(x_s)‖² <= 2Δ0/(ηt) + floor at
 * every horizon t.
 */
export function averageGradientBound<T>(B: Backend<T>, r: RunQuantities<T>, floor: T): Observation<T>[] {
  const twoDelta0OverEta = B.div(B.mul(B.fromNumber(2), r.delta0), r.eta);
  return atEveryHorizon(r.steps, (t) => ({
    observed: r.trajectory.avgGradNormSq[t - 1]!,
    bound: B.add(B.div(twoDelta0OverEta, B.fromNumber(t)), floor),
  }));
}
