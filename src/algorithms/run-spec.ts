/**
 * A run described exactly and independently of any backend: what `samcheck simulate` executes,
 * what a counterexample file stores, and what can be replayed at any precision.
 */
import type { Backend } from '../arith/backend.js';
import { parseNumbers, type NumberText } from '../arith/literal.js';
import { InputError } from '../errors.js';
import { buildFunction } from '../functions/index.js';
import type { FamilySpec, SmoothFunction } from '../functions/types.js';
import { positiveNumber, requireLength } from '../validate.js';
import { validateAlgorithm, type Algorithm } from './ascent.js';
import { runDeterministic, type Trajectory } from './run.js';
import { constantSchedule, decayingSchedule, RHO_DECAYS, type RhoDecay } from './schedules.js';

export interface RunSpec {
  readonly algorithm: Algorithm;
  readonly function: FamilySpec;
  readonly x0: readonly NumberText[];
  /** The constant step size η. */
  readonly eta: NumberText;
  /** ρ, or ρ0 of a decaying schedule; unused (and optional) for GD. */
  readonly rho?: NumberText;
  /** When present, ρ_t = ρ0/(t+1) ('inverse') or ρ0/√(t+1) ('inverse-sqrt'). */
  readonly rhoDecay?: RhoDecay;
  readonly steps: number;
}

export interface ExecutedRun<T> {
  readonly f: SmoothFunction<T>;
  readonly trajectory: Trajectory<T>;
}

export function executeRun<T>(B: Backend<T>, spec: RunSpec): ExecutedRun<T> {
  validateAlgorithm('algorithm', spec.algorithm);
  const f = buildFunction(B, spec.function);
  requireLength('x0', spec.x0, f.dim, 'the dimension of the function');
  const x0 = parseNumbers(B, 'x0', spec.x0);
  const eta = positiveNumber(B, 'eta', spec.eta);
  if (spec.rhoDecay !== undefined && !RHO_DECAYS.includes(spec.rhoDecay)) {
    throw new InputError('rhoDecay', spec.rhoDecay, `must be one of ${RHO_DECAYS.join(', ')}`);
  }
  const rho = spec.algorithm === 'gd' && spec.rho === undefined ? B.zero : positiveNumber(B, 'rho', spec.rho);
  const rhoSchedule = spec.rhoDecay === undefined ? constantSchedule(rho) : decayingSchedule(B, rho, spec.rhoDecay);
  const trajectory = runDeterministic(f, {
    algorithm: spec.algorithm,
    x0,
    steps: spec.steps,
    eta: constantSchedule(eta),
    rho: rhoSchedule,
  });
  return { f, trajectory };
}

/** A trajectory as number strings with every digit the backend holds. */
export interface TrajectoryText {
  readonly iterates: string[][];
  readonly perturbed: string[][];
  readonly gap: string[];
  readonly gradNormSq: string[];
  readonly avgGradNormSq: string[];
}

export function trajectoryText<T>(B: Backend<T>, trajectory: Trajectory<T>): TrajectoryText {
  const list = (values: readonly T[]) => values.map((v) => B.toString(v));
  return {
    iterates: trajectory.iterates.map(list),
    perturbed: trajectory.perturbed.map(list),
    gap: list(trajectory.gap),
    gradNormSq: list(trajectory.gradNormSq),
    avgGradNormSq: list(trajectory.avgGradNormSq),
  };
}
