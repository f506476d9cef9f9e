/**
 * C5 (THEOREMS.md §5, expected false): "deterministic SAM with constant ρ reaches a stationary
 * point of every smooth f", i.e. (1/T) Σ_{t<T} ‖∇f(x_t)‖² -> 0. The search runs over the
 * nonconvex cosine family, where SAM settles at x̂ = x* − ρu with ∇f(x̂ + ρu) = 0 but
 * ∇f(x̂) ≠ 0 (the trap of LB-D-NC-b), without being handed that construction.
 */
import { defineConjecture } from '../../src/conjectures/define.js';

export default defineConjecture({
  id: 'C5',
  statement: 'SAM with constant ρ reaches a stationary point of every smooth function',
  class: 'smooth',
  families: ['cosine'],
  algorithm: 'sam',
  eta: { min: '1/4', max: '1' },
  measure: 'avgGradNormSq',
  claim: { limit: 0 },
  expected: 'false',
  source: 'THEOREMS.md §5 C5; LB-D-NC-b is a counterexample',
});
