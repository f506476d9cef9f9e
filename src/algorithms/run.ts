/**
 * Deterministic runs of SAM, USAM and GD (THEOREMS.md §0):
 *   y_t = method.ascent(x_t, ∇f(x_t), ρ_t),   x_{t+1} = x_t − η_t ∇f(y_t)
 * (a method with memory, such as momentum, takes its own descent step from ∇f(y_t)),
 * recording the measures of the cards at every step, in the backend of f.
 */
import { heartbeat } from '../activity.js';
import { sign } from '../arith/scalar.js';
import { allFinite, normSq, type Vec } from '../arith/vector.js';
import { InputError } from '../errors.js';
import type { SmoothFunction } from '../functions/types.js';
import { wholeNumber } from '../validate.js';
import { advance, descentPoint, startMemory, type Method } from './ascent.js';
import type { Schedule } from './schedules.js';

export const MAX_STEPS = 1_000_000;

export interface RunSettings<T> {
  readonly method: Method;
  readonly x0: Vec<T>;
  /** The horizon T: the run computes x_1, ..., x_T. */
  readonly steps: number;
  readonly eta: Schedule<T>;
  /** Unused by GD. */
  readonly rho: Schedule<T>;
}

/** Every array is indexed by t; all have length T + 1 except `perturbed` (length T). */
export interface Trajectory<T> {
  readonly iterates: T[][];
  /** y_0, ..., y_{T−1}. */
  readonly perturbed: T[][];
  /** f(x_t) − f*. */
  readonly gap: T[];
  /** ‖∇f(x_t)‖². */
  readonly gradNormSq: T[];
  /**
   * (1/(t+1)) Σ_{s≤t} ‖∇f(x_s)‖²; the cards' measure (1/T) Σ_{t<T} ‖∇f(x_t)‖² is entry T − 1.
   */
  readonly avgGradNormSq: T[];
}

/** The measures a claim can be judged on. */
export type TrajectoryMeasure = 'gap' | 'gradNormSq' | 'avgGradNormSq';

/** A measure at horizon t: f(x_t) − f*, ‖∇f(x_t)‖², or (1/t) Σ_{s<t} ‖∇f(x_s)‖² (entry t − 1). */
export function measureAt<T>(trajectory: Trajectory<T>, measure: TrajectoryMeasure, t: number): T {
  return measure === 'gap' ? trajectory.gap[t]! : measure === 'gradNormSq' ? trajectory.gradNormSq[t]! : trajectory.avgGradNormSq[t - 1]!;
}

export function runDeterministic<T>(f: SmoothFunction<T>, settings: RunSettings<T>): Trajectory<T> {
  const B = f.backend;
  const { method, x0, eta, rho } = settings;
  const steps = wholeNumber('steps', settings.steps, 1, MAX_STEPS);
  if (x0.length !== f.dim) throw new InputError('x0', x0.map((v) => B.toString(v)), `must have ${f.dim} entries (the dimension of f)`);
  if (!allFinite(B, x0)) throw new InputError('x0', x0.map((v) => B.toString(v)), 'must be finite');

  const trajectory: Trajectory<T> = { iterates: [], perturbed: [], gap: [], gradNormSq: [], avgGradNormSq: [] };
  let x: Vec<T> = x0;
  let state = startMemory(B, method, x0);
  let sumGradNormSq = B.zero;
  /** Records the measures at x_t and returns ∇f(x_t). */
  const record = (t: number): T[] => {
    const { gap, gradient } = f.evaluate(x);
    const gNormSq = normSq(B, gradient);
    sumGradNormSq = B.add(sumGradNormSq, gNormSq);
    trajectory.iterates.push([...x]);
    trajectory.gap.push(gap);
    trajectory.gradNormSq.push(gNormSq);
    trajectory.avgGradNormSq.push(B.div(sumGradNormSq, B.fromNumber(t + 1)));
    return gradient;
  };
  for (let t = 0; t < steps; t++) {
    heartbeat();
    const g = record(t);
    const etaT = eta(t);
    if (sign(B, etaT) <= 0) throw new InputError('eta', B.toString(etaT), `must be > 0 (at step ${t})`);
    const rhoT = method.usesRho ? rho(t) : B.zero;
    if (method.usesRho && sign(B, rhoT) <= 0) throw new InputError('rho', B.toString(rhoT), `must be > 0 (at step ${t})`);
    const y = method.ascent(B, x, g, rhoT);
    trajectory.perturbed.push([...y]);
    const at = descentPoint(method, x, y);
    ({ x, state } = advance(B, method, { x, eta: etaT, direction: at === x ? g : f.gradient(at), state, t }));
  }
  record(steps);
  return trajectory;
}
