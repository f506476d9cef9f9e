/**
 * The class-wide search: from many starts, each the exact data of a run on a random member of the
 * class (a quadratic ½xᵀAx with its spectrum in the class's curvature range for the convex
 * classes; a one-dimensional piecewise quadratic with curvature ±β for the nonconvex one), the
 * augmented Lagrangian (optimize.ts) climbs the goal over all data the class allows, in the class
 * shrunk by a relative ε so that the result can be certified (certify.ts). Starts are drawn from
 * the seed; the budget is a count of evaluations, shared by the starts in turn, so a seed and a
 * budget give the same search on every machine.
 */
import { float64 } from '../arith/float64.js';
import type { Vec } from '../arith/vector.js';
import { InputError } from '../errors.js';
import { buildFunction } from '../functions/index.js';
import type { FamilySpec, SmoothFunction } from '../functions/types.js';
import { randomStream, type RandomStream } from '../random/seeded.js';
import { drain } from '../parallel/yielding.js';
import { maximizeSubjectTo, type ConstrainedProblem, type LagrangianState } from './optimize.js';
import { classConstraints, evaluateRun, flatten, layoutOf, parameters, shrunkCurvature, unknownsOf, type Goal, type Layout, type Setting, type Unknowns } from './problem.js';

export interface SearchOptions {
  readonly seed: number;
  /** Evaluations of the goal and constraints, over all starts. */
  readonly evaluations: number;
  /** Evaluations a polished start may spend (default PER_START). */
  readonly perStart?: number;
  /** The relative shrink of the class (default 1e-7). */
  readonly epsilon?: number;
  readonly onStart?: (progress: { readonly start: number; readonly value: number; readonly violation: number; readonly best: number; readonly evaluations: number }) => void;
  /** Whether to stop (Ctrl-C), asked before each climb: the search then ends with what it found. */
  readonly stop?: () => boolean;
}

export interface Found {
  readonly z: Float64Array;
  /** The goal at z (float64). */
  readonly value: number;
  /** The largest violation of the shrunk class's constraints at z. */
  readonly violation: number;
  readonly start: number;
}

export interface SearchResult {
  readonly layout: Layout;
  readonly epsilon: number;
  /** The starts' results, best first (only those feasible to the tolerance). */
  readonly found: readonly Found[];
  readonly starts: number;
  readonly evaluations: number;
  /** Set when the search was asked to stop before its budget was spent. */
  readonly interrupted?: true;
}

export const DEFAULT_EPSILON = 1e-6;
/** Evaluations of a start's first, short climb: enough to tell a promising start from a poor one. */
const SCOUT = 3_000;
/** And of each of the best few's full climb: the augmented Lagrangian needs 5,000 to 8,000 to settle. */
const PER_START = 10_000;
/** Starts scouted per round, and the best of them climbed in full. */
const ROUND_STARTS = 8;
const POLISHED = 3;
/** The share of the budget kept for the best result's last climb. */
const FINAL_SHARE = 0.2;
/** A start's result counts when the shrunk class's conditions hold to this (in units of f). */
const FEASIBLE = 1e-9;
/** A scouted start may be polished when its conditions hold to this. */
const PROMISING = 1e-3;

interface Climbed extends Found {
  readonly scales: Scales;
  readonly state: LagrangianState;
}

/**
 * The search for the worst case of `goal` over the class of `setting`, in rounds until the budget
 * is spent: a short climb (scouting) from each of ROUND_STARTS starts, then the best few scouted
 * points (nearly feasible, highest goal) climbed in full. Every result feasible to FEASIBLE is
 * kept, best first.
 */
export function searchWorstCase(setting: Setting, goal: Goal, options: SearchOptions): SearchResult {
  return drain(searchSteps(setting, goal, options));
}

/**
 * searchWorstCase as steps: it yields after each climb, so that a driver may let its thread's
 * events in between (drainYielding: a command's Ctrl-C) and stop it (options.stop).
 */
export function* searchSteps(setting: Setting, goal: Goal, options: SearchOptions): Generator<void, SearchResult> {
  if (setting.cls === 'smooth' && setting.dim !== 1) {
    throw new InputError('dim', setting.dim, 'must be 1 for the nonconvex class: only one-dimensional data have an interpolant whose infimum is known (explicit.ts)');
  }
  const epsilon = options.epsilon ?? DEFAULT_EPSILON;
  const stream = randomStream(options.seed, 0x9e9);
  const first = startingData(setting, goal, stream);
  const layout = layoutOf(setting.dim, first.answers.length, setting.method.usesRho);
  const perStart = options.perStart ?? PER_START;
  const found: Found[] = [];
  let evaluations = 0;
  let best = -Infinity;
  const left = () => options.evaluations - evaluations;
  const climb = (z0: Float64Array, scales: Scales, budget: number, start: number, from?: LagrangianState): Climbed => {
    const result = maximizeSubjectTo(constrainedProblem(setting, goal, layout, epsilon, scales), z0, { evaluations: Math.max(1, Math.min(budget, left())), keepFeasible: FEASIBLE }, from);
    evaluations += result.evaluations;
    // The climb's end when it is inside the class; otherwise the best point inside it that the
    // climb passed (a climb cut off by its budget may end outside, as at T = 8, where a polish
    // needs more than PER_START). Not the best passed point always: one passed on the way, inside
    // only to FEASIBLE, certifies less often than an end the method settled at.
    const inside = result.violation <= FEASIBLE && Number.isFinite(result.value) ? result : result.bestFeasible;
    if (inside !== undefined) {
      found.push({ z: inside.z, value: inside.value, violation: inside.violation, start });
      best = Math.max(best, inside.value);
    }
    options.onStart?.({ start, value: result.value, violation: result.violation, best, evaluations });
    return { ...result, start, scales };
  };
  // Rounds until the budget is spent: scout ROUND_STARTS starts, then climb the best few in full.
  let start = 0;
  let next: Unknowns<number> | undefined = first;
  // A fifth of the budget is kept to climb the best result further at the end.
  const rounds = options.evaluations * (1 - FINAL_SHARE);
  const climbed: Climbed[] = [];
  const stopped = () => options.stop?.() === true;
  while (evaluations < rounds && !stopped()) {
    const scouted: Climbed[] = [];
    for (let k = 0; k < ROUND_STARTS && left() > 0 && !stopped(); k++, start++) {
      const data = next ?? startingData(setting, goal, stream);
      next = undefined;
      if (data.answers.length !== layout.points) continue; // a member whose run stopped early (a zero gradient)
      const z0 = flatten(layout, data);
      scouted.push(climb(z0, scalesOf(setting, goal, layout, epsilon, z0), Math.min(SCOUT, perStart), start));
      yield;
    }
    const promising = scouted.filter((c) => c.violation <= PROMISING && Number.isFinite(c.value)).sort((a, b) => b.value - a.value);
    for (const c of promising.slice(0, POLISHED)) {
      if (left() <= 0 || stopped()) break;
      climbed.push(climb(c.z, c.scales, perStart, c.start, c.state));
      yield;
    }
  }
  // The best climbed point, climbed on with what is left (a polish that ran out of evaluations
  // stops short of the maximum: its last value could still be raised without leaving the class).
  const top = climbed.filter((c) => c.violation <= PROMISING && Number.isFinite(c.value)).sort((a, b) => b.value - a.value)[0];
  if (top !== undefined && left() > 0 && !stopped()) {
    climb(top.z, top.scales, left(), top.start, top.state);
    yield;
  }
  found.sort((a, b) => b.value - a.value);
  return { layout, epsilon, found, starts: start, evaluations, ...(stopped() ? { interrupted: true as const } : {}) };
}

/**
 * The goal and the shrunk class's conditions as one problem over the unknowns, with the scales of
 * a start (scalesOf): a ratio's bound is taken as at least `guard` (L3's ‖δ‖²/(βρa) is 0/0 where
 * f is linear along u, and a hair outside the class it grows without bound there; the guard only
 * lowers the ratio where the bound is tiny, so what the search finds stays a lower bound of the
 * worst case).
 */
export function constrainedProblem(setting: Setting, goal: Goal, layout: Layout, epsilon: number, scales: Scales): ConstrainedProblem {
  return {
    size: layout.size,
    evaluate(B, z) {
      const curvature = shrunkCurvature(B, setting, epsilon);
      const { measured, points } = evaluateRun(B, setting, goal, unknownsOf(B, layout, z), curvature);
      const r = measured.ratio;
      const objective = r === undefined || scales.guard === 0 ? measured.value : B.div(r.observed, B.max(r.bound, B.fromNumber(scales.guard)));
      return { objective, constraints: [...classConstraints(B, setting, curvature, points), ...(measured.constraints ?? [])] };
    },
  };
}

export interface Scales {
  readonly guard: number;
}

/** A ratio's bound is kept above this fraction of its size at the start (see constrainedProblem). */
const GUARD = 1e-6;

/** The scales of a start, from its data: the guard, GUARD times the size of a ratio's bound (0 for a goal that is no ratio). */
export function scalesOf(setting: Setting, goal: Goal, layout: Layout, epsilon: number, z: Float64Array): Scales {
  const { measured } = evaluateRun(float64, setting, goal, unknownsOf(float64, layout, [...z]), shrunkCurvature(float64, setting, epsilon));
  const bound = measured.ratio === undefined ? 0 : Math.abs(measured.ratio.bound);
  return { guard: Number.isFinite(bound) ? GUARD * bound : 0 };
}

/**
 * The exact data of the method's run on a random member of the (shrunk) class: x_0, and the
 * gradient and value f − f* at every point the run asks about, in the order it asks.
 */
export function startingData(setting: Setting, goal: Goal, stream: RandomStream): Unknowns<number> {
  const f = randomMember(setting, stream);
  const { eta, rho } = parameters(float64, setting);
  // From near x* (where SAM's direction is anything and some claims are worst) to far away.
  const scale = Number(setting.rho) * 10 ** (5 * stream.uniform() - 4);
  const x0 = Array.from({ length: setting.dim }, () => scale * stream.gaussian());
  const recorded: { g: number[]; f: number }[] = [];
  const seen = new WeakSet<Vec<number>>();
  const record = (x: Vec<number>) => {
    if (seen.has(x)) return;
    seen.add(x);
    const { gap, gradient } = f.evaluate(x);
    recorded.push({ g: gradient, f: gap });
  };
  const recording: SmoothFunction<number> = {
    ...f,
    value: (x) => (record(x), f.value(x)),
    gradient: (x) => (record(x), f.gradient(x)),
    gap: (x) => (record(x), f.gap(x)),
    evaluate: (x) => (record(x), f.evaluate(x)),
  };
  evaluateRunOn(setting, goal, recording, x0, eta, rho);
  return { x0, answers: recorded };
}

function evaluateRunOn(setting: Setting, goal: Goal, f: SmoothFunction<number>, x0: number[], eta: number, rho: number): void {
  goal.measure(float64, { algorithm: setting.method.name, function: f.spec, x0: [], eta: setting.eta, rho: setting.rho, steps: setting.steps }, { f, x0, eta, rho }, setting.method);
}

/** A random member of the shrunk class in float64, with f* = 0 (and x* = 0 for the convex classes). */
function randomMember(setting: Setting, stream: RandomStream): SmoothFunction<number> {
  const { beta, mu } = parameters(float64, setting);
  const upper = beta * (1 - 2 * DEFAULT_EPSILON);
  if (setting.cls === 'smooth') return buildFunction(float64, randomPiecewise(upper, Number(setting.rho), stream));
  const lower = (mu ?? 0) + 2 * DEFAULT_EPSILON * beta;
  // The extremes of the range are where worst cases live: each eigenvalue is one of them half the time.
  const eigenvalues = Array.from({ length: setting.dim }, () => {
    const u = stream.uniform();
    return String(u < 0.25 ? lower : u < 0.5 ? upper : lower + (upper - lower) * stream.uniform());
  });
  const spec: FamilySpec = { family: 'quadratic', eigenvalues, rotationSeed: stream.integer(2 ** 31) };
  return buildFunction(float64, spec);
}

/** A coercive one-dimensional piecewise quadratic with curvature ±β: 0, 2 or 4 breakpoints within a few ρ of 0. */
function randomPiecewise(beta: number, rho: number, stream: RandomStream): FamilySpec {
  const count = 2 * stream.integer(3);
  const breakpoints = Array.from({ length: count }, () => rho * 6 * (stream.uniform() - 0.5)).sort((a, b) => a - b);
  return { family: 'piecewise-quadratic', beta: String(beta), coordinates: [{ breakpoints: breakpoints.map(String), slope: String(beta * rho * (stream.uniform() - 0.5)) }] };
}
