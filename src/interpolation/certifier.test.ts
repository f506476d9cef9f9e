/**
 * The class-wide certifier cannot lie (certify.ts): data that no function of the class has, by a
 * margin smaller than the width of the enclosures at a low working precision, are refused, never
 * certified. A certifier that took a pair's condition as proven when its enclosure's upper end is
 * >= 0 (rather than its lower end) certifies them, and fails here.
 */
import { describe, expect, test } from 'vitest';
import { METHODS } from '../algorithms/ascent.js';
import { runInstance } from '../algorithms/run-spec.js';
import { certifyData, type DataText } from './certify.js';
import type { Goal, Setting } from './problem.js';

/** f(x_1) − f*: what the data say of one step. */
const gapAfterOneStep: Goal = { id: 'f(x_1) − f*', measure: (_B, spec, instance, method) => ({ value: runInstance(spec, instance, method).gap[spec.steps]! }) };

// One gradient step with η = 1/β on f(x) = x²/2 (β = 1, convex) from x0 = s lands on x* = 0:
// the data x0 = s, (g0, f0) = (s, s²/2), (g1, f1) = (0, 0) are those of f, written exactly (s² has
// 58 digits). f's curvature is β itself, so every pair's condition holds with equality. Lowering
// f0 by 1e-35 breaks the pairs of x_0 with x_1 and with x* (the same point, 0), as
// f_0 >= f_1 + ⟨g_1, x_0 − x_1⟩ + |g_0 − g_1|²/(2β), by 1e-35 and nothing else: at 80 digits the
// enclosures are exact and show it; at 10 to 30 digits every enclosure straddles 0.
const setting: Setting = { cls: 'convex', beta: '1', eta: '1', rho: '1', steps: 1, dim: 1, method: METHODS.gd };
const data = (f0: string): DataText => ({ x0: ['0.12345678901234567890123456789'], answers: [{ g: ['0.12345678901234567890123456789'], f: f0 }, { g: ['0'], f: '0' }] });
const exactF0 = '0.00762078937661941837524767578126809939375095259993750952605';
const lowered = '0.00762078937661941837524767578126808939375095259993750952605';

describe('class-wide data with a margin negative by less than its enclosure', () => {
  test('the data of the function itself are certified (the test is about the margin, not the setup)', () => {
    const certification = certifyData(setting, gapAfterOneStep, data(exactF0));
    expect(certification.holds, certification.problem).toBe(true);
  });

  test.each([10, 20, 30])('f0 lowered by 1e-35, at %i digits: refused, never certified', (precision) => {
    const certification = certifyData(setting, gapAfterOneStep, data(lowered), precision);
    expect(certification.holds).toBe(false);
    expect(certification.problem).toMatch(/^the interpolation inequality of .* does not hold: its margin lies in \[-[\d.e-]+, [\d.e-]+\]/);
  });

  test("at the certifier's own precision the enclosure is narrow enough to name the pair", () => {
    const certification = certifyData(setting, gapAfterOneStep, data(lowered));
    expect(certification.holds).toBe(false);
    expect(certification.problem).toMatch(/^the interpolation inequality of point 1 and point 2 does not hold: its margin lies in \[-2e-35, -2e-35\]/);
  });
});

describe('what a certification carries', () => {
  test('convex data: the proven lower end of the value and its enclosure', () => {
    const certification = certifyData(setting, gapAfterOneStep, data(exactF0));
    expect(certification.enclosure).toEqual([certification.value, expect.any(String)]);
    const [lo, hi] = certification.enclosure!.map(Number);
    expect(lo).toBeLessThanOrEqual(hi!);
    expect(certification.explicit).toBeUndefined();
  });

  // The nonconvex class: the data fix no f*, so the value is taken on the explicit interpolant
  // through them (explicit.ts), which the certification names.
  test('the same data in the smooth class: certified on the explicit function through them, which it carries', () => {
    const certification = certifyData({ ...setting, cls: 'smooth' }, gapAfterOneStep, data(exactF0));
    expect(certification.holds, certification.problem).toBe(true);
    expect(certification.explicit?.family).toBe('piecewise-quadratic');
    expect(certification.enclosure?.[0]).toBe(certification.value);
  });
});

