import { describe, expect, test } from 'vitest';
import { float64 } from '../arith/float64.js';
import { parseNumber } from '../arith/literal.js';
import { buildFunction } from '../functions/index.js';
import { InputError } from '../errors.js';
import { cardById } from '../theorems/catalog.js';
import { defineConjecture } from '../conjectures/define.js';
import { auditCard } from './audit.js';
import { parameterize } from './parameters.js';


describe('samcheck audit: sampling, local search, confirmation', () => {
  test('D-NC: the search reaches at least half of the stated constant, and a seed with an evaluation cap repeats exactly', () => {
    const run = () => auditCard(cardById('D-NC'), { maxEvaluations: 400, seed: 3, precision: 30 });
    const audit = run();
    expect(audit.bestRatio).toBeGreaterThanOrEqual(0.5);
    expect(audit.bestRatio).toBeLessThanOrEqual(1); // D-NC holds: the confirmation is exact
    expect(audit.verdict.holds).toBe(true);
    expect(['verified', 'certified', 'float']).toContain(audit.verdict.level);
    expect(audit.evaluations).toBe(400);
    expect(audit.tightness).toEqual([1, 1]);
    // The trace is the best so far: it only rises, and its phases come in order.
    audit.trace.forEach((p, i) => i > 0 && expect(p.ratio).toBeGreaterThan(audit.trace[i - 1]!.ratio));
    expect(audit.trace.map((p) => p.phase).join(',')).toMatch(/^(sampling,)*sampling(,local search)*$/);
    const again = run();
    expect(again.instance).toEqual(audit.instance);
    expect(again.bestRatio).toBe(audit.bestRatio);
  });

  test('S-SC-n: 100 evaluations reach 0.8, confirmed on 8 times the paths from a fresh seed', () => {
    const audit = auditCard(cardById('S-SC-n'), { maxEvaluations: 100, seed: 1, precision: 30 });
    expect(audit.bestRatio).toBeGreaterThanOrEqual(0.8);
    expect(audit.verdict.level).toBe('statistical');
    expect(audit.verdict.confidence!.paths).toBe(64 * 8);
  });

  test('a limit claim has no ratio to audit', () => {
    expect(() => auditCard(cardById('C4'), { maxEvaluations: 10, seed: 1, precision: 30 })).toThrow(InputError);
  });
});

describe('the parameters of a case', () => {
  test('rebuilding keeps η and ρ in the card\'s ranges and positive quantities positive', () => {
    const c2 = defineConjecture({
      id: 'P1',
      statement: 'a range test',
      class: 'strongly-convex',
      families: ['quadratic'],
      algorithm: 'usam',
      eta: { max: '1/2' },
      rho: { max: '1' },
      measure: 'gap',
      claim: { bound: 'delta0' },
    });
    const spec = { algorithm: 'usam' as const, function: { family: 'quadratic' as const, eigenvalues: ['4', '1'] }, x0: ['1', '-1'], rho: '0.2', eta: { overBeta: '0.25' }, steps: 5 };
    const p = parameterize(c2, spec);
    expect(p.parameters.map((q) => q.name)).toEqual(['rho', 'eta·β', 'x0[1]', 'x0[2]', 'λ1', 'λ2']);
    // Push every parameter far up: η stops at 1/(2β), ρ at 1/β of the rebuilt function.
    const far = p.rebuild(p.parameters.map((q) => q.value + (q.scale === 'log' ? 5 : 100)));
    const beta = buildFunction(float64, far.function).certificate.beta;
    expect(far.eta).toEqual({ overBeta: '0.5' });
    expect(parseNumber(float64, 'rho', far.rho!)).toBeLessThanOrEqual(1 / beta);
    expect(far.function).toMatchObject({ eigenvalues: [expect.any(String), expect.any(String)] });
    // Unchanged values rebuild the same case.
    expect(p.rebuild(p.parameters.map((q) => q.value))).toEqual(spec);
  });
});
