/**
 * L1: the SAM perturbation moves the gradient by at most βρ.
 *
 * Setting: f β-smooth; g = ∇f(x) ≠ 0, u = g/‖g‖, y = x + ρu, δ = ∇f(y) − g.
 * Claim: ‖δ‖ <= c·βρ, c = 1.
 * Source: Si & Yun (2023) §3; suite ID L1 (THEOREMS.md §2). Used by D-NC and S-SC-n.
 * Tightness: equality for a quadratic when u is an eigenvector of the largest eigenvalue β.
 */
import { norm } from '../arith/vector.js';
import { defineCard } from '../conjectures/define.js';
import type { StepCard } from './card.js';

export const L1 = defineCard({
  id: 'L1',
  title: 'The perturbation moves the gradient by at most βρ',
  kind: 'lemma',
  source: 'Si & Yun (2023) §3; THEOREMS.md §2 L1',
  class: 'smooth',
  algorithm: 'sam',
  notation: '‖∇f(y) − ∇f(x)‖ <= c·βρ',
  eta: { max: '1', includeMax: true },
  constants: { c: '1' },
  tightness: 'c = 1 is attained by quadratics along a top eigenvector.',
  proof: 'smoothness with ‖y − x‖ = ρ.',
  claim: { step: (B, s, { c }) => ({ observed: norm(B, s.delta), bound: B.mul(c!, B.mul(s.beta, s.rho)) }) },
}) as StepCard;
