/**
 * L4: strong convexity makes the ascent increase the gradient along u by at least μρ.
 *
 * Setting: f μ-strongly convex; g = ∇f(x) ≠ 0, u = g/‖g‖, y = x + ρu, a = ⟨∇f(y) − g, u⟩.
 * Claim: a >= c·μρ, c = 1, hence ⟨ĝ, g⟩ >= ‖g‖² + μρ‖g‖ (checked as c·μρ <= a).
 * Source: Si & Yun (2023) §3; suite ID L4 (THEOREMS.md §2).
 * Tightness: equality for a quadratic when u is an eigenvector of the eigenvalue μ.
 */
import { defineCard } from '../conjectures/define.js';
import type { StepCard } from './card.js';

export const L4 = defineCard({
  id: 'L4',
  title: 'For μ-strongly convex f, ⟨δ, u⟩ >= μρ',
  kind: 'lemma',
  source: 'Si & Yun (2023) §3; THEOREMS.md §2 L4',
  class: 'strongly-convex',
  algorithm: 'sam',
  notation: 'c·μρ <= a',
  eta: { max: '1', includeMax: true },
  constants: { c: '1' },
  tightness: 'c = 1 is attained by quadratics along a bottom eigenvector.',
  proof: 'strong monotonicity ⟨∇f(y) − ∇f(x), y − x⟩ >= μ‖y − x‖².',
  claim: { step: (B, s, { c }) => ({ observed: B.mul(c!, B.mul(s.mu!, s.rho)), bound: s.a }) },
}) as StepCard;
