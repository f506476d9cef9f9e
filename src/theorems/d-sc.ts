/**
 * D-SC: deterministic SAM on smooth strongly convex functions converges linearly to a floor.
 *
 * Setting: f β-smooth and μ-strongly convex; SAM with constant ρ > 0 and 0 < η < 1/β.
 * Claim: f(x_T) − f* <= max{ (1 − ημ(2 − βη))^T Δ0, c·(β⁴η²ρ²/(8μ(1 − βη)²) + β³η²ρ²/2) }, c = 1,
 *   checked at every horizon T of the run.
 * Source: Si & Yun (2023) §3 (claim P1); suite ID D-SC (THEOREMS.md §3).
 * Tightness: LB-D-SC reaches β³η²ρ²/(2(2 − βη)²); the stated floor is larger by about β/μ + 4.
 *   The best floor constant over the class is open (C6).
 */
import { defineCard } from '../conjectures/define.js';
import { atEveryHorizon, type RunCard } from './card.js';
import { stronglyConvexContraction, stronglyConvexFloor } from './l7.js';

export const D_SC = defineCard({
  id: 'D-SC',
  title: 'Strongly convex: linear convergence to an O(η²ρ²) floor',
  kind: 'upper',
  source: 'Si & Yun (2023) §3, P1; THEOREMS.md §3 D-SC',
  class: 'strongly-convex',
  algorithm: 'sam',
  notation: 'f(x_T) − f* <= max{(1 − ημ(2 − βη))^T Δ0, c·(β⁴η²ρ²/(8μ(1 − βη)²) + β³η²ρ²/2)},  0 < η < 1/β',
  eta: { max: '1', includeMax: false },
  constants: { c: '1' },
  tightness: 'LB-D-SC attains β³η²ρ²/(2(2 − βη)²); the stated floor is larger by about β/μ + 4 (C6 is open).',
  proof: 'L7 by induction; once Δ_t is below the floor it stays there.',
  claim: {
    run(B, r, { c }) {
      const q = stronglyConvexContraction(B, r.beta, r.mu!, r.eta);
      const floor = B.mul(c!, stronglyConvexFloor(B, r.beta, r.mu!, r.eta, r.rho));
      let contracted = r.delta0;
      return atEveryHorizon(r.steps, (t) => {
        contracted = B.mul(contracted, q); // q^t Δ0, one factor per horizon
        return { observed: r.trajectory.gap[t]!, bound: B.max(contracted, floor) };
      });
    },
  },
}) as RunCard;
