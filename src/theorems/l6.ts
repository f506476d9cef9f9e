/**
 * L6: the exact smoothness expansion of one SAM step.
 *
 * Setting: f β-smooth, η > 0; g = ∇f(x) ≠ 0, u = g/‖g‖, ĝ = ∇f(y), δ = ĝ − g, a = ⟨δ, u⟩.
 * Claim: f(x − ηĝ) <= f(x) − η(1 − βη/2)‖g‖² − η(1 − βη)‖g‖a + (βη²/2)‖δ‖².
 * Source: Si & Yun (2023) §3; suite ID L6 (THEOREMS.md §2). Used by L7 and D-C.
 * Tightness: equality for (β/2)‖x‖² (the smoothness inequality is then an equality).
 */
import { normSq } from '../arith/vector.js';
import { defineCard } from '../conjectures/define.js';
import type { StepCard } from './card.js';

export const L6 = defineCard({
  id: 'L6',
  title: 'Exact expansion of one step by smoothness',
  kind: 'lemma',
  source: 'Si & Yun (2023) §3; THEOREMS.md §2 L6',
  class: 'smooth',
  algorithm: 'sam',
  notation: 'f(x − ηĝ) − f* <= Δ − η(1 − βη/2)‖g‖² − η(1 − βη)‖g‖a + (βη²/2)‖δ‖²',
  eta: { max: '2', includeMax: true },
  constants: {},
  tightness: 'Equality for (β/2)‖x‖².',
  proof: 'f(x⁺) <= f(x) − η⟨g, ĝ⟩ + (βη²/2)‖ĝ‖² with ⟨g, ĝ⟩ = ‖g‖² + ‖g‖a and ‖ĝ‖² = ‖g‖² + 2‖g‖a + ‖δ‖². It holds for every η > 0; the suite draws 0 < η <= 2/β.',
  claim: {
    step(B, s) {
      const two = B.fromNumber(2);
      const betaEta = B.mul(s.beta, s.eta);
      const descent = B.mul(B.mul(s.eta, B.sub(B.one, B.div(betaEta, two))), normSq(B, s.g));
      const ascent = B.mul(B.mul(s.eta, B.sub(B.one, betaEta)), B.mul(s.gNorm, s.a));
      const error = B.mul(B.div(B.mul(betaEta, s.eta), two), normSq(B, s.delta));
      return { observed: s.gapNext, bound: B.add(B.sub(B.sub(s.gap, descent), ascent), error) };
    },
  },
}) as StepCard;
