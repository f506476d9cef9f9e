import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { decimalBackend } from './decimal.js';
import { IndeterminateError, intervalBackend, width, type Interval } from './interval.js';
import { executeRun } from '../algorithms/run-spec.js';
import { arbSigned } from '../generators/numbers.js';

const I = intervalBackend(30);
const R = decimalBackend(300); // the reference: 270 digits more than the intervals hold

function contains(a: Interval, exact: Decimal): boolean {
  return a.lo.lte(exact) && a.hi.gte(exact);
}

/** Width relative to the largest magnitude among `a` and `operands`, in units of 10^-30. */
function relativeWidth(a: Interval, ...operands: Interval[]): number {
  const scale = [a, ...operands].reduce((m, v) => Decimal.max(m, v.lo.abs(), v.hi.abs()), new Decimal(0));
  return scale.isZero() ? 0 : width(a).div(scale).times('1e30').toNumber();
}

const arbNumber = arbSigned(-3, 3, 12);

describe('the interval backend encloses the exact result of every operation', () => {
  const binary: [string, (x: Interval, y: Interval) => Interval, (x: Decimal, y: Decimal) => Decimal][] = [
    ['add', I.add, R.add],
    ['sub', I.sub, R.sub],
    ['mul', I.mul, R.mul],
    ['div', I.div, R.div],
  ];
  test.each(binary)('%s', (_, op, exact) => {
    fc.assert(
      fc.property(arbNumber, arbNumber, (a, b) => {
        fc.pre(_ !== 'div' || Number(b) !== 0);
        // Operands that are themselves intervals: a value rounded to 30 digits both ways.
        const x = I.div(I.fromString(a), I.fromNumber(3));
        const y = I.fromString(b);
        const result = op(x, y);
        expect(contains(result, exact(R.div(R.fromString(a), R.fromNumber(3)), R.fromString(b)))).toBe(true);
        // A few ulps: of the result for × and ÷, of the operands for + and − (a difference that
        // cancels is narrow only relative to what it subtracts).
        const additive = _ === 'add' || _ === 'sub';
        expect(additive ? relativeWidth(result, x, y) : relativeWidth(result)).toBeLessThan(50);
      }),
    );
  });

  const unary: [string, (x: Interval) => Interval, (x: Decimal) => Decimal, (a: number) => boolean][] = [
    ['sqrt', I.sqrt, R.sqrt, (a) => a >= 0],
    ['exp', I.exp, R.exp, (a) => Math.abs(a) < 100],
    ['log', I.log, R.log, (a) => a > 0],
    ['sin', I.sin, R.sin, () => true],
    ['cos', I.cos, R.cos, () => true],
  ];
  test.each(unary)('%s', (_, op, exact, inDomain) => {
    fc.assert(
      fc.property(arbNumber, (a) => {
        fc.pre(inDomain(Number(a)));
        const result = op(I.fromString(a));
        expect(contains(result, exact(R.fromString(a)))).toBe(true);
      }),
    );
  });

  test('cos and sin reach ±1 where the interval holds a critical point', () => {
    const around = (c: Decimal.Value, r: string): Interval => ({ lo: new Decimal(c).minus(r), hi: new Decimal(c).plus(r) });
    const pi = R.pi;
    expect(I.cos(around(0, '0.1')).hi.toString()).toBe('1');
    expect(I.cos(around(pi.toString(), '0.1')).lo.toString()).toBe('-1');
    expect(I.sin(around(pi.div(2).toString(), '0.01')).hi.toString()).toBe('1');
    expect(I.sin(around(pi.times(-0.5).toString(), '0.01')).lo.toString()).toBe('-1');
    expect(I.cos(around(1, '0.1')).hi.lt(1)).toBe(true);
    const wide = I.sin(around(0, '4'));
    expect([wide.lo.toString(), wide.hi.toString()]).toEqual(['-1', '1']);
  });

  test('pi is enclosed', () => {
    expect(contains(I.pi, R.pi)).toBe(true);
    expect(relativeWidth(I.pi)).toBeLessThan(5);
  });
});

describe('intervals of every width and sign', () => {
  /** An interval [c − r, c + r] (ends at 30 digits), r = 10^-k: from ones the centered form of cos and sin takes to wide ones. */
  const Exact = Decimal.clone({ precision: 100 });
  const around = (c: Decimal.Value, r: Decimal.Value): Interval => ({
    lo: new Exact(c).minus(r).toSignificantDigits(30, Decimal.ROUND_FLOOR),
    hi: new Exact(c).plus(r).toSignificantDigits(30, Decimal.ROUND_CEIL),
  });
  const arbWide = fc.tuple(arbNumber, fc.integer({ min: 0, max: 40 })).map(([c, k]) => around(c, `1e-${k}`));
  const Down = Decimal.clone({ precision: 30, rounding: Decimal.ROUND_FLOOR });
  const Up = Decimal.clone({ precision: 30, rounding: Decimal.ROUND_CEIL });
  const corners = (a: Interval, b: Interval): [Decimal, Decimal][] => [
    [a.lo, b.lo],
    [a.lo, b.hi],
    [a.hi, b.lo],
    [a.hi, b.hi],
  ];

  test.each(['mul', 'div'] as const)('%s picks the corners the signs select: the same ends as the extremes of all four, rounded outward', (op) => {
    fc.assert(
      fc.property(arbWide, arbWide, (a, b) => {
        fc.pre(op === 'mul' || b.lo.gt(0) || b.hi.lt(0));
        const result = I[op](a, b);
        expect(result.lo.eq(Down.min(...corners(a, b).map(([x, y]) => Down[op](x, y)))), 'lower end').toBe(true);
        expect(result.hi.eq(Up.max(...corners(a, b).map(([x, y]) => Up[op](x, y)))), 'upper end').toBe(true);
      }),
    );
  });

  test.each([
    ['sin', I.sin, R.sin],
    ['cos', I.cos, R.cos],
  ] as const)('%s encloses its value at the ends, the middle and a point between', (_, op, exact) => {
    fc.assert(
      fc.property(arbWide, fc.double({ min: 0, max: 1, noNaN: true }), (a, t) => {
        const result = op(a);
        const between = a.lo.plus(a.hi.minus(a.lo).times(t));
        for (const x of [a.lo, a.hi, a.lo.plus(a.hi).div(2), between]) expect(contains(result, exact(R.fromString(x.toString())))).toBe(true);
      }),
    );
  });

  test('a narrow interval around a critical point reaches its ±1, and one off it is as narrow as its slope makes it', () => {
    expect(I.sin(around(R.pi.div(2), '1e-20')).hi.toString()).toBe('1');
    expect(I.cos(around(R.pi, '1e-20')).lo.toString()).toBe('-1');
    // cos' = −sin(1) = −0.84: a radius of 10^-20 gives a width of 1.7·10^-20 and a little more.
    const off = I.cos(around(1, '1e-20'));
    expect(width(off).toNumber()).toBeGreaterThan(1.68e-20);
    expect(width(off).toNumber()).toBeLessThan(1.7e-20);
  });
});

describe('comparisons', () => {
  test('decided when the intervals are apart or equal points, indeterminate otherwise', () => {
    expect(I.cmp(I.fromNumber(1), I.fromNumber(2))).toBe(-1);
    expect(I.cmp(I.fromNumber(2), I.fromNumber(1))).toBe(1);
    expect(I.cmp(I.fromString('0.5'), I.fromString('0.5'))).toBe(0);
    const third = I.div(I.one, I.fromNumber(3));
    expect(() => I.cmp(third, third)).toThrow(IndeterminateError);
    expect(() => I.div(I.one, I.sub(third, third))).toThrow('division by an interval that contains 0');
  });

  // One-character changes no other test noticed (npm run mutation): touching ends taken as an
  // order, a point taken for an interval equal to it.
  test('touching or overlapping enclosures are not ordered; a point equals only the same point', () => {
    const iv = (lo: string, hi: string): Interval => ({ lo: new Decimal(lo), hi: new Decimal(hi) });
    for (const [a, b] of [[iv('0', '1'), iv('1', '2')], [iv('1', '2'), iv('0', '1')], [iv('1', '2'), iv('1', '2')], [iv('1', '1'), iv('1', '2')], [iv('1', '2'), iv('1', '1')], [iv('1', '2'), iv('2', '2')]] as const) {
      expect(() => I.cmp(a, b)).toThrow(/the order of .* is not decided/);
    }
    expect(() => I.cmp(iv('0', '1'), iv('1', '2'))).toThrow('the order of [0, 1] and [1, 2] is not decided');
    expect(I.cmp(iv('1', '1'), iv('1', '1'))).toBe(0);
  });
});

describe('domains, and the small operations', () => {
  const iv = (lo: string, hi: string): Interval => ({ lo: new Decimal(lo), hi: new Decimal(hi) });
  const ends = (a: Interval) => [a.lo.toString(), a.hi.toString()];

  test('0 and ∞ are refused where an enclosure could hold them: a divisor touching 0, √ below 0, log at 0', () => {
    expect(() => I.div(I.one, iv('0', '1'))).toThrow(/contains 0/);
    expect(() => I.div(I.one, iv('-1', '0'))).toThrow(/contains 0/);
    expect(() => I.sqrt(iv('-2', '-1'))).toThrow(/square root/);
    expect(ends(I.sqrt(iv('-1', '0')))).toEqual(['0', '0']);
    expect(() => I.log(iv('0', '1'))).toThrow(/reaches 0/);
    expect(() => I.log(iv('-1', '1'))).toThrow(/reaches 0/);
    expect(I.isFinite(iv('0', 'Infinity'))).toBe(false);
    expect(I.isFinite(iv('-Infinity', '0'))).toBe(false);
    expect(I.isFinite(iv('-1', '1'))).toBe(true);
  });

  test('|x|, min, max, the midpoint, the unit roundoff and the texts', () => {
    expect(ends(I.abs(iv('-1', '2')))).toEqual(['0', '2']);
    expect(ends(I.abs(iv('-3', '2')))).toEqual(['0', '3']);
    expect(ends(I.abs(iv('-3', '-2')))).toEqual(['2', '3']);
    expect(ends(I.abs(iv('2', '3')))).toEqual(['2', '3']);
    expect(ends(I.min(iv('0', '3'), iv('1', '2')))).toEqual(['0', '2']);
    expect(ends(I.max(iv('0', '3'), iv('1', '2')))).toEqual(['1', '3']);
    expect(I.toNumber(iv('1', '4'))).toBe(2.5);
    expect(ends(I.unitRoundoff)).toEqual(['5e-30', '5e-30']);
    expect(I.toString(iv('1', '2'))).toBe('[1, 2]');
    expect(I.toString(iv('1', '1'))).toBe('1');
    expect(I.name).toBe('interval');
    expect(I.precision).toBe(30);
    expect(() => I.fromString('1e')).toThrow('not a decimal literal: "1e"');
    expect(new IndeterminateError('x').name).toBe('IndeterminateError');
  });

  test('cos and sin stay as tight as their arguments allow: sin 0 to the exponent range, cos on [0.1, 0.2] inside (0.98, 0.996), and all of [−1, 1] far out', () => {
    const sinZero = I.sin(I.zero);
    expect(width(sinZero).lt('1e-1000')).toBe(true);
    const cosNear = I.cos(iv('0.1', '0.2'));
    expect([cosNear.lo.gt('0.98'), cosNear.hi.lt('0.996')]).toEqual([true, true]);
    const sinNear = I.sin(iv('-0.2', '-0.1'));
    expect([sinNear.lo.gt('-0.2'), sinNear.hi.lt('-0.09')]).toEqual([true, true]);
    // Beyond 10^15 multiples of π cannot be counted in float64: the whole range, at once.
    expect(ends(I.cos(iv('1e20', '1.00000000000000000001e20')))).toEqual(['-1', '1']);
  });

  // Moore's nine sign cases of a product and the six of a quotient, each against all four corners.
  const Wide = Decimal.clone({ precision: 60 });
  test('× and ÷ in every sign case equal the hull of the four corners, rounded outward', () => {
    const shapes = [iv('2', '3'), iv('-3', '-2'), iv('-2', '3'), iv('-3', '2'), iv('0', '3'), iv('-3', '0')];
    const hull = (a: Interval, b: Interval, op: (x: Decimal, y: Decimal) => Decimal) => {
      const corners = [op(a.lo, b.lo), op(a.lo, b.hi), op(a.hi, b.lo), op(a.hi, b.hi)];
      return [Decimal.min(...corners), Decimal.max(...corners)];
    };
    for (const a of shapes) {
      for (const b of shapes) {
        const [lo, hi] = hull(a, b, (x, y) => x.times(y));
        const product = I.mul(a, b);
        expect([product.lo.eq(lo!), product.hi.eq(hi!)], `${ends(a)} × ${ends(b)}`).toEqual([true, true]);
        if (b.lo.gt(0) || b.hi.lt(0)) {
          const [qlo, qhi] = hull(a, b, (x, y) => new Wide(x).div(y));
          const quotient = I.div(a, b);
          expect([quotient.lo.lte(qlo!), quotient.hi.gte(qhi!), qlo!.minus(quotient.lo).abs().lt('1e-28'), quotient.hi.minus(qhi!).abs().lt('1e-28')], `${ends(a)} ÷ ${ends(b)}`).toEqual([true, true, true, true]);
        }
      }
    }
  });
});

describe('a SAM run in interval arithmetic', () => {
  const run = {
    algorithm: 'sam' as const,
    function: { family: 'quadratic' as const, eigenvalues: ['4', '1', '1/3'], rotationSeed: 5 },
    x0: ['1', '-2', '0.5'],
    eta: '0.2',
    rho: '0.05',
    steps: 50,
  };

  test('encloses the 300-digit trajectory at every step', () => {
    const enclosed = executeRun(intervalBackend(100), run).trajectory;
    const exact = executeRun(R, run).trajectory;
    enclosed.iterates.forEach((x, t) => x.forEach((xi, i) => expect(contains(xi, exact.iterates[t]![i]!), `x_${t},${i}`).toBe(true)));
    enclosed.gap.forEach((g, t) => expect(contains(g, exact.gap[t]!), `gap ${t}`).toBe(true));
    enclosed.gradNormSq.forEach((g, t) => expect(contains(g, exact.gradNormSq[t]!), `‖∇f‖² ${t}`).toBe(true));
  });

  test('widens by the wrapping effect, and says so when it can no longer decide', () => {
    // With a rotated matrix each product widens the enclosure by the absolute row sums (about 2x
    // per step here), and SAM's normalized ascent near x* multiplies that: 30 digits last 46 steps.
    expect(() => executeRun(I, run)).toThrow(IndeterminateError);
    const short = executeRun(I, { ...run, steps: 20 }).trajectory;
    expect(relativeWidth(short.gap[20]!)).toBeLessThan(1e12);
  });
});
