import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Backend } from './backend.js';
import { countingBackend } from './counting.js';
import { decimalBackend } from './decimal.js';
import { doubleDoubleBackend } from './double-double.js';
import { float64 } from './float64.js';
import { quadDoubleBackend } from './quad-double.js';
import { add, allFinite, axpy, dot, matVec, scale, sub, unitVector } from './vector.js';
import { cheapestBackend } from './select.js';

const backends: [string, Backend<unknown>][] = [
  ['float64', float64 as Backend<unknown>],
  ['double-double', doubleDoubleBackend() as Backend<unknown>],
  ['quad-double', quadDoubleBackend() as Backend<unknown>],
];

const arbVector = (d: number) => fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: d, maxLength: d });
const arbOperands = fc
  .integer({ min: 1, max: 6 })
  .chain((d) => fc.tuple(arbVector(d), arbVector(d), fc.array(arbVector(d), { minLength: 1, maxLength: 4 }), fc.double({ min: -10, max: 10, noNaN: true })));

describe.each(backends)('the %s vector kernels', (name, B) => {
  // countingBackend drops a backend's kernels (their scalar operations would go uncounted), so it
  // runs vector.ts's generic loops over the same scalar operations.
  const generic = countingBackend(B).backend;
  // float64's kernels are the generic loops with the arithmetic inline; the multi-word tiers' dot,
  // matVec and unitVector are fused algorithms of their own, held to their documented bounds below.
  const fused = name !== 'float64';
  test(`give what the generic loops give, value for value${fused ? ' (the elementwise ones)' : ''}`, () => {
    fc.assert(
      fc.property(arbOperands, ([xs, ys, rows, a]) => {
        const [x, y, A, s] = [xs.map(B.fromNumber), ys.map(B.fromNumber), rows.map((r) => r.map(B.fromNumber)), B.fromNumber(a)];
        const same = (k: unknown, g: unknown) => expect(B.toString(k)).toBe(B.toString(g));
        const sameAll = (k: readonly unknown[] | undefined, g: readonly unknown[] | undefined) => {
          expect(k?.length).toBe(g?.length);
          k?.forEach((v, i) => same(v, g![i]));
        };
        expect(B.vector).toBeDefined();
        expect(generic.vector).toBeUndefined();
        sameAll(add(B, x, y), add(generic, x, y));
        sameAll(sub(B, x, y), sub(generic, x, y));
        sameAll(scale(B, s, x), scale(generic, s, x));
        sameAll(axpy(B, s, x, y), axpy(generic, s, x, y));
        expect(allFinite(B, x)).toBe(allFinite(generic, x));
        if (fused) return;
        same(dot(B, x, y), dot(generic, x, y));
        sameAll(matVec(B, A, x), matVec(generic, A, x));
        sameAll(unitVector(B, x), unitVector(generic, x));
      }),
      { numRuns: 200 },
    );
  });
});

test('float64 kernels keep the generic loops at the edges: zero, infinities, NaN', () => {
  const generic = countingBackend(float64).backend;
  for (const x of [[0, -0], [Infinity, 1], [-Infinity, Infinity], [1e-320, -1e-320], [5, -5]]) {
    expect(unitVector(float64, x)).toEqual(unitVector(generic, x));
    expect(allFinite(float64, x)).toBe(allFinite(generic, x));
  }
  expect(() => unitVector(float64, [1, NaN])).toThrow(/NaN/);
  expect(() => unitVector(generic, [1, NaN])).toThrow(/NaN/);
});

/**
 * The fused kernels of the multi-word tiers (double-double.ts ddDot, quad-double.ts qdDot and
 * qdUnitVector) against decimal.js at 200 digits, on vectors whose dot products cancel to many
 * digits: dot within u·|x·y| + n·u·Σ|x_i·y_i| (the bound the loop of the tier's own × and + keeps,
 * u its documented unit roundoff), unitVector's entries within 8u of x_i/‖x‖ relative to 1.
 */
describe.each([
  ['double-double', doubleDoubleBackend() as Backend<unknown>],
  ['quad-double', quadDoubleBackend() as Backend<unknown>],
])('the %s fused kernels', (_, B) => {
  const R = decimalBackend(200);
  const exact = (v: unknown) => R.fromString(B.toString(v));
  const u = R.fromString(B.toString(B.unitRoundoff));
  const arbEntry = fc.tuple(fc.integer({ min: -(2 ** 53), max: 2 ** 53 }), fc.integer({ min: -24, max: 8 })).map(([m, e]) => `${m}e${e}`);
  /** x and y of length n, the last y chosen (in the tier) to cancel the rest of x·y, perturbed by 10^-k. */
  const arbCancelling = fc
    .tuple(fc.integer({ min: 2, max: 24 }), fc.integer({ min: 5, max: 70 }))
    .chain(([n, k]) => fc.tuple(fc.array(arbEntry, { minLength: n, maxLength: n }), fc.array(arbEntry, { minLength: n, maxLength: n }), fc.constant(k)))
    .filter(([xs]) => Number(xs[xs.length - 1]) !== 0);

  test('dot and matVec stay within u·|x·y| + n·u·Σ|x_i·y_i| on 1,000 vectors that cancel', () => {
    fc.assert(
      fc.property(arbCancelling, ([xs, ys, k]) => {
        const x = xs.map((t) => B.fromString(t));
        const y = ys.map((t) => B.fromString(t));
        const n = x.length;
        let partial = B.zero;
        for (let i = 0; i < n - 1; i++) partial = B.add(partial, B.mul(x[i]!, y[i]!));
        y[n - 1] = B.add(B.neg(B.div(partial, x[n - 1]!)), B.fromString(`1e-${k}`));
        let want = R.zero;
        let magnitude = R.zero;
        for (let i = 0; i < n; i++) {
          const p = R.mul(exact(x[i]), exact(y[i]));
          want = R.add(want, p);
          magnitude = R.add(magnitude, R.abs(p));
        }
        const allowed = R.add(R.mul(u, R.abs(want)), R.mul(R.mul(R.fromNumber(n), u), magnitude));
        for (const got of [dot(B, x, y), matVec(B, [x], y)[0]]) {
          expect(R.cmp(R.abs(R.sub(exact(got), want)), allowed), `n = ${n}, k = ${k}`).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('unitVector is x/‖x‖ entry by entry within 8u', () => {
    fc.assert(
      fc.property(fc.array(arbEntry, { minLength: 1, maxLength: 12 }), (xs) => {
        const x = xs.map((t) => B.fromString(t));
        const got = unitVector(B, x);
        const length = R.sqrt(x.reduce((s: ReturnType<typeof exact>, v) => R.add(s, R.mul(exact(v), exact(v))), R.zero));
        if (R.cmp(length, R.zero) === 0) {
          expect(got).toBeUndefined();
          return;
        }
        const allowed = R.mul(R.fromNumber(8), u);
        got!.forEach((v, i) => expect(R.cmp(R.abs(R.sub(exact(v), R.div(exact(x[i]), length))), allowed)).toBeLessThanOrEqual(0));
      }),
      { numRuns: 500 },
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
