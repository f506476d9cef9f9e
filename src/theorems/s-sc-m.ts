/**
 * S-SC-m: m-SAM (one sample for the ascent and the descent) on smooth strongly convex functions.
 *
 * Setting: every component g(·; ξ) β-smooth, f μ-strongly convex, variance <= σ²; m-SAM with
 *   constant ρ > 0 and 0 < η <= 1/(2β).
 * Claim: E f(x_T) − f* <= (1 − ημ/2)^T Δ0 + 2βησ²/μ + c·β²ρ²/μ, c = 3, at every horizon T.
 * Source: Si & Yun (2023) §4; suite ID S-SC-m (THEOREMS.md §3).
 * Tightness: LB-S gives β²ρ²/(2μ) (μ = β), i.e. c = 1/2 of the stated 3: an audit target.
 */
import { powInt } from '../arith/scalar.js';
import type { StochasticCard } from './card.js';

export const S_SC_M: StochasticCard = {
  id: 'S-SC-m',
  title: 'm-SAM, strongly convex: E f(x_T) − f* <= linear + 2βησ²/μ + 3β²ρ²/μ',
  kind: 'upper',
  source: 'Si & Yun (2023) §4; THEOREMS.md §3 S-SC-m',
  requires: 'strongly-convex',
  algorithm: 'm-sam',
  claim: 'E f(x_T) − f* <= (1 − ημ/2)^T Δ0 + 2βησ²/μ + c·β²ρ²/μ,  c = 3,  0 < η <= 1/(2β)',
  eta: { max: '1/2', includeMax: true },
  constants: { c: '3' },
  tightness: 'LB-S reaches c = 1/2; the gap to 3 is an audit target.',
  proof: 'with G = g(x; ξ), Ĝ = g(y; ξ) = G + D, ‖D‖ <= βρ: E⟨g, Ĝ⟩ >= ‖g‖² − βρ‖g‖ and E‖Ĝ‖² <= 2(‖g‖² + σ²) + 2β²ρ²; with βη <= 1/2 and βρ‖g‖ <= ‖g‖²/4 + β²ρ² one step gives E Δ⁺ <= (1 − ημ/2)Δ + (3/2)ηβ²ρ² + βη²σ²; unroll.',
  scope: 'stochastic',
  measure: 'gap',
  requiresSmoothComponents: true,
  bound(B, q, t, { c }) {
    const mu = q.mu!;
    const linear = B.mul(q.delta0, powInt(B, B.sub(B.one, B.div(B.mul(q.eta, mu), B.fromNumber(2))), t));
    const noise = B.div(B.mul(B.mul(B.fromNumber(2), B.mul(q.beta, q.eta)), q.sigmaSq), mu);
    const floor = B.div(B.mul(c!, B.mul(B.mul(q.beta, q.beta), B.mul(q.rho, q.rho))), mu);
    return B.add(B.add(linear, noise), floor);
  },
};
