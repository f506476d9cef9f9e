import { describe, expect, test } from 'vitest';
import { decimalBackend } from '../arith/decimal.js';
import { float64 } from '../arith/float64.js';
import { InputError } from '../errors.js';
import { buildFunction, type FamilySpec } from '../functions/index.js';
import { randomStream } from '../random/seeded.js';
import { buildOracle } from './build.js';
import type { OracleSpec } from './oracle.js';

const QUADRATIC_2D: FamilySpec = { family: 'quadratic', eigenvalues: ['4', '1'] };
const COSINE_2D: FamilySpec = { family: 'cosine', dim: 2, terms: [{ beta: '2', k: '1' }], quadBeta: '2' };

function oracle(spec: OracleSpec, family: FamilySpec = QUADRATIC_2D) {
  return buildOracle(float64, buildFunction(float64, family), spec);
}

/** Sample mean vector and mean ‖ξ‖² of n draws, with the standard error of the latter. */
function moments(spec: OracleSpec, n: number, family: FamilySpec = QUADRATIC_2D) {
  const o = oracle(spec, family);
  const stream = randomStream(11, 0);
  const d = o.f.dim;
  const mean = new Array<number>(d).fill(0);
  let sq = 0;
  let sqSq = 0;
  for (let i = 0; i < n; i++) {
    const xi = o.draw(stream);
    const norm2 = xi.reduce((s, v) => s + v * v, 0);
    xi.forEach((v, j) => (mean[j]! += v / n));
    sq += norm2 / n;
    sqSq += (norm2 * norm2) / n;
  }
  return { o, mean, meanSq: sq, meanSqError: Math.sqrt(Math.max(0, sqSq - sq * sq) / n) };
}

const EXAMPLES: readonly [string, OracleSpec, number][] = [
  ['isotropic Gaussian', { kind: 'gaussian', sigma: '0.3' }, 0.09],
  ['anisotropic Gaussian', { kind: 'gaussian', scales: ['1', '2'] }, 5],
  ['Rademacher', { kind: 'rademacher', sigma: '1.5' }, 2.25],
  ['Student-t, ν = 5', { kind: 'student-t', sigma: '2', dof: 5 }, 4],
  ['discrete', { kind: 'discrete', values: [['3', '0'], ['-1', '1'], ['-1', '-1']], probabilities: ['1/4', '3/8', '3/8'] }, 0.25 * 9 + 0.75 * 2],
  ['two-point (LB-S)', { kind: 'two-point', K: '9', s: '2' }, 36],
  // A = diag(4, 1): ξ = −A d_i ∈ {(−4, 0), (4, 0)}.
  ['finite sum', { kind: 'finite-sum', offsets: [['1', '0'], ['-1', '0']] }, 16],
];

describe('oracles (THEOREMS.md §0): exact mean ∇f and exact variance σ²', () => {
  test.each(EXAMPLES)('%s: σ² is exact, the draws have mean 0 and E‖ξ‖² = σ²', (_, spec, sigmaSq) => {
    expect(oracle(spec).certificate.sigmaSq).toBeCloseTo(sigmaSq, 12);
    const n = 40_000;
    const { mean, meanSq, meanSqError } = moments(spec, n);
    // Five standard errors: each coordinate's variance is at most σ².
    for (const m of mean) expect(Math.abs(m)).toBeLessThan(5 * Math.sqrt(sigmaSq / n));
    // (Rademacher and the finite sum have constant ‖ξ‖²: then only rounding separates them.)
    expect(Math.abs(meanSq - sigmaSq)).toBeLessThan(5 * meanSqError + 1e-9 * sigmaSq);
  });

  test('σ² is exact in decimal arithmetic too (no float64 detour)', () => {
    const B = decimalBackend(50);
    const o = buildOracle(B, buildFunction(B, QUADRATIC_2D), { kind: 'gaussian', sigma: '1/3' });
    expect(B.toString(o.certificate.sigmaSq)).toBe(B.toString(B.div(B.one, B.fromNumber(9))));
    const two = buildOracle(B, buildFunction(B, QUADRATIC_2D), { kind: 'two-point', K: '9', s: '0.1' });
    expect(B.toString(two.certificate.sigmaSq)).toBe('0.09');
  });

  test('g(x; ξ) = ∇f(x) + ξ, and every component is β-smooth', () => {
    const o = oracle({ kind: 'two-point', K: '3', s: '1' });
    expect(o.sample([1, 2], [3, 0])).toEqual([4, 2]);
    expect(o.certificate.componentsSmooth).toBe(true);
  });

  test('the two-point noise lives on e₁ and is strongly asymmetric: sK with probability 1/(K+1)', () => {
    const o = oracle({ kind: 'two-point', K: '9', s: '2' });
    const stream = randomStream(5, 1);
    const draws = Array.from({ length: 10_000 }, () => o.draw(stream));
    expect(new Set(draws.map((xi) => xi.join(',')))).toEqual(new Set(['18,0', '-2,0']));
    const large = draws.filter((xi) => xi[0] === 18).length / draws.length;
    expect(Math.abs(large - 0.1)).toBeLessThan(5 * Math.sqrt(0.09 / draws.length));
  });

  test('Student-t noise is heavy-tailed (kurtosis above the Gaussian 3) with the same variance', () => {
    const kurtosis = (spec: OracleSpec) => {
      const o = oracle(spec, { family: 'quadratic', eigenvalues: ['1'] });
      const stream = randomStream(8, 0);
      const draws = Array.from({ length: 100_000 }, () => o.draw(stream)[0]!);
      const m2 = draws.reduce((s, v) => s + v * v, 0) / draws.length;
      const m4 = draws.reduce((s, v) => s + v ** 4, 0) / draws.length;
      return m4 / (m2 * m2);
    };
    expect(kurtosis({ kind: 'gaussian', sigma: '1' })).toBeCloseTo(3, 0);
    // ν = 6: kurtosis 3 + 6/(ν − 4) = 6.
    expect(kurtosis({ kind: 'student-t', sigma: '1', dof: 6 })).toBeGreaterThan(4.5);
  });
});

describe('oracle specs are validated, naming the field, the value and the rule', () => {
  const rejects = (spec: unknown, field: string, rule: RegExp, family: FamilySpec = QUADRATIC_2D) => {
    let error: unknown;
    try {
      oracle(spec as OracleSpec, family);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe(field);
    expect((error as InputError).rule).toMatch(rule);
  };

  test('each rule', () => {
    rejects({ kind: 'uniform' }, 'oracle.kind', /must be one of gaussian, rademacher/);
    rejects({ kind: 'gaussian', sigma: '-1' }, 'oracle.sigma', />= 0|non-negative/);
    rejects({ kind: 'gaussian', scales: ['1'] }, 'oracle.scales', /dimension/);
    rejects({ kind: 'student-t', sigma: '1', dof: 2 }, 'oracle.dof', /3 to 1000/);
    rejects({ kind: 'two-point', K: '0.5', s: '1' }, 'oracle.K', />= 1/);
    rejects({ kind: 'discrete', values: [['1', '0']], probabilities: ['1'] }, 'oracle.values', /at least two/);
    rejects({ kind: 'discrete', values: [['1', '0'], ['-1', '0']], probabilities: ['0.5', '0.6'] }, 'oracle probabilities', /add up to 1/);
    rejects({ kind: 'discrete', values: [['2', '0'], ['-1', '0']], probabilities: ['0.5', '0.5'] }, 'oracle values', /mean 0/);
    rejects({ kind: 'finite-sum', offsets: [['1', '0'], ['-1', '0']] }, 'oracle.kind', /quadratic/, COSINE_2D);
    rejects({ kind: 'finite-sum', offsets: [['1', '0'], ['0', '0']] }, 'oracle.offsets values', /mean 0/);
  });
});
