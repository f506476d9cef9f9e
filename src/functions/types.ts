/**
 * A function family member is described twice: once as a `FamilySpec`, plain JSON whose numbers
 * are exact number texts (what generators produce and counterexample files store), and once as a
 * `SmoothFunction` built from that spec in one backend. Building the same spec in two backends
 * gives the same mathematical function at two precisions.
 */
import type { Backend } from '../arith/backend.js';
import type { NumberText } from '../arith/literal.js';
import type { Vec } from '../arith/vector.js';

/** f(x) = ½ (x − c)ᵀ A (x − c) + f*, with A = Q diag(eigenvalues) Qᵀ or an explicit matrix. */
export interface QuadraticSpec {
  readonly family: 'quadratic';
  /** The spectrum of A; with no rotation seed A is diagonal. Exclusive with `matrix`. */
  readonly eigenvalues?: readonly NumberText[];
  /** Seed of the orthogonal Q (a product of Householder reflections, see orthogonal.ts). */
  readonly rotationSeed?: number;
  /** An explicit symmetric positive semidefinite A. Exclusive with `eigenvalues`. */
  readonly matrix?: readonly (readonly NumberText[])[];
  /** c, a minimizer; 0 when absent. */
  readonly center?: readonly NumberText[];
  /** The minimum value; 0 when absent. */
  readonly fStar?: NumberText;
}

/** One term (β/k²) cos(k x_i + φ) of the cosine family. */
export interface CosineTerm {
  readonly beta: NumberText;
  readonly k: NumberText;
  readonly phase?: NumberText;
}

/**
 * f(x) = Σ_{i<m} (β_i/k_i²) cos(k_i x_i + φ_i) + (β_q/2) Σ_{i≥m} x_i², with term i acting on
 * coordinate i and m = terms.length <= dim. Contains the traps LB-D-NC-a and LB-D-NC-b.
 */
export interface CosineSpec {
  readonly family: 'cosine';
  readonly dim: number;
  readonly terms: readonly CosineTerm[];
  /** β_q, the curvature of the quadratic part on the coordinates after the terms. */
  readonly quadBeta: NumberText;
}

/**
 * L2-regularized logistic regression on data generated from `dataSeed` (see logistic.ts):
 * f(w) = (1/N) Σ log(1 + exp(−y_i x_iᵀ w)) + (l2/2)‖w‖².
 */
export interface LogisticSpec {
  readonly family: 'logistic';
  readonly dim: number;
  /** Random samples; 2·dim anchor samples are added to make the loss coercive. */
  readonly samples: number;
  readonly dataSeed: number;
  readonly l2: NumberText;
}

/**
 * Σ_i f_i(x_i) with f_i'' = +β, −β, ..., +β between the breakpoints of coordinate i (an even
 * number of them) and f_i'(b_1) = slope (see piecewise-quadratic.ts). Contains LB-D-NC-c.
 */
export interface PiecewiseQuadraticSpec {
  readonly family: 'piecewise-quadratic';
  readonly beta: NumberText;
  readonly coordinates: readonly { readonly breakpoints: readonly NumberText[]; readonly slope: NumberText }[];
}

export type FamilySpec = QuadraticSpec | CosineSpec | LogisticSpec | PiecewiseQuadraticSpec;
export type FamilyName = FamilySpec['family'];

/**
 * What is known of a function by construction, in the backend it was built in. Every field is a
 * consequence of the construction (closed forms, or quantities computed to the working precision
 * such as the eigenvalues of an explicit matrix), never an estimate from sampling.
 */
export interface ClassCertificate<T> {
  /** Smoothness: ‖∇f(x) − ∇f(z)‖ <= β‖x − z‖ for all x, z. */
  readonly beta: T;
  /** Strong convexity modulus; 0 for convex but not strongly; absent when f is not convex. */
  readonly mu?: T;
  /** An upper bound on ‖∇f(x)‖ over all x, when one exists. */
  readonly lipschitz?: T;
  /** inf f. */
  readonly fStar: T;
  /** A minimizer, when the infimum is attained. */
  readonly xStar?: readonly T[];
  /** Every eigenvalue of ∇²f(x), at every x, lies in [lower, upper]; β = max(|lower|, |upper|). */
  readonly curvature: { readonly lower: T; readonly upper: T };
}

export interface SmoothFunction<T> {
  readonly spec: FamilySpec;
  readonly backend: Backend<T>;
  readonly dim: number;
  readonly certificate: ClassCertificate<T>;
  value(x: Vec<T>): T;
  gradient(x: Vec<T>): T[];
  /** f(x) − f*, computed without subtracting f* wherever the family's form allows. */
  gap(x: Vec<T>): T;
  /** gap(x) and gradient(x) together, sharing the work they have in common (what a step records). */
  evaluate(x: Vec<T>): { gap: T; gradient: T[] };
}

export const MAX_DIMENSION = 100;
