import { describe, expect, test } from 'vitest';
import { randomStream, validateSeed } from './seeded.js';

describe('seeded random streams', () => {
  test('the same name gives the same numbers, another name others', () => {
    const draw = (seed: number, ...labels: number[]) => {
      const s = randomStream(seed, ...labels);
      return Array.from({ length: 5 }, () => s.uniform());
    };
    expect(draw(7, 1, 2)).toEqual(draw(7, 1, 2));
    expect(draw(7, 1, 2)).not.toEqual(draw(7, 2, 1));
    expect(draw(7)).not.toEqual(draw(8));
  });

  test('nearby seeds do not start alike', () => {
    const first = [0, 1, 2, 3].map((seed) => randomStream(seed).uniform());
    for (let i = 1; i < first.length; i++) expect(Math.abs(first[i]! - first[i - 1]!)).toBeGreaterThan(1e-3);
  });

  test('gaussian draws have mean 0 and variance 1', () => {
    const s = randomStream(3);
    const n = 20000;
    const xs = Array.from({ length: n }, () => s.gaussian());
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
    // Five standard errors: 5/√n for the mean, 5·√(2/n) for the variance.
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
  });

  test('seeds are whole numbers that fit in 32 bits', () => {
    for (const bad of [-1, 1.5, 2 ** 32, '3']) expect(() => validateSeed('seed', bad)).toThrow(/invalid seed = .*: must be a whole number from 0 to 4294967295/);
  });
});
