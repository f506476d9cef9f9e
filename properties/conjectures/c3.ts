/**
 * C3 (THEOREMS.md §5, contrast, expected true): deterministic SAM with a decaying radius
 * ρ_t = ρ0/(t+1) reaches the optimum of a smooth strongly convex f: f(x_T) − f* -> 0.
 *
 * Judged by src/check/limit.ts at T, 4T, 16T. The limit is only visible once the linear phase has
 * run its course, so η is at least β/4 and β/μ at most 4 (a claim about limits holds or fails on
 * such members as well as on any).
 */
import { defineConjecture } from '../../src/conjectures/define.js';

export default defineConjecture({
  id: 'C3',
  statement: 'SAM with ρ_t = ρ0/(t+1) reaches the optimum of a smooth strongly convex function',
  class: 'strongly-convex',
  algorithm: 'sam',
  eta: { min: '1/4', max: '1' },
  rhoDecay: 'inverse',
  maxCondition: 4,
  measure: 'gap',
  claim: { limit: 0 },
  expected: 'true',
  source: 'THEOREMS.md §5 C3 (contrast)',
});
