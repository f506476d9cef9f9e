import { describe, expect, test } from 'vitest';
import { decimalBackend } from '../arith/decimal.js';
import { float64 } from '../arith/float64.js';
import { intervalBackend } from '../arith/interval.js';
import { InputError } from '../errors.js';
import { parseFormula } from './formula.js';

const NAMES = ['beta', 'eta', 'rho', 'T', 'C'];

describe('bound formulas', () => {
  test('precedence, associativity and functions, in float64', () => {
    const at = (text: string, values: Record<string, number> = {}) => parseFormula('f', text, NAMES).evaluate(float64, values);
    expect(at('1 + 2*3 - 4/2')).toBe(5);
    expect(at('2^3^2')).toBe(512);
    expect(at('-2^2')).toBe(-4);
    expect(at('(1 - 1/2)^T', { T: 3 })).toBe(0.125);
    expect(at('min(3, 1, 2) + max(1, 5) + abs(-2) + sqrt(16)')).toBe(12);
    expect(at('exp(log(7))')).toBeCloseTo(7, 14);
    expect(at('C*beta^4*eta^2*rho^2', { C: 2, beta: 2, eta: 0.5, rho: 3 })).toBe(2 * 16 * 0.25 * 9);
    expect(at('1e-3 + .5')).toBe(0.501);
  });

  test('exact in decimal: whole powers by multiplication, numbers as written', () => {
    const B = decimalBackend(50);
    const f = parseFormula('f', '(1 - 1/4)^T * 4^T', NAMES);
    expect(B.toString(f.evaluate(B, { T: B.fromNumber(5) }))).toBe('243');
    expect(B.toString(parseFormula('f', '0.1 + 0.2', NAMES).evaluate(B, {}))).toBe('0.3');
  });

  test('intervals enclose the value', () => {
    const I = intervalBackend(30);
    const value = parseFormula('f', '1/3 + 1/3 + 1/3', NAMES).evaluate(I, {});
    expect(I.toNumber(value)).toBeCloseTo(1, 25);
  });

  test('names used are listed', () => {
    expect([...parseFormula('f', 'beta*rho + T', NAMES).names].sort()).toEqual(['T', 'beta', 'rho']);
  });

  test.each([
    ['', /must be a formula/],
    ['beta +', /unexpected end/],
    ['gamma*2', /unknown name gamma \(known: beta, eta, rho, T, C\) \(at character 1\)/],
    ['cos(1)', /unknown function cos/],
    ['sqrt(1, 2)', /sqrt takes one argument/],
    ['(beta', /expected "\)"/],
    ['beta # 2', /unexpected "#" \(at character 6\)/],
    ['beta 2', /unexpected "2"/],
  ])('%j is rejected with the field, the text and where', (text, rule) => {
    let error: unknown;
    try {
      parseFormula('claim.bound', text, NAMES);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe('claim.bound');
    expect((error as InputError).message).toMatch(rule);
  });
});
