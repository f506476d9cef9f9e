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
import { defineCard } from '../conjectures/define.js';
import type { RunCard } from './card.js';

export const D_NC = defineCard({
  id: 'D-NC',
  kind: 'upper',
  title: 'Nonconvex: average squared gradient <= 2Δ0/(ηT) + β²ρ²',
  source: 'Si & Yun (2023) §3, P4; THEOREMS.md §3 D-NC',
  class: 'smooth',
  algorithm: 'sam',
  eta: { max: '1' },
  measure: 'avgGradNormSq',
  // The bound as computed (its operations in the order the floating-point verdicts were fixed in); the paper's notation below.
  claim: { bound: '2*delta0/eta/T + c*(beta^2*rho^2)' },
  notation: '(1/T) Σ_{t<T} ‖∇f(x_t)‖² <= 2Δ0/(ηT) + c·β²ρ²,  0 < η <= 1/β',
  constants: { c: '1' },
  tightness: 'c = 1 is attained by (β/2)x² with η = 1/β from every start, and approached by LB-D-NC-a and LB-D-NC-c; LB-D-NC-b keeps 0.0472.',
  proof: 'L5 with ‖δ‖ <= βρ (L1), summed over t.',
}) as RunCard;

