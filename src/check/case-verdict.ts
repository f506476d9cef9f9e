/**
 * What a verdict on one case is (its level, its ratio, why it is undecided): the type the
 * verdict's parts share (verdict.ts, and the divergence, limit and statistical verdicts it calls),
 * kept apart so that they depend on it and not on each other.
 */
export const LEVELS = ['certified', 'verified', 'float', 'statistical', 'undecided'] as const;
export type Level = (typeof LEVELS)[number];

/** Observations of a case left unjudged because its precision cannot resolve them (resolution.ts). */
export interface BeyondResolution {
  /** How many. */
  readonly horizons: number;
  /** The first of them (a step or horizon). */
  readonly from: number;
  /** The digits that would judge them all (at least these when a bound underflowed float64). */
  readonly digits: number;
  readonly atLeast?: true;
}

export interface CaseVerdict {
  /** undefined when undecided. */
  readonly holds: boolean | undefined;
  readonly level: Level;
  /**
   * The largest observed/bound, from the most precise evaluation made (0 when nothing is claimed;
   * NaN when no evaluation could be trusted, see `reason`).
   */
  readonly ratio: number;
  /** That ratio with the digits of its evaluation, and the step or horizon where it occurs. */
  readonly ratioText: string;
  readonly at: number;
  /** For statistical verdicts: how the expectation at `at` was bounded. */
  readonly confidence?: { readonly method: string; readonly alpha: number; readonly paths: number; readonly mean: string; readonly lower: string; readonly bound: string };
  /**
   * When set, the level above was reached on the run's first `prefix` steps (the horizons float64
   * could not decide); the later horizons were decided in float64 with a clear margin.
   */
  readonly prefix?: number;
  /**
   * Horizons not judged: their bound is below what the verification's p digits resolve and
   * float64 sees only noise there (resolution.ts); the level above is on the others.
   */
  readonly beyondResolution?: BeyondResolution;
  /** Why a case is undecided, when it is not for want of agreement between precisions. */
  readonly reason?: string;
  /** Undecided because its decimal verification would cost this many units, more than it was allowed. */
  readonly cost?: number;
}
