import { describe, expect, test } from 'vitest';
import { studentTCdf, studentTQuantile } from './student-t.js';

describe("Student's t", () => {
  test.each([
    // Quantiles from standard tables (two-sided 98% and 99%, and one-sided 95%).
    [0.99, 1, 31.821],
    [0.99, 9, 2.821],
    [0.995, 9, 3.25],
    [0.95, 30, 1.697],
    [0.99, 63, 2.387],
    [0.995, 1e6, 2.5758],
  ])('the %s quantile with ν = %s is %s', (p, dof, expected) => {
    expect(studentTQuantile(p, dof)).toBeCloseTo(expected, 3);
  });

  test('the CDF is symmetric and inverts the quantile', () => {
    for (const dof of [2, 5, 17, 200]) {
      for (const t of [-3, -0.4, 0, 1.2, 6]) expect(studentTCdf(t, dof) + studentTCdf(-t, dof)).toBeCloseTo(1, 12);
      for (const p of [0.001, 0.2, 0.5, 0.9, 0.9999]) expect(studentTCdf(studentTQuantile(p, dof), dof)).toBeCloseTo(p, 10);
    }
  });

  test('refuses probabilities outside (0, 1)', () => {
    expect(() => studentTQuantile(1, 5)).toThrow(RangeError);
  });
});
