/**
 * Stochastic gradient oracles (THEOREMS.md §0): g(x; ξ) with E g(x; ξ) = ∇f(x) and
 * E‖g(x; ξ) − ∇f(x)‖² <= σ².
 *
 * Every oracle here is additive, g(x; ξ) = ∇f(x) + ξ with a noise vector ξ independent of x and of
 * mean exactly 0, so a draw is the noise vector itself, the variance σ² = E‖ξ‖² is exact, and every
 * component g(·; ξ) is β-smooth with the β of f (what m-SAM's analysis needs).
 *
 *   gaussian     ξ ~ N(0, (σ²/d) I), or N(0, diag(scales²)) with σ² = Σ scales²
 *   rademacher   ξ_i = ±σ/√d independently
 *   student-t    ξ_i = (σ/√d)·√((ν − 2)/ν)·t_ν: heavy tails, finite variance (and a finite
 *                fourth moment for ν > 4, so that the measures' means obey the CLT)
 *   discrete     ξ = v_j with probability p_j, Σ p_j v_j = 0, σ² = Σ p_j ‖v_j‖²
 *   two-point    ξ = s·(K with probability 1/(K+1), −1 with probability K/(K+1))·e₁, σ² = Ks²
 *                (the asymmetric noise of LB-S)
 *   finite-sum   f = (1/n) Σ f_i with f_i the quadratic f recentred at c + d_i (Σ d_i = 0), sampled
 *                uniformly: ξ = −A d_i, σ² = (1/n) Σ ‖A d_i‖² (exact because the f_i share A)
 */
import type { NumberText } from '../arith/literal.js';
import type { Vec } from '../arith/vector.js';
import type { SmoothFunction } from '../functions/types.js';
import type { RandomStream } from '../random/seeded.js';

export type OracleSpec =
  | { readonly kind: 'gaussian'; readonly sigma: NumberText }
  | { readonly kind: 'gaussian'; readonly scales: readonly NumberText[] }
  | { readonly kind: 'rademacher'; readonly sigma: NumberText }
  | { readonly kind: 'student-t'; readonly sigma: NumberText; readonly dof: number }
  | { readonly kind: 'discrete'; readonly values: readonly (readonly NumberText[])[]; readonly probabilities: readonly NumberText[] }
  | { readonly kind: 'two-point'; readonly K: NumberText; readonly s: NumberText }
  | { readonly kind: 'finite-sum'; readonly offsets: readonly (readonly NumberText[])[] };

export type OracleKind = OracleSpec['kind'];

export interface OracleCertificate<T> {
  /** E‖g(x; ξ) − ∇f(x)‖², the same at every x. */
  readonly sigmaSq: T;
  /** Whether every g(·; ξ) is β-Lipschitz with f's β (m-SAM's requirement). */
  readonly componentsSmooth: boolean;
}

export interface Oracle<T> {
  readonly spec: OracleSpec;
  readonly f: SmoothFunction<T>;
  readonly certificate: OracleCertificate<T>;
  /** One draw of the noise vector ξ. */
  draw(stream: RandomStream): T[];
  /** g(x; ξ) = ∇f(x) + ξ, given ∇f(x). */
  sample(gradient: Vec<T>, noise: Vec<T>): T[];
}


/**
 * The smallest probability of an atom of the noise (discrete, two-point and finite-sum oracles),
 * or undefined for continuous noise (Gaussian, Student-t) and Rademacher (atoms of 1/2^d are
 * symmetric, and each coordinate is ±σ/√d with probability 1/2).
 */
export function smallestAtom(spec: OracleSpec): number | undefined {
  const fraction = (text: NumberText) => {
    const [p, q] = text.split('/');
    return Number(p) / (q === undefined ? 1 : Number(q));
  };
  switch (spec.kind) {
    case 'discrete':
      return Math.min(...spec.probabilities.map(fraction));
    case 'two-point':
      return 1 / (fraction(spec.K) + 1);
    case 'finite-sum':
      return 1 / spec.offsets.length;
    default:
      return undefined;
  }
}
