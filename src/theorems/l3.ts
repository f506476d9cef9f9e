/**
 * L3: co-coercivity bounds the change of the gradient by the ascent it produces.
 *
 * Setting: f convex and β-smooth; g = ∇f(x) ≠ 0, u = g/‖g‖, y = x + ρu, δ = ∇f(y) − g, a = ⟨δ, u⟩.
 * Claim: ‖δ‖² <= c·βρa, c = 1 (so 0 <= a <= βρ).
 * Source: Si & Yun (2023) §3; suite ID L3 (THEOREMS.md §2). Used by L7, D-SC and D-C.
 * Tightness: equality for a quadratic when u is an eigenvector of the eigenvalue β.
 */
import { normSq } from '../arith/vector.js';
import { defineCard } from '../conjectures/define.js';
import type { StepCard } from './card.js';

export const L3 = defineCard({
  id: 'L3',
  title: 'Co-coercivity: ‖δ‖² <= βρ⟨δ, u⟩',
  kind: 'lemma',
  source: 'Si & Yun (2023) §3; THEOREMS.md §2 L3',
  class: 'convex',
  algorithm: 'sam',
  notation: '‖δ‖² <= c·βρ·a',
  eta: { max: '1', includeMax: true },
  constants: { c: '1' },
  tightness: 'c = 1 is attained by quadratics along a top eigenvector.',
  proof: 'co-coercivity ⟨∇f(y) − ∇f(x), y − x⟩ >= ‖∇f(y) − ∇f(x)‖²/β with y − x = ρu.',
  claim: { step: (B, s, { c }) => ({ observed: normSq(B, s.delta), bound: B.mul(B.mul(c!, B.mul(s.beta, s.rho)), s.a) }) },
}) as StepCard;
