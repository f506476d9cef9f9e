/**
 * D-SC-rate: with the step size η_T chosen from the horizon, deterministic SAM reaches Õ(1/T²).
 *
 * Setting: f β-smooth and μ-strongly convex; SAM with constant ρ > 0 and
 *   η_T = min{1/(2β), ln(K)/(μT)}, K = max{e, μ³Δ0T²/(β⁴ρ²)}.
 * Claim: f(x_T) − f* <= exp(−μT/(2β))Δ0 + c·β⁴ρ²(1 + ln²K)/(μ³T²), c = 1, at the horizon T.
 * Source: Si & Yun (2023) §3 (claim P1, the rate); suite ID D-SC, rate corollary (THEOREMS.md §3).
 * Tightness: LB-D-SC under η_T decays like ρ²ln²K/T² as well: the 1/T² rate is not improvable.
 */
import type { Backend } from '../arith/backend.js';
import { defineCard } from '../conjectures/define.js';
import type { RunCard } from './card.js';

/**
 * The two terms of the rate bound: exp(−μT/(2β))Δ0 and β⁴ρ²(1 + ln²K)/(μ³T²), with
 * K = max{e, μ³Δ0T²/(β⁴ρ²)}.
 */
export function rateBoundTerms<T>(B: Backend<T>, p: { beta: T; mu: T; rho: T; delta0: T; steps: number }): { linear: T; polynomial: T } {
  const T = B.fromNumber(p.steps);
  const beta4Rho2 = B.mul(B.mul(B.mul(p.beta, p.beta), B.mul(p.beta, p.beta)), B.mul(p.rho, p.rho));
  const mu3T2 = B.mul(B.mul(B.mul(p.mu, p.mu), p.mu), B.mul(T, T));
  const logK = B.log(B.max(B.exp(B.one), B.div(B.mul(mu3T2, p.delta0), beta4Rho2)));
  return {
    linear: B.mul(B.exp(B.neg(B.div(B.mul(p.mu, T), B.mul(B.fromNumber(2), p.beta)))), p.delta0),
    polynomial: B.div(B.mul(beta4Rho2, B.add(B.one, B.mul(logK, logK))), mu3T2),
  };
}

export const D_SC_RATE = defineCard({
  id: 'D-SC-rate',
  title: 'Strongly convex with η_T: f(x_T) − f* = Õ(exp(−μT/2β) + 1/T²)',
  kind: 'upper',
  source: 'Si & Yun (2023) §3, P1; THEOREMS.md §3 D-SC (rate)',
  class: 'strongly-convex',
  algorithm: 'sam',
  notation: 'f(x_T) − f* <= exp(−μT/(2β))Δ0 + c·β⁴ρ²(1 + ln²K)/(μ³T²),  η = η_T',
  eta: { rule: 'D-SC' },
  constants: { c: '1' },
  tightness: 'LB-D-SC under η_T decays like ln²K/T²: the rate in T is tight up to logarithms.',
  proof: 'D-SC with βη_T <= 1/2 bounds the floor by β⁴η_T²ρ²/μ <= β⁴ρ²ln²K/(μ³T²) and the contraction by exp(−1.5η_Tμ T), which is exp(−μT/(2β))-small when η_T = 1/(2β) and at most Δ0/K <= β⁴ρ²/(μ³T²) when η_T = ln K/(μT).',
  claim: {
    run(B, r, { c }) {
      const { linear, polynomial } = rateBoundTerms(B, { beta: r.beta, mu: r.mu!, rho: r.rho, delta0: r.delta0, steps: r.steps });
      return [{ observed: r.trajectory.gap[r.steps]!, bound: B.add(linear, B.mul(c!, polynomial)), at: r.steps }];
    },
  },
}) as RunCard;
