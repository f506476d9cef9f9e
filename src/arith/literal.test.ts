import { describe, expect, test } from 'vitest';
import { decimalBackend } from './decimal.js';
import { float64 } from './float64.js';
import { isNumberText, parseList, parseNumber, splitMatrixText, splitNumberList } from './literal.js';
import { InputError } from '../errors.js';

const B = decimalBackend(30);

describe('number texts', () => {
  test('decimals and fractions are exact until the backend rounds them', () => {
    expect(B.toString(parseNumber(B, 'eta', '1/3'))).toBe(`0.${'3'.repeat(30)}`);
    expect(B.toString(parseNumber(B, 'eta', ' 2e-1 / 7 '))).toBe(B.toString(B.div(B.fromString('0.2'), B.fromNumber(7))));
    expect(parseNumber(float64, 'eta', '0.1')).toBe(0.1);
    expect(isNumberText('1/3')).toBe(true);
    expect(isNumberText('1/3/4')).toBe(false);
  });

  test('a malformed number names the field, the value and the rule', () => {
    const error = (() => {
      try {
        parseNumber(B, 'rho', 'ten');
      } catch (e) {
        return e as InputError;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect(error!.field).toBe('rho');
    expect(error!.message).toBe('invalid rho = "ten": must be a finite number such as 0.25, -3e-4 or a fraction such as 1/3');
    expect(() => parseNumber(B, 'eta', '1/0')).toThrow('invalid eta = "1/0": the denominator of a fraction must not be 0');
  });

  test('lists name the entry that is wrong, counting from 1', () => {
    expect(parseList(B, 'x0', '1,-2.5,1/4').map((v) => B.toString(v))).toEqual(['1', '-2.5', '0.25']);
    expect(() => parseList(B, 'x0', '1,,3')).toThrow('invalid x0[2] = "": must be a finite number');
    expect(() => splitNumberList('--eigenvalues', '4,x')).toThrow('invalid --eigenvalues[2] = "x"');
    expect(() => parseList(B, 'x0', '')).toThrow('invalid x0 = "": must be a comma-separated list');
  });

  test('matrices must be square', () => {
    expect(splitMatrixText('--matrix', '2,1;1,3')).toEqual([
      ['2', '1'],
      ['1', '3'],
    ]);
    expect(() => splitMatrixText('--matrix', '2,1;1')).toThrow('must be square: row 2 has 1 entries but there are 2 rows');
  });
});
