import { defineConjecture } from '../../src/conjectures/define.js';

export default defineConjecture({
  id: 'GD1',
  statement: 'GD with η <= 1/(2β) contracts the gap of a strongly convex function by 1 − ημ per step',
  class: 'strongly-convex',          // smooth | convex | strongly-convex
  families: ['quadratic'],           // optional: quadratic | logistic | cosine (default: all of the class)
  algorithm: 'gd',                   // sam | usam | gd | n-sam | m-sam | sgd
  eta: { max: '1/2' },               // 0 < η <= (1/2)/β (units of 1/β; `min` raises the lower end)
  measure: 'gap',                    // gap | gradNormSq | avgGradNormSq
  claim: { bound: 'C*(1 - eta*mu)^T * delta0' },
  constants: { C: '1' },             // samcheck run GD1 --constant C=0.5 changes it
  budget: { runs: 50, maxSteps: 300 },
  expected: 'true',                  // true: npm test requires no falsification; false: a falsification; open: reported
});
