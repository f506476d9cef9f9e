/**
 * L7: one step of SAM on a strongly convex function contracts the gap or stays below a floor.
 *
 * Setting: f β-smooth and μ-strongly convex, 0 < η < 1/β; Δ = f(x) − f*, Δ⁺ = f(x⁺) − f*.
 * Claim: Δ⁺ <= max{ (1 − ημ(2 − βη))Δ, B } with γ = β²ηρ/(2(1 − βη)), B = γ²/(2μ) + β³η²ρ²/2.
 * Source: Si & Yun (2023) §3; suite ID L7 (THEOREMS.md §2). Gives D-SC by induction.
 * Tightness: see D-SC (the floor is an open audit target, C6).
 */
import type { Backend } from '../arith/backend.js';
import { defineCard } from '../conjectures/define.js';
import type { StepCard } from './card.js';

/** The floor B of L7 and D-SC: β⁴η²ρ²/(8μ(1 − βη)²) + β³η²ρ²/2. */
export function stronglyConvexFloor<T>(B: Backend<T>, beta: T, mu: T, eta: T, rho: T): T {
  const betaEta = B.mul(beta, eta);
  const betaEtaRhoSq = B.mul(B.mul(betaEta, rho), B.mul(betaEta, rho)); // β²η²ρ²
  const oneMinus = B.sub(B.one, betaEta);
  const first = B.div(B.mul(B.mul(beta, beta), betaEtaRhoSq), B.mul(B.mul(B.fromNumber(8), mu), B.mul(oneMinus, oneMinus)));
  return B.add(first, B.div(B.mul(beta, betaEtaRhoSq), B.fromNumber(2)));
}

/** The contraction factor 1 − ημ(2 − βη) of L7 and D-SC. */
export function stronglyConvexContraction<T>(B: Backend<T>, beta: T, mu: T, eta: T): T {
  return B.sub(B.one, B.mul(B.mul(eta, mu), B.sub(B.fromNumber(2), B.mul(beta, eta))));
}

export const L7 = defineCard({
  id: 'L7',
  title: 'One step contracts the gap or stays below the floor',
  kind: 'lemma',
  source: 'Si & Yun (2023) §3; THEOREMS.md §2 L7',
  class: 'strongly-convex',
  algorithm: 'sam',
  notation: 'Δ⁺ <= max{(1 − ημ(2 − βη))Δ, c·(β⁴η²ρ²/(8μ(1 − βη)²) + β³η²ρ²/2)},  0 < η < 1/β',
  eta: { max: '1', includeMax: false },
  constants: { c: '1' },
  tightness: 'As D-SC: the contraction is attained; the floor constant is an audit target (C6).',
  proof: 'by L6 and L3, Δ⁺ <= Δ − η(1 − βη/2)‖g‖² + a[β²η²ρ/2 − η(1 − βη)‖g‖]. If ‖g‖ >= γ the bracket is <= 0 and ‖g‖² >= 2μΔ gives the first case; otherwise Δ <= ‖g‖²/(2μ) < γ²/(2μ) and the bracket adds at most βρ·β²η²ρ/2, which gives B.',
  claim: {
    step(B, s, { c }) {
      const contracted = B.mul(stronglyConvexContraction(B, s.beta, s.mu!, s.eta), s.gap);
      const floor = B.mul(c!, stronglyConvexFloor(B, s.beta, s.mu!, s.eta, s.rho));
      return { observed: s.gapNext, bound: B.max(contracted, floor) };
    },
  },
}) as StepCard;
