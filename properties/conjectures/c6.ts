/**
 * C6 (THEOREMS.md §5, open audit target): the best constant in D-SC's floor. Checked here: "the
 * 2-cycle of LB-D-SC is the worst case", i.e. f(x_T) − f* <= max{(1 − ημ(2 − βη))^T Δ0,
 * β³η²ρ²/(2(2 − βη)²)} at every T for η < 1/β. LB-D-SC attains the floor on quadratics; the search
 * reports whether any member of the class (logistic regressions included) sits higher.
 */
import { defineConjecture } from '../../src/conjectures/define.js';

export default defineConjecture({
  id: 'C6',
  statement: "D-SC's floor is attained by LB-D-SC's 2-cycle: f(x_T) − f* <= max{contraction, β³η²ρ²/(2(2 − βη)²)}",
  class: 'strongly-convex',
  algorithm: 'sam',
  eta: { max: '1', includeMax: false },
  measure: 'gap',
  claim: { bound: 'max((1 - eta*mu*(2 - beta*eta))^T * delta0, beta^3*eta^2*rho^2/(2*(2 - beta*eta)^2))' },
  expected: 'open',
  source: 'THEOREMS.md §5 C6 (open audit target)',
});
