import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decimalBackend } from '../arith/decimal.js';
import { float64 } from '../arith/float64.js';
import { intervalBackend } from '../arith/interval.js';
import { arbPiecewiseQuadraticSpec } from '../generators/functions.js';
import { piecewiseQuadratic } from './piecewise-quadratic.js';
import type { PiecewiseQuadraticSpec } from './types.js';

// LB-D-NC-c's trap with x̂ = 1, β = 2, ρ = 0.3, s = 0.9ρ: f' has slopes +β, −β, +β cut at x̂ and
// x̂ + s, and f'(x̂) = β(2s − ρ) = 0.48.
const TRAP: PiecewiseQuadraticSpec = { family: 'piecewise-quadratic', beta: '2', coordinates: [{ breakpoints: ['1', '1.27'], slope: '0.48' }] };

describe('piecewise quadratics', () => {
  test("LB-D-NC-c's trap: f' is the piecewise-linear function of THEOREMS.md §4, and f* is the lower of its two local minima", () => {
    const B = decimalBackend(40);
    const f = piecewiseQuadratic(B, TRAP);
    const slope = (x: string) => B.toNumber(f.gradient([B.fromString(x)])[0]!);
    expect(slope('1')).toBeCloseTo(0.48, 30);
    expect(slope('1.27')).toBeCloseTo(-0.06, 30); // β(s − ρ) = 0.48 − 2·0.27
    expect(slope('1.3')).toBeCloseTo(0, 30); // f'(x̂ + ρ) = 0
    expect(slope('0.76')).toBeCloseTo(0, 30); // the other local minimum, x̂ − f'(x̂)/β
    // f(0.76) = −0.48²/(2·2) below F(1) = 0 and f(1.3) = 0.0558 above it: x* = 0.76.
    expect(B.toNumber(f.certificate.xStar![0]!)).toBeCloseTo(0.76, 30);
    expect(B.toNumber(f.gap([B.fromString('1.3')]))).toBeCloseTo(0.0558 + 0.0576, 30);
    expect(f.certificate.mu).toBeUndefined();
    expect(B.toNumber(f.certificate.curvature.lower)).toBe(-2);
  });

  test('f* = 0 is attained at x* with ∇f(x*) = 0, and f >= 0 on a fine grid around every breakpoint', () => {
    fc.assert(
      fc.property(arbPiecewiseQuadraticSpec({ maxDim: 3 }), (spec) => {
        const f = piecewiseQuadratic(float64, spec);
        const xStar = f.certificate.xStar!;
        expect(f.gap(xStar)).toBe(0);
        for (const g of f.gradient(xStar)) expect(Math.abs(g)).toBeLessThan(1e-9 * (1 + Math.abs(Number(spec.beta)) * Math.max(1, ...xStar.map(Math.abs))));
        spec.coordinates.forEach((c, i) => {
          const points = [...c.breakpoints.map(Number), xStar[i]!];
          const low = Math.min(...points) - 5;
          const high = Math.max(...points) + 5;
          for (let k = 0; k <= 400; k++) {
            const x = [...xStar];
            x[i] = low + ((high - low) * k) / 400;
            expect(f.gap(x)).toBeGreaterThanOrEqual(-1e-9 * (1 + Number(spec.beta) * (high - low) ** 2));
          }
        });
      }),
      { numRuns: 60 },
    );
  });

  test('∇f is continuous across every breakpoint (f is C¹)', () => {
    fc.assert(
      fc.property(arbPiecewiseQuadraticSpec({ maxDim: 2 }), (spec) => {
        const B = decimalBackend(50);
        const f = piecewiseQuadratic(B, spec);
        const base = f.certificate.xStar!;
        spec.coordinates.forEach((c, i) => {
          for (const b of c.breakpoints) {
            const at = (offset: string) => f.gradient(base.map((v, j) => (j === i ? B.add(B.fromString(b), B.fromString(offset)) : v)))[i]!;
            expect(Math.abs(B.toNumber(B.sub(at('1e-30'), at('-1e-30'))))).toBeLessThan(1e-28 * Number(spec.beta));
          }
        });
      }),
      { numRuns: 40 },
    );
  });

  test('in intervals the trap is enclosed tightly, and a bad spec names its field', () => {
    const I = intervalBackend(40);
    const f = piecewiseQuadratic(I, TRAP);
    expect(I.toNumber(f.gradient([I.fromString('1.1')])[0]!)).toBeCloseTo(0.28, 30);
    expect(() => piecewiseQuadratic(float64, { ...TRAP, coordinates: [{ breakpoints: ['1'], slope: '0' }] })).toThrow(/coordinates\[1\]\.breakpoints .* must have an even number/);
    expect(() => piecewiseQuadratic(float64, { ...TRAP, coordinates: [{ breakpoints: ['1', '1'], slope: '0' }] })).toThrow(/must increase strictly/);
    expect(() => piecewiseQuadratic(float64, { ...TRAP, beta: '-1' })).toThrow(/beta/);
  });
});
