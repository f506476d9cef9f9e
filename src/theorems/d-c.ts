/**
 * D-C: deterministic SAM on smooth convex functions drives the average squared gradient down.
 *
 * Setting: f β-smooth and convex; SAM with constant ρ > 0 and 0 < η <= 1/β.
 * Claim: (1/T) Σ_{t<T} ‖∇f(x_t)‖² <= 2Δ0/(ηT) + c·β³ηρ², c = 1, at every horizon T.
 * Source: Si & Yun (2023) §3; suite ID D-C (THEOREMS.md §3).
 * Proof idea: L6 with 0 <= a <= βρ and ‖δ‖² <= βρa (L2, L3) gives
 *   Δ⁺ <= Δ − (η/2)‖g‖² + β³η²ρ²/2; sum over t.
 * Tightness: on quadratics the floor is Θ(η²), not Θ(η) (conjecture C1). With the card's rule
 *   η = min{1/β, (2Δ0/(β³ρ²T))^{1/2}} the bound is O(T^{-1/2}) with no ρ² floor.
 */
import { atEveryHorizon, type RunCard } from './card.js';

export const D_C: RunCard = {
  id: 'D-C',
  title: 'Convex: average squared gradient <= 2Δ0/(ηT) + β³ηρ²',
  kind: 'upper',
  source: 'Si & Yun (2023) §3; THEOREMS.md §3 D-C',
  requires: 'convex',
  algorithm: 'sam',
  claim: '(1/T) Σ_{t<T} ‖∇f(x_t)‖² <= 2Δ0/(ηT) + c·β³ηρ²,  0 < η <= 1/β',
  eta: { max: '1', includeMax: true },
  constants: { c: '1' },
  tightness: 'On quadratics the floor is Θ(η²) (C1, open); the constant c = 1 is not known to be tight.',
  scope: 'run',
  observe(B, r, { c }) {
    const floor = B.mul(c!, B.mul(B.mul(B.mul(r.beta, r.beta), B.mul(r.beta, r.eta)), B.mul(r.rho, r.rho)));
    const twoDelta0OverEta = B.div(B.mul(B.fromNumber(2), r.delta0), r.eta);
    return atEveryHorizon(r.steps, (t) => ({
      observed: r.trajectory.avgGradNormSq[t - 1]!,
      bound: B.add(B.div(twoDelta0OverEta, B.fromNumber(t)), floor),
    }));
  },
};
