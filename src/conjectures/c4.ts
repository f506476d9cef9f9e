/**
 * C4 (THEOREMS.md §5; expected false): "stochastic SAM with constant ρ converges to the optimum of
 * a smooth strongly convex function", E f(x_T) − f* -> 0.
 *
 * With a constant step size even SGD keeps a floor proportional to ησ², so the claim is tested
 * with S-SC-n's step size η_T = min{1/β, ln(max{e, μ²Δ0T/(βσ²)})/(μT)}, which removes that floor:
 * what remains is SAM's own. Operationally (src/check/limit.ts) a case falsifies the claim when,
 * at 99% confidence, E f(x_t) − f* fails to lose a quarter over two successive quadruplings of the
 * horizon (T -> 4T -> 16T, each with its own η). That test means something
 * only once the deterministic transient is over (an ill-conditioned quadratic barely moves in a
 * few hundred steps, stochastic or not), so the search keeps β/μ <= 4: one counterexample suffices
 * to falsify a universal claim. The search draws the noise too: every falsification we have seen
 * had asymmetric noise (two-point, discrete, finite sums), as in LB-S where
 * E x_t -> ρ(K − 1)/(K + 1); under symmetric noise the cases converged (a conjecture of its own,
 * not a theorem of the paper).
 */
import type { LimitCard } from '../theorems/card.js';
import type { Expectation } from './define.js';

export const C4: LimitCard & { readonly expected: Expectation } = {
  id: 'C4',
  title: 'Conjecture: stochastic SAM with constant ρ converges to the optimum (expected false)',
  kind: 'conjecture',
  source: 'THEOREMS.md §5 C4; falsified by LB-S',
  requires: 'strongly-convex',
  algorithm: 'n-sam',
  claim: 'E f(x_T) − f* -> 0 as T -> ∞, with the step size η_T of S-SC-n',
  eta: { rule: 'S-SC-n' },
  constants: {},
  tightness: 'False: LB-S keeps E f(x_T) − f* >= βρ²m²/2 > 0.',
  expected: 'false',
  scope: 'limit',
  measure: 'gap',
  maxCondition: 4,
  // A counterexample in one or two dimensions, with ρ between 0.01 and 10, falsifies the claim as
  // well as any (SAM's floor shows once ρ is comparable to the noise); cases start with 32 paths
  // (512 at most, see src/check/limit.ts), most cost little, so the default budget is 300; a
  // confirmed case needs little shrinking.
  search: { runs: 300, maxDim: 2, paths: 32, rhoExponents: [-2, 1], shrinkEvaluations: 10 },
};
