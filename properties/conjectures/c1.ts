/**
 * C1 (THEOREMS.md §5, open): for β-smooth convex f and η <= 1/(2β), deterministic SAM has
 * (1/T) Σ_{t<T} ‖∇f(x_t)‖² <= C(Δ0/(ηT) + β⁴η²ρ²) for a universal C: a floor of order η², as on
 * quadratics (where SAM's 2-cycle has ‖∇f‖² = β⁴η²ρ²/(2 − βη)²), instead of D-C's β³ηρ².
 * Checked with C = 2 (GD's own transient needs 2Δ0/(ηT)); what the search finds is reported.
 */
import { defineConjecture } from '../../src/conjectures/define.js';

export default defineConjecture({
  id: 'C1',
  statement: 'Convex SAM with η <= 1/(2β): average squared gradient <= C(Δ0/(ηT) + β⁴η²ρ²), C = 2',
  class: 'convex',
  algorithm: 'sam',
  eta: { max: '1/2' },
  measure: 'avgGradNormSq',
  claim: { bound: 'C*(delta0/(eta*T) + beta^4*eta^2*rho^2)' },
  constants: { C: '2' },
  expected: 'open',
  source: 'THEOREMS.md §5 C1 (open)',
});
