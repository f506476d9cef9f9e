import { describe, expect, test } from 'vitest';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { decimalBackend } from '../arith/decimal.js';
import { agreedDigits } from '../arith/digits.js';
import { float64 } from '../arith/float64.js';
import { norm } from '../arith/vector.js';
import { buildFunction } from './index.js';
import { logisticData } from './logistic.js';
import type { LogisticSpec } from './types.js';

const spec: LogisticSpec = { family: 'logistic', dim: 3, samples: 25, dataSeed: 4, l2: '0' };

describe('logistic regression on generated data', () => {
  test('the data are exact texts, reproducible from the seed, with 2·dim anchors', () => {
    const data = logisticData(3, 25, 4);
    expect(data).toEqual(logisticData(3, 25, 4));
    expect(data.features).toHaveLength(31);
    expect(data.features.slice(25)).toEqual([['1', '0', '0'], ['-1', '0', '0'], ['0', '1', '0'], ['0', '-1', '0'], ['0', '0', '1'], ['0', '0', '-1']]);
    for (const row of data.features.slice(0, 25)) for (const v of row) expect(v).toMatch(/^-?\d+\.\d{3}$/);
  });

  test('f* and x* are computed to the working precision (even with l2 = 0)', () => {
    for (const p of [40, 80]) {
      const B = decimalBackend(p);
      const f = buildFunction(B, spec);
      expect(B.toNumber(norm(B, f.gradient(f.certificate.xStar!)))).toBeLessThan(10 ** (3 - p));
    }
    const low = decimalBackend(40);
    const high = decimalBackend(80);
    const fLow = buildFunction(low, spec).certificate.fStar;
    const fHigh = buildFunction(high, spec).certificate.fStar;
    expect(agreedDigits(low.toString(fLow), high.toString(fHigh), 40)).toBeGreaterThanOrEqual(38);
    expect(Math.abs(buildFunction(float64, spec).certificate.fStar - high.toNumber(fHigh))).toBeLessThan(1e-14);
  });

  test('β = λmax(XᵀX)/(4N) + l2 agrees with an independent ml-matrix computation', () => {
    const withL2: LogisticSpec = { ...spec, l2: '0.05' };
    const f = buildFunction(float64, withL2);
    const X = new Matrix(logisticData(3, 25, 4).features.map((row) => row.map(Number)));
    const gramMax = Math.max(...new EigenvalueDecomposition(X.transpose().mmul(X), { assumeSymmetric: true }).realEigenvalues);
    expect(Math.abs(f.certificate.beta - (gramMax / (4 * 31) + 0.05))).toBeLessThan(1e-14);
    expect(f.certificate.mu).toBe(0.05);
    expect(f.certificate.lipschitz).toBeUndefined();
  });

  test('with l2 = 0 the gradient is bounded by the mean feature norm', () => {
    const f = buildFunction(float64, spec);
    const X = logisticData(3, 25, 4).features.map((row) => row.map(Number));
    const mean = X.reduce((s, x) => s + Math.hypot(...x), 0) / X.length;
    expect(Math.abs(f.certificate.lipschitz! - mean)).toBeLessThan(1e-14);
    expect(f.certificate.mu).toBe(0);
  });

  test('refuses bad parameters with the field and the rule', () => {
    const B = decimalBackend(20);
    expect(() => buildFunction(B, { ...spec, samples: 0 })).toThrow('invalid samples = 0: must be a whole number from 1 to 10000');
    expect(() => buildFunction(B, { ...spec, l2: '-1' })).toThrow('invalid l2 = "-1": must be >= 0');
    expect(() => buildFunction(B, { ...spec, dataSeed: 1.5 })).toThrow('invalid dataSeed = 1.5');
    expect(() => buildFunction(B, { ...spec, dim: 101 })).toThrow('invalid dim = 101');
    expect(() => buildFunction(B, { family: 'logistics' } as never)).toThrow('invalid family = "logistics": must be one of quadratic, cosine, logistic');
  });
});
