/**
 * Interpolation conditions: when a finite set of triples (x_i, g_i, f_i) is the set of points,
 * gradients and values of some function of a class. They turn "the worst case over every function
 * of the class" into a finite problem (performance estimation, Drori & Teboulle 2014; Taylor,
 * Hendrickx & Glineur 2017), written here once over a backend: the search evaluates them in float64
 * and differentiates them (reverse.ts), certification evaluates them in interval arithmetic.
 *
 * Curvature between m and L (m <= L, L > 0): ∇²f ⪰ m·I and ∇f L-Lipschitz.
 * - 0 <= m < L, the class F_{m,L} of L-smooth m-strongly convex functions (m = 0: convex): the set
 *   is interpolable iff for every ordered pair i ≠ j (Taylor, Hendrickx & Glineur, "Smooth strongly
 *   convex interpolation and exact worst-case performance of first-order methods", Math. Program.
 *   161 (2017), Theorem 4)
 *     f_i >= f_j + ⟨g_j, x_i − x_j⟩ + (‖g_i − g_j‖²/L + m‖x_i − x_j‖² − 2(m/L)⟨g_j − g_i, x_j − x_i⟩) / (2(1 − m/L)).
 * - m = −L, the L-smooth functions (no convexity): the same inequality with m = −L, i.e.
 *     f_i − f_j >= −(L/4)‖x_i − x_j‖² + ½⟨g_i + g_j, x_i − x_j⟩ + ‖g_i − g_j‖²/(4L)
 *   (Taylor, Hendrickx & Glineur, "Exact worst-case performance of first-order methods for
 *   composite convex optimization", SIAM J. Optim. 27 (2017), Theorem 3.10; the form PEPit's
 *   SmoothFunction states).
 *
 * Both are used multiplied by 2(L − m) > 0, a margin with no division:
 *     2(L − m)(f_i − f_j − ⟨g_j, x_i − x_j⟩) − ‖g_i − g_j‖² − mL‖x_i − x_j‖² + 2m⟨g_j − g_i, x_j − x_i⟩ >= 0,
 * so that decimal data give exact margins in decimal arithmetic (a 2-cycle's two equal points give
 * exactly 0 there, where a division would leave an interval straddling it).
 *
 * The infimum of a nonconvex interpolant is not fixed by these conditions; src/interpolation/
 * explicit.ts builds the interpolant of one-dimensional data and takes its infimum in closed form.
 */
import type { Backend } from '../arith/backend.js';
import { dot, normSq, sub, type Vec } from '../arith/vector.js';
import type { FunctionClass } from '../functions/classes.js';

/** A class by its curvature bounds: ∇²f between m·I and L·I (m = −L: smooth, no convexity). */
export interface Curvature<T> {
  readonly lower: T;
  readonly upper: T;
}

/** One data point of a function: where, its gradient there, its value there. */
export interface DataPoint<T> {
  readonly x: Vec<T>;
  readonly g: Vec<T>;
  readonly f: T;
}

/** The curvature bounds of a card's class with smoothness β and (strongly convex) modulus μ. */
export function curvatureOf<T>(B: Backend<T>, cls: FunctionClass, beta: T, mu: T | undefined): Curvature<T> {
  if (cls === 'smooth') return { lower: B.neg(beta), upper: beta };
  if (cls === 'convex') return { lower: B.zero, upper: beta };
  return { lower: mu!, upper: beta };
}

/**
 * The margin of the condition for the ordered pair (i, j), multiplied by 2(L − m): >= 0 when the
 * pair can belong to one function of the class (for every pair: the whole set can).
 */
export function pairMargin<T>(B: Backend<T>, c: Curvature<T>, i: DataPoint<T>, j: DataPoint<T>): T {
  const dx = sub(B, i.x, j.x);
  const dg = sub(B, i.g, j.g);
  const m = c.lower;
  const L = c.upper;
  const gap = B.sub(B.sub(i.f, j.f), dot(B, j.g, dx));
  // ⟨g_j − g_i, x_j − x_i⟩ = ⟨dg, dx⟩.
  const quadratic = B.sub(B.add(normSq(B, dg), B.mul(B.mul(m, L), normSq(B, dx))), B.mul(B.mul(B.fromNumber(2), m), dot(B, dg, dx)));
  return B.sub(B.mul(B.mul(B.fromNumber(2), B.sub(L, m)), gap), quadratic);
}

/** Every ordered pair's margin, with the pair's indices. */
export function allPairMargins<T>(B: Backend<T>, c: Curvature<T>, points: readonly DataPoint<T>[]): { i: number; j: number; margin: T }[] {
  const out: { i: number; j: number; margin: T }[] = [];
  for (let i = 0; i < points.length; i++) {
    for (let j = 0; j < points.length; j++) if (i !== j) out.push({ i, j, margin: pairMargin(B, c, points[i]!, points[j]!) });
  }
  return out;
}

/**
 * For an L-smooth function with infimum f_low: f(x) − f_low >= ‖∇f(x)‖²/(2L) (a gradient step of
 * length 1/L from x descends by that much), multiplied by 2L: 2L(f − f_low) − ‖g‖² >= 0. A
 * necessary condition the search keeps for the nonconvex class; the interpolant's actual infimum
 * is what certification uses (explicit.ts).
 */
export function infimumMargin<T>(B: Backend<T>, L: T, p: DataPoint<T>, fLow: T): T {
  return B.sub(B.mul(B.mul(B.fromNumber(2), L), B.sub(p.f, fLow)), normSq(B, p.g));
}
