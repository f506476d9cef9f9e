/**
 * S-NC-n: n-SAM on smooth functions of any convexity: an unavoidable β²ρ² floor.
 *
 * Setting: f β-smooth, f* > −∞, variance <= σ²; n-SAM with constant ρ > 0 and 0 < η <= 1/β.
 * Claim: (1/T) Σ_{t<T} E‖∇f(x_t)‖² <= 2Δ0/(ηT) + c·β²ρ² + βησ², c = 1, at every horizon T.
 * Source: Si & Yun (2023) §4 (claim P3); suite ID S-NC-n (THEOREMS.md §3).
 * Tightness: LB-S reaches the floor β²ρ² as K -> ∞ (c = 1 exact); it covers convex and strongly
 *   convex f too. With η = min{1/β, (2Δ0/(βσ²T))^{1/2}} it is O(T^{-1/2}) + β²ρ².
 */
import type { StochasticCard } from './card.js';

export const S_NC_N: StochasticCard = {
  id: 'S-NC-n',
  title: 'n-SAM, smooth: E average squared gradient <= 2Δ0/(ηT) + β²ρ² + βησ²',
  kind: 'upper',
  source: 'Si & Yun (2023) §4, P3; THEOREMS.md §3 S-NC-n',
  requires: 'smooth',
  algorithm: 'n-sam',
  claim: '(1/T) Σ_{t<T} E‖∇f(x_t)‖² <= 2Δ0/(ηT) + c·β²ρ² + βησ²,  c = 1,  0 < η <= 1/β',
  eta: { max: '1', includeMax: true },
  constants: { c: '1' },
  tightness: 'LB-S reaches c = 1 as K -> ∞ (exact).',
  proof: 'as S-SC-n, without the strong convexity step: sum the one-step bound over t.',
  scope: 'stochastic',
  measure: 'avgGradNormSq',
  requiresSmoothComponents: false,
  bound(B, q, t, { c }) {
    const start = B.div(B.mul(B.fromNumber(2), q.delta0), B.mul(q.eta, B.fromNumber(t)));
    const floor = B.mul(c!, B.mul(B.mul(q.beta, q.beta), B.mul(q.rho, q.rho)));
    return B.add(B.add(start, floor), B.mul(B.mul(q.beta, q.eta), q.sigmaSq));
  },
};
