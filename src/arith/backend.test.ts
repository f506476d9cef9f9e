import { describe, expect, test } from 'vitest';
import { Decimal } from 'decimal.js';
import type { Backend } from './backend.js';
import { decimalBackend } from './decimal.js';
import { float64 } from './float64.js';
import { doubleDoubleBackend } from './double-double.js';
import { quadDoubleBackend } from './quad-double.js';
import { isZero, ratio, sign } from './scalar.js';

// The first 100 digits of pi, from a reference table.
const PI_100 =
  '3.141592653589793238462643383279502884197169399375105820974944592307816406286208998628034825342117068';

const backends: [string, Backend<unknown>][] = [
  ['float64', float64 as Backend<unknown>],
  ['decimal at 40 digits', decimalBackend(40) as Backend<unknown>],
  ['double-double', doubleDoubleBackend() as Backend<unknown>],
  ['quad-double', quadDoubleBackend() as Backend<unknown>],
];

describe.each(backends)('the %s backend', (_, B) => {
  test('reads decimal literals and rejects everything else', () => {
    expect(B.toNumber(B.fromString('-1.25e-3'))).toBe(-0.00125);
    expect(B.toNumber(B.fromString('.5'))).toBe(0.5);
    for (const junk of ['', 'abc', '1e', '0x10', 'NaN', 'Infinity', '1,5', ' 1']) {
      expect(() => B.fromString(junk), junk).toThrow(SyntaxError);
    }
  });

  test('arithmetic and comparisons', () => {
    const two = B.fromNumber(2);
    const three = B.fromNumber(3);
    expect(B.toNumber(B.add(two, three))).toBe(5);
    expect(B.toNumber(B.sub(two, three))).toBe(-1);
    expect(B.toNumber(B.mul(two, three))).toBe(6);
    expect(B.toNumber(B.div(three, two))).toBe(1.5);
    expect(B.cmp(two, three)).toBe(-1);
    expect(B.cmp(three, two)).toBe(1);
    expect(B.cmp(two, B.fromString('2.0'))).toBe(0);
    expect(sign(B, B.neg(two))).toBe(-1);
    expect(isZero(B, B.sub(two, two))).toBe(true);
    expect(B.toNumber(B.abs(B.fromNumber(-4)))).toBe(4);
  });

  test('elementary functions agree with Math to float64 accuracy', () => {
    const x = B.fromString('0.7');
    const close = (a: unknown, b: number) => expect(Math.abs(B.toNumber(a) - b)).toBeLessThanOrEqual(4e-16 * Math.max(1, Math.abs(b)));
    close(B.sqrt(x), Math.sqrt(0.7));
    close(B.exp(x), Math.exp(0.7));
    close(B.log(x), Math.log(0.7));
    close(B.sin(x), Math.sin(0.7));
    close(B.cos(x), Math.cos(0.7));
    close(B.pi, Math.PI);
  });

  test('the unit roundoff bounds the error of one rounded operation', () => {
    const third = ratio(B, 1, 3);
    const error = B.abs(B.sub(B.mul(third, B.fromNumber(3)), B.one));
    expect(B.cmp(error, B.mul(B.fromNumber(3), B.unitRoundoff))).toBeLessThanOrEqual(0);
  });

  test('toString round-trips every digit', () => {
    const third = ratio(B, 1, 3);
    expect(B.cmp(B.fromString(B.toString(third)), third)).toBe(0);
    expect(B.toString(B.neg(B.zero))).toBe('0');
  });
});

describe('the decimal backend', () => {
  test('holds exactly the requested number of significant digits', () => {
    for (const p of [10, 60, 200]) {
      const B = decimalBackend(p);
      expect(B.toString(ratio(B, 1, 3))).toBe(`0.${'3'.repeat(p)}`);
      expect(B.toString(B.fromString(`1.${'2'.repeat(p + 10)}`))).toBe(`1.${'2'.repeat(p - 1)}`);
    }
  });

  test('pi is correct to the working precision', () => {
    expect(decimalBackend(60).toString(decimalBackend(60).pi)).toBe(PI_100.slice(0, 61));
  });

  test('precisions are isolated from each other and from the global Decimal', () => {
    const globalPrecision = Decimal.precision;
    const low = decimalBackend(12);
    const high = decimalBackend(90);
    expect(low.toString(low.sqrt(low.fromNumber(2))).length).toBe(13);
    expect(high.toString(high.sqrt(high.fromNumber(2))).length).toBe(91);
    expect(decimalBackend(12)).toBe(low);
    expect(Decimal.precision).toBe(globalPrecision);
  });

  test('precision must be a whole number in the supported range', () => {
    for (const bad of [0, 9, 1001, 60.5, Number.NaN]) {
      expect(() => decimalBackend(bad), String(bad)).toThrow(/invalid precision = .*: must be a whole number of significant digits from 10 to 1000/);
    }
  });
});

describe('the float64 backend', () => {
  test('refuses to order NaN', () => {
    expect(() => float64.cmp(Number.NaN, 1)).toThrow(RangeError);
  });
});
