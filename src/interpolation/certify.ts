/**
 * Certification of a class-wide worst case: its data (x_0, and the gradient and value at every
 * point the run asks about, as exact decimals) are a lower bound on the worst case over the class
 * only when a member of the class has them. Here, in interval arithmetic (decimal.js rounded
 * outward):
 * 1. the run is recomputed from the data by the method's own equations (data-function.ts), so the
 *    points are enclosed, not taken from the file;
 * 2. every ordered pair's interpolation condition of the real class (conditions.ts, in its form
 *    with no division) must have a lower end >= 0: then a member of the class has exactly these
 *    data (Taylor, Hendrickx & Glineur 2017), and the run on it is the run of the data;
 * 3. the goal's value is enclosed, and its lower end is what the data prove.
 * The search solved a slightly smaller class (search.ts), so that rounding its float64 answer to
 * decimals leaves every pair of distinct points inside the real class with room; in one dimension
 * the points are exact (SAM's direction is ±1), so equal points (a 2-cycle) give margins of exactly 0.
 * For the nonconvex class the infimum is not part of the conditions: explicit.ts builds the
 * interpolant, and the goal is taken on it.
 */
import { Decimal } from 'decimal.js';
import { IndeterminateError, intervalBackend, type Interval } from '../arith/interval.js';
import { parseNumber, type NumberText } from '../arith/literal.js';
import type { Backend } from '../arith/backend.js';
import { InputError } from '../errors.js';
import { buildFunction } from '../functions/index.js';
import type { PiecewiseQuadraticSpec } from '../functions/types.js';
import { allPairMargins, curvatureOf, type DataPoint } from './conditions.js';
import { explicitInterpolant } from './explicit.js';
import { float64 } from '../arith/float64.js';
import { dataRunSpec, evaluateRun, parameters, shrunkCurvature, type Goal, type Setting, type Unknowns } from './problem.js';
import { DEFAULT_EPSILON } from './search.js';

/** Data as stored: every number an exact decimal text. */
export interface DataText {
  readonly x0: readonly NumberText[];
  readonly answers: readonly { readonly g: readonly NumberText[]; readonly f: NumberText }[];
}

export interface Certification {
  /** Whether every condition was proven. */
  readonly holds: boolean;
  /** The proven lower end of the goal's value (when holds). */
  readonly value?: string;
  /** The enclosure of the value, for the record. */
  readonly enclosure?: readonly [string, string];
  /** What could not be proven: the pair and its margin, or the computation that could not be decided. */
  readonly problem?: string;
  readonly precision: number;
  /** For the nonconvex class: the explicit function the value was taken on (explicit.ts). */
  readonly explicit?: PiecewiseQuadraticSpec;
}

/** Digits of the interval arithmetic: enough for the products of 17-digit data to stay exact. */
export const CERTIFY_PRECISION = 80;

export function certifyData(setting: Setting, goal: Goal, data: DataText, precision = CERTIFY_PRECISION): Certification {
  const I = intervalBackend(precision);
  const u: Unknowns<Interval> = {
    x0: data.x0.map((t, i) => parseNumber(I, `x0[${i + 1}]`, t)),
    answers: data.answers.map((a, k) => ({ g: a.g.map((t, i) => parseNumber(I, `answers[${k + 1}].g[${i + 1}]`, t)), f: parseNumber(I, `answers[${k + 1}].f`, a.f) })),
  };
  const { beta, mu } = parameters(I, setting);
  const curvature = curvatureOf(I, setting.cls, beta, mu);
  let run: ReturnType<typeof evaluateRun<Interval>>;
  try {
    run = evaluateRun(I, setting, goal, u, curvature);
  } catch (error) {
    if (error instanceof IndeterminateError) return { holds: false, problem: `the run on the data ${error.message}`, precision };
    throw error;
  }
  if (run.points.length !== data.answers.length + (setting.cls === 'smooth' ? 0 : 1)) {
    return { holds: false, problem: `the run asks about ${run.points.length} points, the data answer ${data.answers.length}`, precision };
  }
  const name = (i: number) => (setting.cls !== 'smooth' && i === run.points.length - 1 ? 'x*' : `point ${i + 1}`);
  for (const { i, j, margin } of allPairMargins(I, curvature, run.points)) {
    if (margin.lo.gte(0)) continue;
    return {
      holds: false,
      problem: `the interpolation inequality of ${name(i)} and ${name(j)} does not hold: its margin lies in [${short(margin.lo)}, ${short(margin.hi)}], not >= 0 (no ${setting.cls} function with β = ${setting.beta}${setting.mu ? `, μ = ${setting.mu}` : ''} has these data)`,
      precision,
    };
  }
  if (setting.cls === 'smooth') return onExplicitFunction(I, setting, goal, run.points, u.x0, precision);
  const value = run.measured.value;
  return { holds: true, value: value.lo.toString(), enclosure: [value.lo.toString(), value.hi.toString()], precision };
}

/**
 * The nonconvex class: the goal on the explicit interpolant of the one-dimensional points (its
 * infimum is the family's closed form, which the data alone do not fix), run by the ordinary path.
 */
function onExplicitFunction(I: Backend<Interval>, setting: Setting, goal: Goal, points: readonly DataPoint<Interval>[], x0: Interval[], precision: number): Certification {
  const exact = (v: Interval) => v.lo.plus(v.hi).div(2).toString();
  let spec: PiecewiseQuadraticSpec;
  try {
    spec = explicitInterpolant(setting.beta, points.map((p) => ({ x: exact(p.x[0]!), g: exact(p.g[0]!), f: exact(p.f) })));
  } catch (error) {
    if (error instanceof InputError) return { holds: false, problem: error.message, precision };
    throw error;
  }
  const { eta, rho } = parameters(I, setting);
  let value: Interval;
  try {
    value = goal.measure(I, { ...dataRunSpec(setting), function: spec }, { f: buildFunction(I, spec), x0, eta, rho }, setting.method).value;
  } catch (error) {
    if (error instanceof IndeterminateError) return { holds: false, problem: `the run on the explicit function ${error.message}`, precision };
    throw error;
  }
  return { holds: true, value: value.lo.toString(), enclosure: [value.lo.toString(), value.hi.toString()], precision, explicit: spec };
}

function short(d: Decimal): string {
  return d.toSignificantDigits(6).toString();
}

/** The significant digits the data are written with, tried in turn (see certifyFound). */
const ROUNDINGS = [17, 14, 12, 10, 8];

/**
 * A float64 solution of the search, written as decimals and certified: at 17 digits first, then
 * rounded to fewer. Rounding can make two visits of one point (data that agree to 12 digits, not
 * to 17) the same point exactly, whose margin of 0 no interval proves otherwise; the class the
 * search solved was smaller by a relative 1e-6, so that a rounding far below that moves no other
 * pair out of the class. The first rounding that certifies is kept (the problem of the first
 * attempt is reported when none does).
 */
export function certifyFound(setting: Setting, goal: Goal, u: Unknowns<number>, precision = CERTIFY_PRECISION): { data: DataText; certification: Certification } {
  let first: { data: DataText; certification: Certification } | undefined;
  for (const candidate of [u, nearOptimumRepaired(setting, goal, u)]) {
    if (candidate === undefined) continue;
    for (const digits of ROUNDINGS) {
      const text = (v: number) => roundedText(v, digits);
      const data: DataText = { x0: candidate.x0.map(text), answers: candidate.answers.map((a) => ({ g: a.g.map(text), f: text(a.f) })) };
      const certification = certifyData(setting, goal, data, precision);
      if (certification.holds) return { data, certification };
      first ??= { data, certification };
    }
  }
  return first!;
}

/** A point is near x* when its ‖g‖² + L²‖x‖² is below this share of the run's largest. */
const NEAR_OPTIMUM = 1e-6;

/**
 * The data with the gradient norm and value of every point of the run near x* (where the method
 * asks for ∇f at x_t: every other point of SAM's order x_0, y_0, x_1, ...) set from the point and
 * x* alone, for a convex class, the direction g/‖g‖ kept. Some claims are worst as x_t -> x* (L7,
 * D-SC, C6: SAM's direction is anything there), and the search's absolute tolerance leaves data of
 * size 10^-10 violating the pair (x_t, x*) by a comparable amount, beyond any rounding. With
 * c = ⟨u, x⟩ and X = ‖x‖², the pair's two conditions hold, with room, for the norm n = (L + m)c/2
 * and the value midway between the bounds they put on f, whenever (L + m)²c² > 4mL·X (u within
 * the angle the class allows around x); m and L are the class's, shrunk as the search's. SAM's run
 * takes the direction only, so the points do not move; the norms and values change by about the
 * violation, far below the room (10^-6) every other pair has. Undefined when nothing is near x*
 * or the run is not SAM's alternation of points.
 */
function nearOptimumRepaired(setting: Setting, goal: Goal, u: Unknowns<number>): Unknowns<number> | undefined {
  if (setting.cls === 'smooth' || !setting.method.usesRho || u.answers.length % 2 === 0) return undefined;
  const { upper: L, lower: m } = shrunkCurvature(float64, setting, DEFAULT_EPSILON);
  const { points } = evaluateRun(float64, setting, goal, u, { upper: L, lower: m });
  const scale = (k: number) => u.answers[k]!.g.reduce((s, v) => s + v * v, 0) + L * L * points[k]!.x.reduce((s, v) => s + v * v, 0);
  const largest = Math.max(...u.answers.map((_, k) => scale(k)));
  let repaired = false;
  const answers = u.answers.map((a, k) => {
    if (k % 2 !== 0 || !(scale(k) < NEAR_OPTIMUM * largest)) return a;
    const x = points[k]!.x;
    const norm = Math.hypot(...a.g);
    if (!(norm > 0)) return a;
    const direction = a.g.map((v) => v / norm);
    const c = direction.reduce((s, v, i) => s + v * x[i]!, 0);
    const X = x.reduce((s, v) => s + v * v, 0);
    if (!(c > 0 && (L + m) ** 2 * c * c > 4 * m * L * X)) return a;
    const n = ((L + m) * c) / 2;
    const low = (n * n + m * L * X - 2 * m * n * c) / (2 * (L - m));
    const high = n * c - low;
    if (!(high > low)) return a;
    repaired = true;
    return { g: direction.map((v) => n * v), f: (low + high) / 2 };
  });
  return repaired ? { x0: u.x0, answers } : undefined;
}

/** v to `digits` significant digits, as the shortest decimal text (17: every digit of the double). */
function roundedText(v: number, digits: number): string {
  if (v === 0 || !Number.isFinite(v)) return String(v === 0 ? 0 : v);
  return digits >= 17 ? String(v) : String(Number(v.toPrecision(digits)));
}
