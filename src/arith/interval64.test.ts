import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decimalBackend } from './decimal.js';
import { exactDecimal, interval64, nextDown, nextUp, type Interval64 } from './interval64.js';
import { executeRun } from '../algorithms/run-spec.js';

const R = decimalBackend(200);
const exact = (x: number) => R.fromString(exactDecimal(x));
const contains = (a: Interval64, v: ReturnType<typeof exact>) => R.cmp(exact(a.lo), v) <= 0 && R.cmp(v, exact(a.hi)) <= 0;
const arbDouble = fc.double({ min: -1e10, max: 1e10, noNaN: true }).filter((x) => Math.abs(x) > 1e-10);
const thin = (x: number): Interval64 => ({ lo: x, hi: x });

describe('the float64 interval backend', () => {
  test('nextUp and nextDown step one ulp, through 0 and across signs', () => {
    expect(nextUp(1)).toBe(1 + Number.EPSILON);
    expect(nextDown(1)).toBe(1 - Number.EPSILON / 2);
    expect(nextUp(0)).toBe(Number.MIN_VALUE);
    expect(nextDown(0)).toBe(-Number.MIN_VALUE);
    expect(nextUp(-1)).toBe(-1 + Number.EPSILON / 2);
    expect(nextUp(Number.MAX_VALUE)).toBe(Infinity);
  });

  test('exactDecimal gives every digit of a double', () => {
    expect(exactDecimal(0.1)).toBe('0.1000000000000000055511151231257827021181583404541015625');
    expect(exactDecimal(-2.5)).toBe('-2.5');
    expect(exactDecimal(2 ** 60)).toBe('1152921504606846976');
    expect(exactDecimal(Number.MIN_VALUE).length).toBe(1076);
  });

  test('+, −, ×, ÷, √, exp, log, sin and cos enclose the exact result on 5,000 random operands', () => {
    fc.assert(
      fc.property(arbDouble, arbDouble, (x, y) => {
        const [a, b] = [thin(x), thin(y)];
        const [X, Y] = [exact(x), exact(y)];
        const I = interval64;
        expect(contains(I.add(a, b), R.add(X, Y))).toBe(true);
        expect(contains(I.sub(a, b), R.sub(X, Y))).toBe(true);
        expect(contains(I.mul(a, b), R.mul(X, Y))).toBe(true);
        expect(contains(I.div(a, b), R.div(X, Y))).toBe(true);
        expect(contains(I.sqrt(I.abs(a)), R.sqrt(R.abs(X)))).toBe(true);
        expect(contains(I.log(I.abs(a)), R.log(R.abs(X)))).toBe(true);
        const small = thin(x / 1e9);
        expect(contains(I.exp(small), R.exp(exact(small.lo)))).toBe(true);
        expect(contains(I.sin(a), R.sin(X))).toBe(true);
        expect(contains(I.cos(a), R.cos(X))).toBe(true);
      }),
      { numRuns: 600 },
    );
  });

  test('literals and numbers are enclosed as decimals (0.1 is not the double 0.1)', () => {
    expect(contains(interval64.fromString('0.1'), R.fromString('0.1'))).toBe(true);
    expect(contains(interval64.fromNumber(0.1), R.fromString('0.1'))).toBe(true);
    expect(interval64.fromNumber(3)).toEqual({ lo: 3, hi: 3 });
    expect(contains(interval64.pi, R.pi)).toBe(true);
  });

  test('a short SAM run in float64 intervals encloses the run at 60 digits', () => {
    const spec = { algorithm: 'sam', function: { family: 'quadratic' as const, eigenvalues: ['3', '1'], rotationSeed: 2 }, x0: ['1', '-0.5'], eta: '0.1', rho: '0.05', steps: 20 };
    const D = decimalBackend(60);
    const enclosed = executeRun(interval64, spec).trajectory.iterates;
    const reference = executeRun(D, spec).trajectory.iterates;
    enclosed.forEach((x, t) => x.forEach((xi, i) => expect(contains(xi, R.fromString(D.toString(reference[t]![i]!))), `x_${t}[${i}]`).toBe(true)));
    // Wrapping about doubles the width per step: 2^20·2^-53 ≈ 10^-10 of the start's scale (1).
    const last = enclosed.at(-1)![0]!;
    expect(last.hi - last.lo).toBeLessThan(1e-9);
  });

  // Each of these is a one-character change to the backend that no other test noticed (npm run
  // mutation): a point where an enclosure must be wide, an order taken from touching ends, a
  // domain not refused.
  test('the ends of the number line: nextUp(+∞) is +∞, nextDown(−∞) is −∞, and a subnormal\'s digits are its own', () => {
    expect(nextUp(Infinity)).toBe(Infinity);
    expect(nextDown(-Infinity)).toBe(-Infinity);
    expect(Number.isNaN(nextUp(NaN))).toBe(true);
    for (const x of [Number.MIN_VALUE, 3 * Number.MIN_VALUE, 2 ** -1030, -(2 ** -1040) * 5]) expect(Number(exactDecimal(x))).toBe(x);
    expect(exactDecimal(-0.1)).toBe('-0.1000000000000000055511151231257827021181583404541015625');
  });

  test('a whole number beyond 2^53 is no point: 2^60 + 1 written out is enclosed, not rounded to 2^60', () => {
    const literal = '1152921504606846977';
    const enclosure = interval64.fromString(literal);
    expect(contains(enclosure, R.fromString(literal))).toBe(true);
    expect(enclosure.lo).toBeLessThan(enclosure.hi);
    expect(interval64.fromNumber(2 ** 53)).toEqual({ lo: 2 ** 53, hi: 2 ** 53 });
    expect(() => interval64.fromString('1e')).toThrow('not a decimal literal: "1e"');
  });

  test('an order is decided only when the enclosures are apart, or the same point', () => {
    const I = interval64;
    const iv = (lo: number, hi: number): Interval64 => ({ lo, hi });
    expect(I.cmp(iv(0, 1), iv(2, 3))).toBe(-1);
    expect(I.cmp(iv(2, 3), iv(0, 1))).toBe(1);
    expect(I.cmp(iv(1, 1), iv(1, 1))).toBe(0);
    for (const [a, b] of [[iv(0, 1), iv(1, 2)], [iv(1, 2), iv(0, 1)], [iv(1, 2), iv(1, 2)], [iv(1, 1), iv(1, 2)], [iv(1, 2), iv(1, 1)], [iv(1, 2), iv(2, 2)]] as const) {
      expect(() => I.cmp(a, b)).toThrow(/the order of .* is not decided/);
    }
    expect(() => I.cmp(iv(0, 1), iv(1, 2))).toThrow('the order of [0, 1] and [1, 2] is not decided');
  });

  test('domains are refused where an enclosure could hold 0 or ∞: division, 0·∞, √ and log, transcendental functions of unbounded intervals', () => {
    const I = interval64;
    const iv = (lo: number, hi: number): Interval64 => ({ lo, hi });
    expect(() => I.div(thin(1), iv(0, 1))).toThrow(/contains 0/);
    expect(() => I.div(thin(1), iv(-1, 0))).toThrow(/contains 0/);
    expect(() => I.mul(thin(0), iv(1, Infinity))).toThrow(/0 · ∞/);
    expect(() => I.sqrt(iv(-2, -1))).toThrow(/square root/);
    expect(I.sqrt(iv(-1, 0)).lo).toBe(0);
    expect(() => I.log(iv(0, 1))).toThrow(/reaches 0/);
    expect(() => I.exp(iv(0, Infinity))).toThrow(/unbounded/);
    expect(I.isFinite(iv(0, Infinity))).toBe(false);
    expect(I.isFinite(iv(-Infinity, 0))).toBe(false);
    expect(I.isFinite(iv(-1, 1))).toBe(true);
  });

  test('|x|, min, the midpoint, the unit roundoff and the texts', () => {
    const I = interval64;
    const iv = (lo: number, hi: number): Interval64 => ({ lo, hi });
    expect(I.abs(iv(-1, 2))).toEqual(iv(0, 2));
    expect(I.abs(iv(-3, 2))).toEqual(iv(0, 3));
    expect(I.abs(iv(-3, -2))).toEqual(iv(2, 3));
    expect(I.min(iv(0, 3), iv(1, 2))).toEqual(iv(0, 2));
    expect(I.max(iv(0, 3), iv(1, 2))).toEqual(iv(1, 3));
    expect(I.toNumber(iv(1, 4))).toBe(2.5);
    expect(I.unitRoundoff).toEqual(iv(2 ** -53, 2 ** -53));
    expect(I.toString(iv(1, 2))).toBe('[1, 2]');
    expect(I.toString(thin(1))).toBe('1');
    expect(I.name).toBe('interval64');
  });
});

