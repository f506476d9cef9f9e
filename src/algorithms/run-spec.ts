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
import type { Algorithm, Method } from './ascent.js';
import { methodOf } from './methods.js';
import { runDeterministic, type Trajectory } from './run.js';
import { constantSchedule, decayingSchedule, RHO_DECAYS, STEP_SIZE_RULES, stepSizeByRule, type RhoDecay, type StepSizeRule } from './schedules.js';

/**
 * A constant step size: a number; s/β for `{ overBeta: s }` (exact at the edge η = 1/β whatever
 * β is); or the rule of a card that chooses η from β, μ, ρ, Δ0 and T.
 */
export type StepSize = NumberText | { readonly overBeta: NumberText } | { readonly rule: StepSizeRule };

/** Whether η is a card's rule (which may depend on the horizon T, so a run cut short changes it). */
export function isStepSizeRule(eta: StepSize): eta is { readonly rule: StepSizeRule } {
  return typeof eta === 'object' && 'rule' in eta;
}

export interface RunSpec {
  readonly algorithm: Algorithm;
  readonly function: FamilySpec;
  readonly x0: readonly NumberText[];
  readonly eta: StepSize;
  /** ρ, or ρ0 of a decaying schedule; unused (and optional) for GD. */
  readonly rho?: NumberText;
  /** When present, ρ_t = ρ0/(t+1) ('inverse') or ρ0/√(t+1) ('inverse-sqrt'). */
  readonly rhoDecay?: RhoDecay;
  readonly steps: number;
}

export interface ExecutedRun<T> extends Instance<T> {
  readonly trajectory: Trajectory<T>;
}

/** A run spec made concrete in one backend: the function, the start and the parameters. */
export interface Instance<T> {
  readonly f: SmoothFunction<T>;
  readonly x0: T[];
  readonly eta: T;
  /** ρ (ρ0 when decaying); 0 for methods without perturbation. */
  readonly rho: T;
}

export function instantiate<T>(B: Backend<T>, spec: RunSpec): Instance<T> {
  const method = methodOf('algorithm', spec.algorithm, 'deterministic');
  const f = buildFunction(B, spec.function);
  requireLength('x0', spec.x0, f.dim, 'the dimension of the function');
  const x0 = parseNumbers(B, 'x0', spec.x0);
  if (spec.rhoDecay !== undefined && !RHO_DECAYS.includes(spec.rhoDecay)) {
    throw new InputError('rhoDecay', spec.rhoDecay, `must be one of ${RHO_DECAYS.join(', ')}`);
  }
  const rho = !method.usesRho && spec.rho === undefined ? B.zero : positiveNumber(B, 'rho', spec.rho);
  return { f, x0, rho, eta: resolveStepSize(B, spec.eta, { f, x0, rho, steps: spec.steps }) };
}

/** η of a run: a number, s/β, or a card's rule evaluated on the instance (σ² for stochastic rules). */
export function resolveStepSize<T>(
  B: Backend<T>,
  eta: StepSize,
  context: { readonly f: SmoothFunction<T>; readonly x0: T[]; readonly rho: T; readonly steps: number; readonly sigmaSq?: T },
): T {
  if (typeof eta === 'string') return positiveNumber(B, 'eta', eta);
  const { f, x0, rho, steps, sigmaSq } = context;
  const { overBeta, rule } = (eta ?? {}) as { overBeta?: unknown; rule?: unknown };
  if (overBeta !== undefined) return B.div(positiveNumber(B, 'eta.overBeta', overBeta), f.certificate.beta);
  if (!STEP_SIZE_RULES.includes(rule as StepSizeRule)) {
    throw new InputError('eta', eta, `must be a number, { "overBeta": s } or { "rule": one of ${STEP_SIZE_RULES.join(', ')} }`);
  }
  const { beta, mu } = f.certificate;
  // Δ0 >= 0 in exact arithmetic; a computed f* can make a start at x* round just below 0.
  const delta0 = B.max(f.gap(x0), B.zero);
  return stepSizeByRule(B, rule as StepSizeRule, { beta, mu, rho, delta0, steps, sigmaSq });
}

/** Runs `spec` in backend B, with the method it names or, to test the checks, another one. */
export function executeRun<T>(B: Backend<T>, spec: RunSpec, method?: Method): ExecutedRun<T> {
  const instance = instantiate(B, spec);
  return { ...instance, trajectory: runInstance(spec, instance, method) };
}

/** The run of `spec` on an instance of it already made (instantiate), e.g. to run it again. */
export function runInstance<T>(spec: RunSpec, instance: Instance<T>, method?: Method): Trajectory<T> {
  const { f, x0, eta, rho } = instance;
  return runDeterministic(f, {
    method: method ?? methodOf('algorithm', spec.algorithm, 'deterministic'),
    x0,
    steps: spec.steps,
    eta: constantSchedule(eta),
    rho: spec.rhoDecay === undefined ? constantSchedule(rho) : decayingSchedule(f.backend, rho, spec.rhoDecay),
  });
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
