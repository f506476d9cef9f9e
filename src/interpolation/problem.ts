/**
 * The class-wide worst case of a method as a finite problem (performance estimation): the unknowns
 * are the start x_0 and, for every point the method's run asks about, the gradient and the value
 * f − f* there; the method's own equations turn them into the run (data-function.ts); the goal
 * (a card's ratio, or a published quantity) is maximized subject to the interpolation conditions
 * of the class (conditions.ts) on every pair of points, the minimizer x* = 0 with f* = 0 included
 * for the convex classes. For the nonconvex class f* is the infimum: every point keeps
 * f − f* >= ‖g‖²/(2L), and certification takes the actual infimum of an explicit interpolant.
 *
 * Scale: a class of β-smooth μ-strongly convex functions is invariant under f(x) ↦ s²f(x/s), which
 * maps SAM with radius ρ to SAM with radius sρ; so a ratio of the cards (measure and bound both of
 * degree 2) depends on κ = β/μ and βη, not on βρ. The search fixes β = ρ = 1 unless told otherwise.
 */
import type { Backend } from '../arith/backend.js';
import { parseNumber, type NumberText } from '../arith/literal.js';
import type { Method } from '../algorithms/ascent.js';
import type { Instance, RunSpec } from '../algorithms/run-spec.js';
import type { FunctionClass } from '../functions/classes.js';
import type { ClassCertificate } from '../functions/types.js';
import { allPairMargins, infimumMargin, type Curvature, type DataPoint } from './conditions.js';
import { dataFunction, type Answer } from './data-function.js';

/** The numbers of a setting, exact texts (as files store them). */
export interface SettingNumbers {
  readonly beta: NumberText;
  /** μ > 0 for the strongly convex class. */
  readonly mu?: NumberText;
  readonly eta: NumberText;
  readonly rho: NumberText;
  /** The horizon T (1 for a step claim). */
  readonly steps: number;
  /** The dimension of the points (up to the number of points suffices). */
  readonly dim: number;
}

/** The class, the method's parameters and the size of the problem. */
export interface Setting extends SettingNumbers {
  readonly cls: FunctionClass;
  readonly method: Method;
}

/**
 * What is maximized on a run of the method over the data: a value, constraints of its own (each
 * >= 0), and for a ratio its two sides, so that the search can keep the denominator away from 0
 * (search.ts: a ratio of two vanishing quantities is unbounded on points a hair outside the class).
 */
export interface Goal {
  readonly id: string;
  measure<T>(B: Backend<T>, spec: RunSpec, instance: Instance<T>, method: Method): Measured<T>;
}

export interface Measured<T> {
  readonly value: T;
  readonly constraints?: readonly T[];
  readonly ratio?: { readonly observed: T; readonly bound: T };
}

/**
 * How many numbers each part of the unknowns takes. A gradient is searched as a norm and a
 * direction, g = n(s)·v/‖v‖ with n(s) = MIN_NORM + log(1 + e^s) > 0: SAM's ascent y = x + ρg/‖g‖
 * depends on the direction alone, and the worst cases of some claims (L7's) lie where ‖g‖ -> 0
 * along a fixed direction. In the plain coordinates of g the ascent's derivative blows up there
 * like ρ/‖g‖ (it reached 1e11), and a norm allowed to cross 0 flips the direction at once; n(s)
 * stays positive and smooth, and approaches the supremum to within about MIN_NORM (in units of
 * βρ = 1, which the search uses).
 */
const MIN_NORM = 1e-9;

/** n(s) and its inverse (s for a norm at or below MIN_NORM is −40: e^-40 is below every rounding). */
function normOf<T>(B: Backend<T>, s: T): T {
  const v = B.toNumber(s);
  // log(1 + e^s) = s + log(1 + e^-s) for large s, without overflow.
  const softplus = v > 30 ? B.add(s, B.log(B.add(B.one, B.exp(B.neg(s))))) : B.log(B.add(B.one, B.exp(s)));
  return B.add(B.fromNumber(MIN_NORM), softplus);
}

function normParameter(n: number): number {
  const m = n - MIN_NORM;
  if (!(m > 1e-17)) return -40;
  return m > 30 ? m + Math.log(-Math.expm1(-m)) : Math.log(Math.expm1(m));
}

export interface Layout {
  readonly dim: number;
  /** Points the run asks about (each with a gradient and a value). */
  readonly points: number;
  /** Gradients as norm and direction (methods with an ascent, which divides by ‖g‖), or plain coordinates (GD). */
  readonly polar: boolean;
  readonly size: number;
}

export function layoutOf(dim: number, points: number, polar: boolean): Layout {
  return { dim, points, polar, size: dim + points * (dim + (polar ? 2 : 1)) };
}

/** The values of a point of the unknowns in B: x_0 and the answers. */
export interface Unknowns<T> {
  readonly x0: T[];
  readonly answers: Answer<T>[];
}

/** The unknowns from the searched numbers: x_0, then per point v (d numbers), s and f, with g = n(s)·v/‖v‖. */
export function unknownsOf<T>(B: Backend<T>, layout: Layout, z: readonly T[]): Unknowns<T> {
  const d = layout.dim;
  const x0 = z.slice(0, d);
  const stride = d + (layout.polar ? 2 : 1);
  const answers = Array.from({ length: layout.points }, (_, k) => {
    const at = d + k * stride;
    const v = z.slice(at, at + d);
    if (!layout.polar) return { g: v, f: z[at + d]! };
    const n = normOf(B, z[at + d]!);
    const length = B.sqrt(v.reduce((sum, vi) => B.add(sum, B.mul(vi, vi)), B.zero));
    return { g: v.map((vi) => B.mul(n, B.div(vi, length))), f: z[at + d + 1]! };
  });
  return { x0, answers };
}

/** The searched numbers of plain data (polar: a zero gradient as direction e_1 and norm MIN_NORM). */
export function flatten(layout: Layout, u: Unknowns<number>): Float64Array {
  const parts = u.answers.flatMap((a) => {
    if (!layout.polar) return [...a.g, a.f];
    const n = Math.hypot(...a.g);
    const v = n > 0 ? a.g.map((gi) => gi / n) : a.g.map((_, i) => (i === 0 ? 1 : 0));
    return [...v, normParameter(n), a.f];
  });
  return Float64Array.from([...u.x0, ...parts]);
}

/** The class's parameters in B. */
export function parameters<T>(B: Backend<T>, s: Setting): { beta: T; mu: T | undefined; eta: T; rho: T } {
  const beta = parseNumber(B, 'beta', s.beta);
  const mu = s.cls === 'strongly-convex' ? parseNumber(B, 'mu', s.mu) : s.cls === 'convex' ? B.zero : undefined;
  return { beta, mu, eta: parseNumber(B, 'eta', s.eta), rho: parseNumber(B, 'rho', s.rho) };
}

/** What the data function says of itself: the class's constants, f* = 0, x* = 0 for the convex classes. */
export function certificateOf<T>(B: Backend<T>, s: Setting, curvature: Curvature<T>): ClassCertificate<T> {
  const { beta, mu } = parameters(B, s);
  const zeros = Array.from({ length: s.dim }, () => B.zero);
  return { beta, ...(mu === undefined ? {} : { mu }), fStar: B.zero, ...(s.cls === 'smooth' ? {} : { xStar: zeros }), curvature };
}

/** The run's spec as the card's observer reads it (the horizon; the function comes from the data). */
export function dataRunSpec(s: Setting): RunSpec {
  return { algorithm: s.method.name, function: { family: 'interpolation data' } as unknown as RunSpec['function'], x0: [], eta: s.eta, rho: s.rho, steps: s.steps };
}

/** The run on given unknowns: the goal's measure and the points the run asked about (x* last, for the convex classes). */
export function evaluateRun<T>(B: Backend<T>, s: Setting, goal: Goal, u: Unknowns<T>, curvature: Curvature<T>): { measured: Measured<T>; points: DataPoint<T>[] } {
  const { eta, rho } = parameters(B, s);
  const data = dataFunction(B, u.answers, certificateOf(B, s, curvature));
  const measured = goal.measure(B, dataRunSpec(s), { f: data.f, x0: u.x0, eta, rho }, s.method);
  const points = data.points();
  if (s.cls !== 'smooth') points.push({ x: u.x0.map(() => B.zero), g: u.x0.map(() => B.zero), f: B.zero });
  return { measured, points };
}

/**
 * The interpolation constraints of the points in class `curvature` (each pair's margin, divided by
 * 2(L − m) so that it reads in units of f), and for the nonconvex class the infimum's. Absolute:
 * a margin relative to its own pair's scale would hold points near x* (where every term vanishes)
 * to the accuracy certification needs, but the search then no longer converges (gradient descent's
 * published worst case was missed by 10^-2 where the absolute form reaches it to 10^-7); the cost is
 * that a worst case approached as x_0 -> x* may be certified only at a start farther from it.
 */
export function classConstraints<T>(B: Backend<T>, s: Setting, curvature: Curvature<T>, points: readonly DataPoint<T>[]): T[] {
  const units = B.mul(B.fromNumber(2), B.sub(curvature.upper, curvature.lower));
  const pairs = allPairMargins(B, curvature, points).map((p) => B.div(p.margin, units));
  if (s.cls !== 'smooth') return pairs;
  const twoL = B.mul(B.fromNumber(2), curvature.upper);
  return [...pairs, ...points.map((p) => B.div(infimumMargin(B, curvature.upper, p, B.zero), twoL))];
}

/**
 * The class shrunk by a relative ε: smoothness β(1 − ε), modulus μ + εβ (strongly convex), or εβ
 * (convex); a nonconvex class's lower curvature −β(1 − ε). Data interpolable in it satisfy the real
 * class's conditions with room to spare on every pair of distinct points, which is what lets a
 * float64 solution be certified in interval arithmetic after rounding.
 */
export function shrunkCurvature<T>(B: Backend<T>, s: Setting, epsilon: number): Curvature<T> {
  const { beta, mu } = parameters(B, s);
  const e = B.fromNumber(epsilon);
  const upper = B.mul(beta, B.sub(B.one, e));
  if (s.cls === 'smooth') return { lower: B.neg(upper), upper };
  return { lower: B.add(mu!, B.mul(e, beta)), upper };
}
