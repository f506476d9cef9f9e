/**
 * C2 (THEOREMS.md §5, contrast, expected true): USAM (unnormalized ascent) on a β-smooth μ-strongly
 * convex quadratic with η <= 1/(2β) and ρ <= 1/β converges linearly all the way:
 * f(x_T) − f* <= (1 − ημ)^T Δ0. (Each eigencomponent is multiplied by 1 − ηλ(1 + ρλ) ∈ [0, 1 − ημ].)
 */
import { defineConjecture } from '../../src/conjectures/define.js';

export default defineConjecture({
  id: 'C2',
  statement: 'USAM on a strongly convex quadratic (η <= 1/(2β), ρ <= 1/β) converges linearly to the optimum',
  class: 'strongly-convex',
  families: ['quadratic'],
  algorithm: 'usam',
  eta: { max: '1/2' },
  rho: { max: '1' },
  measure: 'gap',
  claim: { bound: '(1 - eta*mu)^T * delta0' },
  expected: 'true',
  source: 'THEOREMS.md §5 C2 (contrast)',
});
