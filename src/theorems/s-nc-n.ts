/**
 * S-NC-n: n-SAM on smooth functions of any convexity: an unavoidable β²ρ² floor.
 *
 * Setting: f β-smooth, f* > −∞, variance <= σ²; n-SAM with constant ρ > 0 and 0 < η <= 1/β.
 * Claim: (1/T) Σ_{t<T} E‖∇f(x_t)‖² <= 2Δ0/(ηT) + c·β²ρ² + βησ², c = 1, at every horizon T.
 * Source: Si & Yun (2023) §4 (claim P3); suite ID S-NC-n (THEOREMS.md §3).
 * Tightness: LB-S reaches the floor β²ρ² as K -> ∞ (c = 1 exact); it covers convex and strongly
 *   convex f too. With η = min{1/β, (2Δ0/(βσ²T))^{1/2}} it is O(T^{-1/2}) + β²ρ².
 */
import { defineCard } from '../conjectures/define.js';
import type { StochasticCard } from './card.js';

export const S_NC_N = defineCard({
  id: 'S-NC-n',
  kind: 'upper',
  title: 'n-SAM, smooth: E average squared gradient <= 2Δ0/(ηT) + β²ρ² + βησ²',
  source: 'Si & Yun (2023) §4, P3; THEOREMS.md §3 S-NC-n',
  class: 'smooth',
  algorithm: 'n-sam',
  eta: { max: '1' },
  measure: 'avgGradNormSq',
  // The bound as computed (its operations in the order the floating-point verdicts were fixed in); the paper's notation below.
  claim: { bound: '2*delta0/(eta*T) + c*(beta^2*rho^2) + beta*eta*sigmaSq' },
  notation: '(1/T) Σ_{t<T} E‖∇f(x_t)‖² <= 2Δ0/(ηT) + c·β²ρ² + βησ²,  c = 1,  0 < η <= 1/β',
  constants: { c: '1' },
  tightness: 'LB-S reaches c = 1 as K -> ∞ (exact).',
  proof: 'as S-SC-n, without the strong convexity step: sum the one-step bound over t.',
}) as StochasticCard;

