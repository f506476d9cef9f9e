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
import type { Trajectory } from '../algorithms/run.js';
import type { StepSizeRule } from '../algorithms/schedules.js';
import type { SmoothFunction } from '../functions/types.js';

/** Classes of functions, each containing the next: smooth ⊃ convex ⊃ strongly convex. */
export type FunctionClass = 'smooth' | 'convex' | 'strongly-convex';
export type CardKind = 'lemma' | 'upper' | 'lower';

/** η ∈ (0, max/β] (or (0, max/β) when the card needs η < max/β). */
export interface StepRange {
  readonly max: NumberText;
  readonly includeMax: boolean;
}

/** One instance of a claim: observed <= bound, at step or horizon `at`. */
export interface Observation<T> {
  readonly observed: T;
  readonly bound: T;
  readonly at: number;
}

export type Constants<T> = Readonly<Record<string, T>>;

interface CardFields {
  readonly id: string;
  readonly title: string;
  readonly kind: CardKind;
  /** Where the statement comes from: the paper's section and this suite's ID. */
  readonly source: string;
  readonly requires: FunctionClass;
  readonly algorithm: Algorithm;
  /** The claim in words and symbols, as THEOREMS.md states it. */
  readonly claim: string;
  /** The step sizes the claim admits: a range in units of 1/β, or a card's rule for η. */
  readonly eta: StepRange | { readonly rule: StepSizeRule };
  /** Named constants of the bound, as exact number texts (e.g. the floor coefficient c = 1). */
  readonly constants: Readonly<Record<string, NumberText>>;
  /** How tight the constants are known to be. */
  readonly tightness: string;
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
  observe<T>(B: Backend<T>, s: StepQuantities<T>, c: Constants<T>): { observed: T; bound: T };
}

export interface RunCard extends CardFields {
  readonly scope: 'run';
  observe<T>(B: Backend<T>, r: RunQuantities<T>, c: Constants<T>): Observation<T>[];
}

export type Card = StepCard | RunCard;

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
