/**
 * L5: one SAM step descends by half the squared gradient, up to half the squared perturbation error.
 *
 * Setting: f β-smooth, 0 < η <= 1/β; g = ∇f(x) ≠ 0, ĝ = ∇f(y), δ = ĝ − g, x⁺ = x − ηĝ.
 * Claim: f(x⁺) <= f(x) − (η/2)‖g‖² + (η/2)‖δ‖² (checked on gaps: Δ⁺ <= Δ − (η/2)‖g‖² + (η/2)‖δ‖²).
 * Source: Si & Yun (2023) §3; suite ID L5 (THEOREMS.md §2). Used by D-NC and S-SC-n.
 * Tightness: equality for f(x) = (β/2)‖x‖² with η = 1/β.
 */
import { normSq } from '../arith/vector.js';
import { defineCard } from '../conjectures/define.js';
import type { StepCard } from './card.js';

export const L5 = defineCard({
  id: 'L5',
  title: 'One step: f(x⁺) <= f(x) − (η/2)‖g‖² + (η/2)‖δ‖²',
  kind: 'lemma',
  source: 'Si & Yun (2023) §3; THEOREMS.md §2 L5',
  class: 'smooth',
  algorithm: 'sam',
  notation: 'f(x − ηĝ) − f* <= f(x) − f* − (η/2)‖g‖² + (η/2)‖δ‖²,  0 < η <= 1/β',
  eta: { max: '1', includeMax: true },
  constants: {},
  tightness: 'Equality for (β/2)‖x‖² with η = 1/β.',
  proof: 'f(x⁺) <= f(x) − η⟨g, ĝ⟩ + (βη²/2)‖ĝ‖² <= f(x) − η⟨g, ĝ⟩ + (η/2)‖ĝ‖² = f(x) + (η/2)(‖ĝ − g‖² − ‖g‖²).',
  claim: {
    step(B, s) {
      const halfEta = B.div(s.eta, B.fromNumber(2));
      return { observed: s.gapNext, bound: B.add(B.sub(s.gap, B.mul(halfEta, normSq(B, s.g))), B.mul(halfEta, normSq(B, s.delta))) };
    },
  },
}) as StepCard;
