/**
 * Local optimization for the class-wide search: maximize a smooth objective over data subject to
 * smooth inequalities c_k >= 0 (the interpolation conditions), in float64.
 *
 * Method: the augmented Lagrangian of Powell, Hestenes and Rockafellar for inequalities (Nocedal &
 * Wright, Numerical Optimization, 2nd ed., §17.4), each subproblem minimized by L-BFGS (ibid.
 * §7.2) with a backtracking Armijo line search. Why this and not the PEP's SDP: SAM's ascent
 * x + ρ∇f/‖∇f‖ makes the points nonlinear in the gradients, so the problem is a nonconvex QCQP with
 * no convex reformulation; a first-order local method from many starts (search.ts) finds its local
 * maxima, and certification (certify.ts) turns the best into a proven lower bound. The budget is a
 * count of objective evaluations, never a time.
 */
import type { Backend } from '../arith/backend.js';
import { float64 } from '../arith/float64.js';
import { reverseBackend, Tape } from '../arith/reverse.js';

export interface Evaluation {
  readonly value: number;
  readonly gradient: Float64Array;
}

/**
 * The problem: maximize `objective` subject to every constraint >= 0, written over a backend so
 * that the optimizer evaluates it in float64 and differentiates it (reverse.ts) without a second
 * implementation.
 */
export interface ConstrainedProblem {
  readonly size: number;
  evaluate<T>(B: Backend<T>, z: readonly T[]): { readonly objective: T; readonly constraints: readonly T[] };
}

export interface OptimizeOptions {
  /** Objective-and-constraint evaluations this run may spend. */
  readonly evaluations: number;
  /** Largest violation accepted at the end (constraints are scaled, see below). */
  readonly feasibility?: number;
  /** L-BFGS iterations per subproblem. */
  readonly innerIterations?: number;
  readonly outerIterations?: number;
  /** Keep the best point whose violation is at most this (see OptimizeResult.bestFeasible). */
  readonly keepFeasible?: number;
}

export interface OptimizeResult {
  readonly z: Float64Array;
  readonly value: number;
  /** The largest violation max(0, −c_k) at z. */
  readonly violation: number;
  readonly evaluations: number;
  /** Where the method stands (multipliers and penalty), to continue it later from z. */
  readonly state: LagrangianState;
  /**
   * The best point of the run whose violation is within `options.keepFeasible` (checked at z0 and
   * after every subproblem), when that option is given: a run that ends outside the class, as a
   * long one cut off by its budget can, still yields the best point it passed inside it.
   */
  readonly bestFeasible?: { readonly z: Float64Array; readonly value: number; readonly violation: number };
}

export interface LagrangianState {
  readonly lambda: Float64Array;
  readonly r: number;
  /** The feasibility and optimality the next subproblem is held to. */
  readonly eta: number;
  readonly omega: number;
}

const MEMORY = 8;

/**
 * Minimizes `f` from z0 by L-BFGS until the gradient is below `tolerance` (relative), `iterations`
 * pass, or `budget()` says stop. A step whose value is not finite is shortened.
 */
export function lbfgs(f: (z: Float64Array) => Evaluation, z0: Float64Array, iterations: number, tolerance: number, budget: () => boolean): { z: Float64Array<ArrayBuffer>; value: number } {
  const n = z0.length;
  let z = Float64Array.from(z0);
  let current = f(z);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rhos: number[] = [];
  const direction = new Float64Array(n);
  for (let k = 0; k < iterations && !budget(); k++) {
    const g = current.gradient;
    const gNorm = Math.sqrt(dotOf(g, g));
    if (!(gNorm > tolerance * Math.max(1, Math.abs(current.value)))) break;
    // Two-loop recursion: direction = −H·g.
    direction.set(g);
    const alphas = new Array<number>(s.length);
    for (let i = s.length - 1; i >= 0; i--) {
      const a = rhos[i]! * dotOf(s[i]!, direction);
      alphas[i] = a;
      axpyInPlace(-a, y[i]!, direction);
    }
    const last = s.length - 1;
    const gamma = last >= 0 ? dotOf(s[last]!, y[last]!) / dotOf(y[last]!, y[last]!) : 1 / gNorm;
    for (let i = 0; i < n; i++) direction[i]! *= gamma;
    for (let i = 0; i < s.length; i++) {
      const b = rhos[i]! * dotOf(y[i]!, direction);
      axpyInPlace(alphas[i]! - b, s[i]!, direction);
    }
    for (let i = 0; i < n; i++) direction[i] = -direction[i]!;
    let slope = dotOf(g, direction);
    if (!(slope < 0)) {
      // Not a descent direction (the curvature pairs went stale): steepest descent, memory cleared.
      s.length = y.length = rhos.length = 0;
      for (let i = 0; i < n; i++) direction[i] = -g[i]! / gNorm;
      slope = -gNorm;
    }
    let step = 1;
    let next: Evaluation | undefined;
    let trial = z;
    for (let tries = 0; tries < 40 && !budget(); tries++) {
      trial = Float64Array.from(z, (zi, i) => zi + step * direction[i]!);
      const candidate = f(trial);
      if (Number.isFinite(candidate.value) && candidate.value <= current.value + 1e-4 * step * slope) {
        next = candidate;
        break;
      }
      step /= 2;
    }
    if (next === undefined) break;
    const sk = Float64Array.from(trial, (t, i) => t - z[i]!);
    const yk = Float64Array.from(next.gradient, (t, i) => t - g[i]!);
    const sy = dotOf(sk, yk);
    if (sy > 1e-12 * Math.sqrt(dotOf(sk, sk) * dotOf(yk, yk))) {
      s.push(sk);
      y.push(yk);
      rhos.push(1 / sy);
      if (s.length > MEMORY) {
        s.shift();
        y.shift();
        rhos.shift();
      }
    }
    const decrease = current.value - next.value;
    z = trial;
    current = next;
    if (decrease <= 1e-15 * Math.max(1, Math.abs(current.value))) break;
  }
  return { z, value: current.value };
}

/**
 * Maximizes the objective subject to the constraints from z0 (PHR augmented Lagrangian): each
 * outer iteration minimizes −objective + Σ_k (max(0, λ_k − r·c_k)² − λ_k²)/(2r) by L-BFGS, then
 * either updates λ_k ← max(0, λ_k − r·c_k) (when feasible enough) or multiplies r by 10. `from`
 * continues an earlier run where it stopped.
 */
export function maximizeSubjectTo(problem: ConstrainedProblem, z0: Float64Array, options: OptimizeOptions, from?: LagrangianState): OptimizeResult {
  let evaluations = 0;
  const spent = () => evaluations >= options.evaluations;
  const feasibility = options.feasibility ?? 1e-11;
  const plain = (x: Float64Array) => {
    evaluations++;
    const e = problem.evaluate(float64, [...x]);
    return { objective: e.objective, constraints: Float64Array.from(e.constraints) };
  };
  let bestFeasible: OptimizeResult['bestFeasible'];
  const keep = (x: Float64Array, e: { objective: number; constraints: Float64Array }) => {
    const violation = maxViolation(e.constraints);
    if (options.keepFeasible !== undefined && violation <= options.keepFeasible && Number.isFinite(e.objective) && !(bestFeasible !== undefined && bestFeasible.value >= e.objective)) {
      bestFeasible = { z: Float64Array.from(x), value: e.objective, violation };
    }
    return violation;
  };
  const initial = plain(z0);
  keep(z0, initial);
  const m = initial.constraints.length;
  let lambda = from?.lambda ?? new Float64Array(m);
  let r = from?.r ?? 10;
  let z = Float64Array.from(z0);
  const tape = new Tape();
  const B = reverseBackend(tape);
  // The augmented Lagrangian is one scalar on the tape: its gradient is one sweep back.
  const augmented = (x: Float64Array): Evaluation => {
    evaluations++;
    tape.reset();
    const inputs = Array.from(x, (v) => tape.input(v));
    const e = problem.evaluate(B, inputs);
    let total = B.neg(capped(B, e.objective));
    let constant = 0;
    e.constraints.forEach((c, k) => {
      const l = lambda[k]!;
      constant -= (l * l) / (2 * r);
      const shifted = B.sub(B.fromNumber(l), B.mul(B.fromNumber(r), c));
      if (shifted.value > 0) total = B.add(total, B.div(B.mul(shifted, shifted), B.fromNumber(2 * r)));
    });
    return { value: total.value + constant, gradient: tape.gradient(total, x.length) };
  };
  // Tolerances of the subproblems (Nocedal & Wright, Algorithm 17.4): a subproblem is solved to
  // gradient ω and judged against feasibility η; when it meets η the multipliers are updated and
  // both tightened, otherwise the penalty grows and both are reset from it.
  let eta = from?.eta ?? 1 / r ** 0.1;
  let omega = from?.omega ?? 1 / r;
  const optimality = 1e-10;
  for (let outer = 0; outer < (options.outerIterations ?? 60) && !spent(); outer++) {
    z = lbfgs(augmented, z, options.innerIterations ?? 400, Math.max(omega, optimality), spent).z;
    const after = plain(z);
    const constraints = after.constraints;
    const violation = keep(z, after);
    if (violation <= Math.max(eta, feasibility)) {
      if (violation <= feasibility && omega <= optimality) break;
      lambda = Float64Array.from(constraints, (ck, k) => Math.max(0, lambda[k]! - r * ck));
      eta = Math.max(eta / r ** 0.9, feasibility);
      omega = Math.max(omega / r, optimality);
    } else {
      r = Math.min(r * 10, 1e12);
      eta = 1 / r ** 0.1;
      omega = 1 / r;
    }
  }
  const end = plain(z);
  const violation = keep(z, end);
  return { z, value: end.objective, violation, evaluations, state: { lambda, r, eta, omega }, ...(bestFeasible === undefined ? {} : { bestFeasible }) };
}

/**
 * The objective as the subproblems see it: CAP·tanh(value/CAP), increasing, so it has the same
 * maximizers, and bounded. A ratio observed/bound has a pole where the bound crosses 0, which on
 * the class lies outside it (L4's a >= μρ) or at 0/0 (L3's a = 0 with δ = 0), but which a slightly
 * infeasible step can reach: unbounded, it would swallow any penalty (the ratio ran to 1e12 there).
 */
const CAP = 2;

function capped<T>(B: Backend<T>, value: T): T {
  const x = B.div(value, B.fromNumber(CAP));
  const v = B.toNumber(x);
  if (!Number.isFinite(v) || Math.abs(v) > 20) return B.fromNumber(Math.sign(v) * CAP);
  // tanh x = 1 − 2/(e^{2x} + 1), written over the backend so that it carries its derivative.
  const e2x = B.exp(B.mul(B.fromNumber(2), x));
  return B.mul(B.fromNumber(CAP), B.sub(B.one, B.div(B.fromNumber(2), B.add(e2x, B.one))));
}

function maxViolation(c: Float64Array): number {
  let worst = 0;
  for (const ck of c) worst = Math.max(worst, -ck);
  return worst;
}

function dotOf(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function axpyInPlace(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i]! += a * x[i]!;
}
