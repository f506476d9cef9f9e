/**
 * D-C: deterministic SAM on smooth convex functions drives the average squared gradient down.
 *
 * Setting: f β-smooth and convex; SAM with constant ρ > 0 and 0 < η <= 1/β.
 * Claim: (1/T) Σ_{t<T} ‖∇f(x_t)‖² <= 2Δ0/(ηT) + c·β³ηρ², c = 1, at every horizon T.
 * Source: Si & Yun (2023) §3; suite ID D-C (THEOREMS.md §3).
 * Tightness: on quadratics the floor is Θ(η²), not Θ(η) (conjecture C1): SAM's 2-cycle on (β/2)x²
 *   keeps ‖∇f‖² = β⁴η²ρ²/(2 − βη)², a fraction βη/(2 − βη)² of β³ηρ². At η = 1/β that fraction is 1:
 *   c = 1 is attained there (found by this suite). With the card's rule
 *   η = min{1/β, (2Δ0/(β³ρ²T))^{1/2}} the bound is O(T^{-1/2}) with no ρ² floor.
 */
import { defineCard } from '../conjectures/define.js';
import type { RunCard } from './card.js';

export const D_C = defineCard({
  id: 'D-C',
  kind: 'upper',
  title: 'Convex: average squared gradient <= 2Δ0/(ηT) + β³ηρ²',
  source: 'Si & Yun (2023) §3; THEOREMS.md §3 D-C',
  class: 'convex',
  algorithm: 'sam',
  eta: { max: '1' },
  measure: 'avgGradNormSq',
  // The bound as computed (its operations in the order the floating-point verdicts were fixed in); the paper's notation below.
  claim: { bound: '2*delta0/eta/T + c*(beta^2*(beta*eta)*rho^2)' },
  notation: '(1/T) Σ_{t<T} ‖∇f(x_t)‖² <= 2Δ0/(ηT) + c·β³ηρ²,  0 < η <= 1/β',
  constants: { c: '1' },
  tightness: 'c = 1 is attained at η = 1/β by (β/2)x² (its 2-cycle ±ρ); for smaller η quadratics keep only a fraction βη/(2 − βη)² (C1, open).',
  proof: 'L6 with 0 <= a <= βρ and ‖δ‖² <= βρa (L2, L3) gives Δ⁺ <= Δ − (η/2)‖g‖² + β³η²ρ²/2; sum over t.',
}) as RunCard;

