/**
 * S-SC-n: n-SAM on smooth strongly convex functions converges only to an O(ρ²) neighbourhood.
 *
 * Setting: f β-smooth and μ-strongly convex; an oracle with variance <= σ²; n-SAM with constant
 *   ρ > 0 and 0 < η <= 1/β (independent samples for the ascent and the descent).
 * Claim: E f(x_T) − f* <= (1 − ημ)^T Δ0 + βησ²/(2μ) + c·β²ρ²/μ, c = 1/2, at every horizon T.
 * Source: Si & Yun (2023) §4 (claim P2); suite ID S-SC-n (THEOREMS.md §3).
 * Tightness: LB-S reaches β²ρ²/(2μ) as K -> ∞: c = 1/2 is exact. With the card's rule
 *   η = min{1/β, ln(max{e, μ²Δ0T/(βσ²)})/(μT)} the bound is Õ(1/T) + β²ρ²/(2μ).
 */
import { defineCard } from '../conjectures/define.js';
import type { StochasticCard } from './card.js';

export const S_SC_N = defineCard({
  id: 'S-SC-n',
  kind: 'upper',
  title: 'n-SAM, strongly convex: E f(x_T) − f* <= linear + βησ²/(2μ) + β²ρ²/(2μ)',
  source: 'Si & Yun (2023) §4, P2; THEOREMS.md §3 S-SC-n',
  class: 'strongly-convex',
  algorithm: 'n-sam',
  eta: { max: '1' },
  measure: 'gap',
  // The bound as computed (its operations in the order the floating-point verdicts were fixed in); the paper's notation below.
  claim: { bound: 'delta0*(1 - eta*mu)^T + beta*eta*sigmaSq/(2*mu) + c*(beta^2*rho^2)/mu' },
  notation: 'E f(x_T) − f* <= (1 − ημ)^T Δ0 + βησ²/(2μ) + c·β²ρ²/μ,  c = 1/2,  0 < η <= 1/β',
  constants: { c: '1/2' },
  tightness: 'LB-S reaches c = 1/2 as K -> ∞ (exact).',
  proof: 'conditioning on ξ̃_t, E_ξ‖g(y; ξ)‖² <= ‖∇f(y)‖² + σ²; then L5 with L1 (which holds for any unit perturbation direction), ‖g‖² >= 2μΔ, and unroll.',
}) as StochasticCard;

