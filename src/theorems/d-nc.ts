/**
 * D-NC: deterministic SAM on smooth, possibly nonconvex functions: a β²ρ² floor on the gradient.
 *
 * Setting: f β-smooth, f* > −∞; SAM with constant ρ > 0 and 0 < η <= 1/β.
 * Claim: (1/T) Σ_{t<T} ‖∇f(x_t)‖² <= 2Δ0/(ηT) + c·β²ρ², c = 1, at every horizon T.
 * Source: Si & Yun (2023) §3 (claim P4); suite ID D-NC (THEOREMS.md §3).
 * Tightness: c = 1 is approached by LB-D-NC-a (exact start, (β/k)sin(kρ) -> βρ as k -> 0) and,
 *   from a whole interval of starts, by LB-D-NC-c ((2s/ρ − 1)² -> 1); the smooth trap LB-D-NC-b
 *   keeps 0.0472·β²ρ². Found by this suite: even a convex quadratic attains c = 1 from every
 *   start: on (β/2)x² with η = 1/β, SAM jumps to ±ρ and alternates, so ‖∇f(x_t)‖ = βρ for t >= 1.
 */
import { averageGradientBound, type RunCard } from './card.js';

export const D_NC: RunCard = {
  id: 'D-NC',
  title: 'Nonconvex: average squared gradient <= 2Δ0/(ηT) + β²ρ²',
  kind: 'upper',
  source: 'Si & Yun (2023) §3, P4; THEOREMS.md §3 D-NC',
  requires: 'smooth',
  algorithm: 'sam',
  claim: '(1/T) Σ_{t<T} ‖∇f(x_t)‖² <= 2Δ0/(ηT) + c·β²ρ²,  0 < η <= 1/β',
  eta: { max: '1', includeMax: true },
  constants: { c: '1' },
  tightness: 'c = 1 is attained by (β/2)x² with η = 1/β from every start, and approached by LB-D-NC-a and LB-D-NC-c; LB-D-NC-b keeps 0.0472.',
  proof: 'L5 with ‖δ‖ <= βρ (L1), summed over t.',
  scope: 'run',
  observe: (B, r, { c }) => averageGradientBound(B, r, B.mul(c!, B.mul(B.mul(r.beta, r.beta), B.mul(r.rho, r.rho)))),
};
