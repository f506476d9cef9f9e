/**
 * L2: for convex f the perturbed gradient keeps at least the descent of the gradient.
 *
 * Setting: f convex and differentiable; g = ∇f(x) ≠ 0, u = g/‖g‖, y = x + ρu, ĝ = ∇f(y).
 * Claim: a = ⟨ĝ − g, u⟩ >= 0, hence ⟨ĝ, g⟩ >= ‖g‖² (checked as ‖g‖² <= ⟨ĝ, g⟩).
 * Source: Si & Yun (2023) §3; suite ID L2 (THEOREMS.md §2).
 * Tightness: equality where f is linear along u.
 */
import { dot, normSq } from '../arith/vector.js';
import { defineCard } from '../conjectures/define.js';
import type { StepCard } from './card.js';

export const L2 = defineCard({
  id: 'L2',
  title: 'For convex f, ⟨∇f(y), ∇f(x)⟩ >= ‖∇f(x)‖²',
  kind: 'lemma',
  source: 'Si & Yun (2023) §3; THEOREMS.md §2 L2',
  class: 'convex',
  algorithm: 'sam',
  notation: '‖g‖² <= ⟨ĝ, g⟩ (a >= 0)',
  eta: { max: '1', includeMax: true },
  constants: {},
  tightness: 'Equality where f is linear along the gradient direction.',
  proof: 'monotonicity of the gradient of a convex function, ⟨∇f(y) − ∇f(x), y − x⟩ >= 0.',
  claim: { step: (B, s) => ({ observed: normSq(B, s.g), bound: dot(B, s.gHat, s.g) }) },
}) as StepCard;
