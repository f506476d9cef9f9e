import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
function codeUnderTest(n: number): number {
  if (n > 7) throw new RangeError(`n = ${n} is out of range`);
  return n;
}
describe('a suite (with parentheses)', () => {
  test('a property whose code throws', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1000 }), (n) => codeUnderTest(n) >= 0));
  });
  test('code that throws outside any property', () => {
    codeUnderTest(8);
  });
  test('an assertion', () => {
    expect(1 + 1).toBe(3);
  });
  test('a passing neighbour', () => {
    expect(codeUnderTest(1)).toBe(1);
  });
});
