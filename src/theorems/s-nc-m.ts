/**
 * S-NC-m: m-SAM on smooth functions of any convexity.
 *
 * Setting: every component g(·; ξ) β-smooth, f* > −∞, variance <= σ²; m-SAM with constant ρ > 0
 *   and 0 < η <= 1/(2β).
 * Claim: (1/T) Σ_{t<T} E‖∇f(x_t)‖² <= 4Δ0/(ηT) + c·β²ρ² + 4βησ², c = 6, at every horizon T.
 * Source: Si & Yun (2023) §4; suite ID S-NC-m (THEOREMS.md §3).
 * Tightness: LB-S reaches c = 1; the gap to 6 is an audit target.
 */
import { defineCard } from '../conjectures/define.js';
import type { StochasticCard } from './card.js';

export const S_NC_M = defineCard({
  id: 'S-NC-m',
  kind: 'upper',
  title: 'm-SAM, smooth: E average squared gradient <= 4Δ0/(ηT) + 6β²ρ² + 4βησ²',
  source: 'Si & Yun (2023) §4; THEOREMS.md §3 S-NC-m',
  class: 'smooth',
  algorithm: 'm-sam',
  eta: { max: '1/2' },
  measure: 'avgGradNormSq',
  // The bound as computed (its operations in the order the floating-point verdicts were fixed in); the paper's notation below.
  claim: { bound: '4*delta0/(eta*T) + c*(beta^2*rho^2) + 4*(beta*eta)*sigmaSq' },
  notation: '(1/T) Σ_{t<T} E‖∇f(x_t)‖² <= 4Δ0/(ηT) + c·β²ρ² + 4βησ²,  c = 6,  0 < η <= 1/(2β)',
  constants: { c: '6' },
  tightness: 'LB-S reaches c = 1; the gap to 6 is an audit target.',
  proof: 'the one-step bound of S-SC-m without strong convexity, summed over t.',
}) as StochasticCard;

