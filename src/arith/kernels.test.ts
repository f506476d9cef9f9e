import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Backend } from './backend.js';
import { countingBackend } from './counting.js';
import { doubleDoubleBackend } from './double-double.js';
import { float64 } from './float64.js';
import { quadDoubleBackend } from './quad-double.js';
import { add, axpy, dot, matVec, scale, sub } from './vector.js';
import { cheapestBackend } from './select.js';

const backends: [string, Backend<unknown>][] = [
  ['float64', float64 as Backend<unknown>],
  ['double-double', doubleDoubleBackend() as Backend<unknown>],
  ['quad-double', quadDoubleBackend() as Backend<unknown>],
];

describe.each(backends)('the %s vector kernels', (_, B) => {
  // countingBackend drops a backend's kernels (their scalar operations would go uncounted), so it
  // runs vector.ts's generic loops over the same scalar operations.
  const generic = countingBackend(B).backend;
  test('give what the generic loops give, value for value', () => {
    const arbVector = (d: number) => fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: d, maxLength: d });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }).chain((d) => fc.tuple(arbVector(d), arbVector(d), fc.array(arbVector(d), { minLength: 1, maxLength: 4 }), fc.double({ min: -10, max: 10, noNaN: true }))), ([xs, ys, rows, a]) => {
        const [x, y, A, s] = [xs.map(B.fromNumber), ys.map(B.fromNumber), rows.map((r) => r.map(B.fromNumber)), B.fromNumber(a)];
        const same = (k: unknown, g: unknown) => expect(B.toString(k)).toBe(B.toString(g));
        const sameAll = (k: readonly unknown[], g: readonly unknown[]) => k.forEach((v, i) => same(v, g[i]));
        expect(B.vector).toBeDefined();
        expect(generic.vector).toBeUndefined();
        same(dot(B, x, y), dot(generic, x, y));
        sameAll(add(B, x, y), add(generic, x, y));
        sameAll(sub(B, x, y), sub(generic, x, y));
        sameAll(scale(B, s, x), scale(generic, s, x));
        sameAll(axpy(B, s, x, y), axpy(generic, s, x, y));
        sameAll(matVec(B, A, x), matVec(generic, A, x));
      }),
      { numRuns: 200 },
    );
  });
});

test('the verdict ladder takes the cheapest tier with the digits it needs', () => {
  expect(cheapestBackend(20).name).toBe('dd');
  expect(cheapestBackend(31).name).toBe('dd');
  expect(cheapestBackend(40).name).toBe('qd');
  expect(cheapestBackend(62).name).toBe('qd');
  expect(cheapestBackend(63)).toMatchObject({ name: 'decimal', precision: 63 });
});
