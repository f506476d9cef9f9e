/**
 * Stochastic SAM (THEOREMS.md §0) over independent paths:
 *   n-SAM  y_t = x_t + ρ g(x_t; ξ̃_t)/‖g(x_t; ξ̃_t)‖,  x_{t+1} = x_t − η g(y_t; ξ_t),  ξ̃_t, ξ_t independent;
 *   m-SAM  the same with ξ̃_t = ξ_t (one sample per step);
 *   SGD    y_t = x_t (the contrast without perturbation);
 * with the convention y_t = x_t when the sampled gradient is 0.
 *
 * Path p draws ξ from the stream (seed, p, 1) and ξ̃ from (seed, p, 0), so any path can be
 * replayed from (seed, p) and the paths are independent. The run keeps, at the steps asked for,
 * the mean over paths (and the spread, for confidence bounds) of x_t, f(x_t) − f*, ‖∇f(x_t)‖² and
 * the running average (1/(t+1)) Σ_{s<=t} ‖∇f(x_s)‖².
 */
import { heartbeat } from '../activity.js';
import { OverflowError } from '../errors.js';
import type { Backend } from '../arith/backend.js';
import { parseNumbers, type NumberText } from '../arith/literal.js';
import { normSq, type Vec } from '../arith/vector.js';
import { buildFunction } from '../functions/index.js';
import type { FamilySpec, SmoothFunction } from '../functions/types.js';
import { buildOracle } from '../oracles/build.js';
import type { Oracle, OracleSpec } from '../oracles/oracle.js';
import { randomStream, validateSeed } from '../random/seeded.js';
import { include, runningMean, type RunningMean } from '../stats/mean.js';
import { positiveNumber, requireLength, wholeNumber } from '../validate.js';
import { advance, startMemory } from './ascent.js';
import { findMethod, methodOf } from './methods.js';
import { resolveStepSize, type StepSize } from './run-spec.js';
import { MAX_STEPS } from './run.js';

export const STOCHASTIC_ALGORITHMS = ['n-sam', 'm-sam', 'sgd'] as const;
/** A stochastic method's name: n-sam, m-sam, sgd, or one made by defineMethod with `sampling`. */
export type StochasticAlgorithm = string;
export const MAX_PATHS = 100_000;

export interface StochasticRunSpec {
  readonly algorithm: StochasticAlgorithm;
  readonly function: FamilySpec;
  readonly oracle: OracleSpec;
  readonly x0: readonly NumberText[];
  readonly eta: StepSize;
  /** Unused (and optional) for SGD. */
  readonly rho?: NumberText;
  readonly steps: number;
  /** The number of independent paths. */
  readonly paths: number;
  readonly seed: number;
}

/** Means over the paths at one step t. */
export interface StepStatistics<T> {
  readonly iterates: RunningMean<T>[];
  readonly gap: RunningMean<T>;
  readonly gradNormSq: RunningMean<T>;
  /** (1/(t+1)) Σ_{s<=t} ‖∇f(x_s)‖². */
  readonly avgGradNormSq: RunningMean<T>;
}

/** The measures of stochastic claims, as expectations. */
export type StochasticMeasure = 'gap' | 'avgGradNormSq';

/** The step whose statistics hold a measure at horizon t: f(x_t) − f* at t, (1/t) Σ_{s<t} at t − 1. */
export function measureStep(measure: StochasticMeasure, t: number): number {
  return measure === 'gap' ? t : t - 1;
}

/** The running mean of a measure among a step's statistics. */
export function measureMean<T>(stats: StepStatistics<T>, measure: StochasticMeasure): RunningMean<T> {
  return measure === 'gap' ? stats.gap : stats.avgGradNormSq;
}

export interface StochasticRun<T> {
  readonly f: SmoothFunction<T>;
  readonly oracle: Oracle<T>;
  readonly x0: T[];
  readonly eta: T;
  readonly rho: T;
  /** The statistics at each recorded step. */
  readonly at: ReadonlyMap<number, StepStatistics<T>>;
  /** The whole trajectory of one path, when asked for (`keepPath`). */
  readonly path?: PathTrajectory<T>;
}

/** One path, step by step (index t = 0, ..., T). */
export interface PathTrajectory<T> {
  readonly index: number;
  readonly iterates: T[][];
  readonly gap: T[];
  readonly gradNormSq: T[];
}

export function isStochasticAlgorithm(value: unknown): value is StochasticAlgorithm {
  return findMethod(value)?.sampling !== undefined;
}

/**
 * Runs every path and keeps the statistics at `record` (every step, or the listed ones), and the
 * whole trajectory of path `keepPath` if given.
 */
export function executeStochasticRun<T>(
  B: Backend<T>,
  spec: StochasticRunSpec,
  record: 'every-step' | readonly number[] = 'every-step',
  keepPath?: number,
): StochasticRun<T> {
  const method = methodOf('algorithm', spec.algorithm, 'stochastic');
  const steps = wholeNumber('steps', spec.steps, 1, MAX_STEPS);
  const paths = wholeNumber('paths', spec.paths, 2, MAX_PATHS);
  if (keepPath !== undefined) wholeNumber('keepPath', keepPath, 0, paths - 1);
  validateSeed('seed', spec.seed);
  const f = buildFunction(B, spec.function);
  requireLength('x0', spec.x0, f.dim, 'the dimension of the function');
  const x0 = parseNumbers(B, 'x0', spec.x0);
  const oracle = buildOracle(B, f, spec.oracle);
  const rho = !method.usesRho && spec.rho === undefined ? B.zero : positiveNumber(B, 'rho', spec.rho);
  const eta = resolveStepSize(B, spec.eta, { f, x0, rho, steps, sigmaSq: oracle.certificate.sigmaSq });

  const recorded = new Map<number, StepStatistics<T>>();
  const wanted = record === 'every-step' ? Array.from({ length: steps + 1 }, (_, t) => t) : record.filter((t) => t >= 0 && t <= steps);
  for (const t of wanted) {
    recorded.set(t, { iterates: x0.map(() => runningMean(B)), gap: runningMean(B), gradNormSq: runningMean(B), avgGradNormSq: runningMean(B) });
  }
  const kept: PathTrajectory<T> | undefined = keepPath === undefined ? undefined : { index: keepPath, iterates: [], gap: [], gradNormSq: [] };
  for (let p = 0; p < paths; p++) {
    const trace = p === keepPath ? kept : undefined;
    const ascentNoise = randomStream(spec.seed, p, 0);
    const descentNoise = randomStream(spec.seed, p, 1);
    let x: Vec<T> = x0;
    let state = startMemory(B, method, x0);
    let sum = B.zero;
    for (let t = 0; ; t++) {
      heartbeat();
      const { gap, gradient } = f.evaluate(x);
      const gradNormSq = normSq(B, gradient);
      sum = B.add(sum, gradNormSq);
      if (trace) {
        trace.iterates.push([...x]);
        trace.gap.push(gap);
        trace.gradNormSq.push(gradNormSq);
      }
      const stats = recorded.get(t);
      if (stats) {
        x.forEach((xi, i) => include(B, stats.iterates[i]!, xi));
        include(B, stats.gap, gap);
        include(B, stats.gradNormSq, gradNormSq);
        include(B, stats.avgGradNormSq, B.div(sum, B.fromNumber(t + 1)));
      }
      if (t === steps) break;
      const xi = oracle.draw(descentNoise);
      // As in a deterministic run, a method without ρ takes its ascent with ρ = 0 (and ∇f(x) itself).
      const y = method.usesRho ? method.ascent(B, x, oracle.sample(gradient, method.sampling === 'independent' ? oracle.draw(ascentNoise) : xi), rho) : method.ascent(B, x, gradient, B.zero);
      try {
        ({ x, state } = advance(B, method, { x, eta, direction: oracle.sample(y === x ? gradient : f.gradient(y), xi), state, t }));
      } catch (error) {
        throw error instanceof OverflowError ? error.at({ path: p }) : error; // which path diverged, for its confirmation
      }
    }
  }
  return { f, oracle, x0, eta, rho, at: recorded, ...(kept ? { path: kept } : {}) };
}
