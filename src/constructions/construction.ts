/**
 * Lower-bound constructions (THEOREMS.md §4) as code: an exact run, the closed forms its
 * trajectory must match, and the constant of a card it shows tight. `samcheck constructions`
 * writes each case as a counterexample file; `samcheck replay` reruns the file and compares.
 */
import type { Backend } from '../arith/backend.js';
import type { Trajectory } from '../algorithms/run.js';
import type { RunSpec } from '../algorithms/run-spec.js';
import type { StochasticRunSpec } from '../algorithms/stochastic.js';

/** A quantity of a trajectory at step t. avgGradNormSq at t is (1/(t+1)) Σ_{s<=t} ‖∇f(x_s)‖². */
export const QUANTITIES = ['x', 'absX', 'gap', 'gradNorm', 'gradNormSq', 'avgGradNormSq'] as const;
export type Quantity = (typeof QUANTITIES)[number];

export interface Observable {
  readonly quantity: Quantity;
  /** For x and absX: the coordinate, counted from 1. */
  readonly coordinate?: number;
  readonly at: number;
}

export interface Expectation extends Observable {
  /** The closed form, as THEOREMS.md writes it. */
  readonly formula: string;
  /** Significant digits the replay must share with the closed form. */
  readonly digits: number;
  value<T>(B: Backend<T>): T;
}

export interface Tightness {
  readonly card: string;
  /** What the construction's limit is a fraction of, and the fraction. */
  readonly formula: string;
  constant<T>(B: Backend<T>): T;
  /** Whether the fraction is reached from a whole set of starts (or only from an exact one). */
  readonly robust: boolean;
}

/**
 * A closed form about the expectation of a quantity over the paths of a stochastic run:
 * `interval` holds when the two-sided interval at `level` contains it, `above` when the one-sided
 * lower bound at `level` exceeds it.
 */
export interface StatisticalExpectation extends Observable {
  readonly formula: string;
  readonly test: 'interval' | 'above';
  readonly level: number;
  value<T>(B: Backend<T>): T;
}

interface ConstructionFields {
  readonly construction: string;
  readonly title: string;
  readonly tight: readonly Tightness[];
}

export interface DeterministicConstruction extends ConstructionFields {
  readonly run: RunSpec;
  /** The decimal precision of the replay; the closed forms are evaluated at 100 digits. */
  readonly precision: number;
  /** Whether the replay also encloses each quantity in interval arithmetic. */
  readonly certify: boolean;
  readonly expectations: readonly Expectation[];
}

export interface StochasticConstruction extends ConstructionFields {
  readonly run: StochasticRunSpec;
  readonly tests: readonly StatisticalExpectation[];
}

export type ConstructionCase = DeterministicConstruction | StochasticConstruction;

export function isStochasticConstruction(c: ConstructionCase): c is StochasticConstruction {
  return 'tests' in c;
}

/** A quantity of a trajectory in its backend. */
export function observeQuantity<T>(B: Backend<T>, trajectory: Trajectory<T>, o: Observable): T {
  switch (o.quantity) {
    case 'x':
      return trajectory.iterates[o.at]![(o.coordinate ?? 1) - 1]!;
    case 'absX':
      return B.abs(trajectory.iterates[o.at]![(o.coordinate ?? 1) - 1]!);
    case 'gap':
      return trajectory.gap[o.at]!;
    case 'gradNorm':
      return B.sqrt(trajectory.gradNormSq[o.at]!);
    case 'gradNormSq':
      return trajectory.gradNormSq[o.at]!;
    case 'avgGradNormSq':
      return trajectory.avgGradNormSq[o.at]!;
  }
}

/** Short text for an observable, e.g. "|x_200,2|" or "‖∇f(x_50)‖"; `at` may be a symbol ("t"). */
export function observableName(o: Omit<Observable, 'at'> & { readonly at: number | string }): string {
  switch (o.quantity) {
    case 'x':
      return `x_${o.at},${o.coordinate ?? 1}`;
    case 'absX':
      return `|x_${o.at},${o.coordinate ?? 1}|`;
    case 'gap':
      return `f(x_${o.at}) − f*`;
    case 'gradNorm':
      return `‖∇f(x_${o.at})‖`;
    case 'gradNormSq':
      return `‖∇f(x_${o.at})‖²`;
    case 'avgGradNormSq':
      return `(1/${typeof o.at === 'number' ? o.at + 1 : `(${o.at}+1)`}) Σ_{s<=${o.at}} ‖∇f(x_s)‖²`;
  }
}
