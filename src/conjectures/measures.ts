/**
 * What a conjecture's claim is judged on. A deterministic claim may use any of these measures
 * (or one of its own, written over the backend); stochastic and limit claims are judged on the
 * expectations of gap and avgGradNormSq, which src/algorithms/stochastic.ts keeps per step.
 *
 *   gap             f(x_T) − f*
 *   gradNormSq      ‖∇f(x_T)‖²
 *   avgGradNormSq   (1/T) Σ_{t<T} ‖∇f(x_t)‖²
 *   minGradNormSq   min_{t<T} ‖∇f(x_t)‖²
 *   distSq          ‖x_T − x*‖² (members with a minimizer)
 *   tailGap, tailGradNormSq, tailDistSq
 *                   the largest value over the last half of the run, max_{⌈T/2⌉ <= t <= T}: a
 *                   bound on it at every T states a limsup-type claim that a finite run can test
 */
import type { Backend } from '../arith/backend.js';
import { normSq, sub } from '../arith/vector.js';
import { measureAt, type Trajectory } from '../algorithms/run.js';
import { InputError } from '../errors.js';
import type { SmoothFunction } from '../functions/types.js';

export const MEASURES = ['gap', 'gradNormSq', 'avgGradNormSq', 'minGradNormSq', 'distSq', 'tailGap', 'tailGradNormSq', 'tailDistSq'] as const;
export type MeasureName = (typeof MEASURES)[number];

/** The measures a stochastic or limit claim can be judged on. */
export const EXPECTATION_MEASURES = ['gap', 'avgGradNormSq'] as const;

/** A measure of a user's own: its value at horizon t of a deterministic run, in the run's backend. */
export interface CustomMeasure {
  /** How the claim names it, e.g. '‖x_T − x_0‖²'. */
  readonly name: string;
  at<T>(B: Backend<T>, run: { readonly trajectory: Trajectory<T>; readonly f: SmoothFunction<T>; readonly t: number }): T;
}

export type Measure = MeasureName | CustomMeasure;

export function isCustomMeasure(measure: unknown): measure is CustomMeasure {
  return typeof measure === 'object' && measure !== null && typeof (measure as CustomMeasure).at === 'function';
}

/** The measure at horizon t of a deterministic run (t >= 1). */
export function measureOfRun<T>(B: Backend<T>, measure: Measure, trajectory: Trajectory<T>, f: SmoothFunction<T>, t: number): T {
  if (isCustomMeasure(measure)) return measure.at(B, { trajectory, f, t });
  switch (measure) {
    case 'gap':
    case 'gradNormSq':
    case 'avgGradNormSq':
      return measureAt(trajectory, measure, t);
    case 'minGradNormSq':
      return trajectory.gradNormSq.slice(0, t).reduce((m, v) => B.min(m, v));
    case 'distSq':
      return distanceSq(B, f, trajectory, t);
    case 'tailGap':
      return tailMax(B, t, (s) => trajectory.gap[s]!);
    case 'tailGradNormSq':
      return tailMax(B, t, (s) => trajectory.gradNormSq[s]!);
    case 'tailDistSq':
      return tailMax(B, t, (s) => distanceSq(B, f, trajectory, s));
  }
}

/** max over ⌈t/2⌉ <= s <= t. */
function tailMax<T>(B: Backend<T>, t: number, value: (s: number) => T): T {
  let max = value(t);
  for (let s = Math.ceil(t / 2); s < t; s++) max = B.max(max, value(s));
  return max;
}

function distanceSq<T>(B: Backend<T>, f: SmoothFunction<T>, trajectory: Trajectory<T>, t: number): T {
  const xStar = f.certificate.xStar;
  if (xStar === undefined) throw new InputError('measure', 'distSq', `needs a minimizer, and this member of ${f.spec.family} has none (its infimum is not attained)`);
  return normSq(B, sub(B, trajectory.iterates[t]!, xStar));
}

/** The measure in the claim's words (stochastic: an expectation). */
export function measureText(measure: Measure, stochastic: boolean): string {
  if (isCustomMeasure(measure)) return measure.name;
  switch (measure) {
    case 'gap':
      return stochastic ? 'E f(x_T) − f*' : 'f(x_T) − f*';
    case 'gradNormSq':
      return '‖∇f(x_T)‖²';
    case 'avgGradNormSq':
      return stochastic ? '(1/T) Σ_{t<T} E‖∇f(x_t)‖²' : '(1/T) Σ_{t<T} ‖∇f(x_t)‖²';
    case 'minGradNormSq':
      return 'min_{t<T} ‖∇f(x_t)‖²';
    case 'distSq':
      return '‖x_T − x*‖²';
    case 'tailGap':
      return 'max_{T/2<=t<=T} f(x_t) − f*';
    case 'tailGradNormSq':
      return 'max_{T/2<=t<=T} ‖∇f(x_t)‖²';
    case 'tailDistSq':
      return 'max_{T/2<=t<=T} ‖x_t − x*‖²';
  }
}
