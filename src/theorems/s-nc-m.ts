/**
 * S-NC-m: m-SAM on smooth functions of any convexity.
 *
 * Setting: every component g(·; ξ) β-smooth, f* > −∞, variance <= σ²; m-SAM with constant ρ > 0
 *   and 0 < η <= 1/(2β).
 * Claim: (1/T) Σ_{t<T} E‖∇f(x_t)‖² <= 4Δ0/(ηT) + c·β²ρ² + 4βησ², c = 6, at every horizon T.
 * Source: Si & Yun (2023) §4; suite ID S-NC-m (THEOREMS.md §3).
 * Tightness: LB-S reaches c = 1; the gap to 6 is an audit target.
 */
import type { StochasticCard } from './card.js';

export const S_NC_M: StochasticCard = {
  id: 'S-NC-m',
  title: 'm-SAM, smooth: E average squared gradient <= 4Δ0/(ηT) + 6β²ρ² + 4βησ²',
  kind: 'upper',
  source: 'Si & Yun (2023) §4; THEOREMS.md §3 S-NC-m',
  requires: 'smooth',
  algorithm: 'm-sam',
  claim: '(1/T) Σ_{t<T} E‖∇f(x_t)‖² <= 4Δ0/(ηT) + c·β²ρ² + 4βησ²,  c = 6,  0 < η <= 1/(2β)',
  eta: { max: '1/2', includeMax: true },
  constants: { c: '6' },
  tightness: 'LB-S reaches c = 1; the gap to 6 is an audit target.',
  proof: 'the one-step bound of S-SC-m without strong convexity, summed over t.',
  scope: 'stochastic',
  measure: 'avgGradNormSq',
  requiresSmoothComponents: true,
  bound(B, q, t, { c }) {
    const four = B.fromNumber(4);
    const start = B.div(B.mul(four, q.delta0), B.mul(q.eta, B.fromNumber(t)));
    const floor = B.mul(c!, B.mul(B.mul(q.beta, q.beta), B.mul(q.rho, q.rho)));
    return B.add(B.add(start, floor), B.mul(B.mul(four, B.mul(q.beta, q.eta)), q.sigmaSq));
  },
};
