/**
 * Corners adapted to the claim they serve (src/generators/corners.ts): inside the claim's ranges,
 * each construction is drawn where it still witnesses.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { RunSpec } from '../algorithms/run-spec.js';
import { defineConjecture } from '../conjectures/define.js';
import { cardById } from '../theorems/catalog.js';
import type { Card } from '../theorems/card.js';
import { cyclePoint, shapeFor } from './cases.js';
import { cornersOf, type CornerName } from './corners.js';

function drawn(card: Card, name: CornerName, count = 200): RunSpec[] {
  const corner = cornersOf(card, shapeFor(card)).find((c) => c.name === name);
  expect(corner, name).toBeDefined();
  return fc.sample(corner!.arbitrary, { numRuns: count, seed: 11 }) as RunSpec[];
}

const dnc = cardById('D-NC');
const lowerHalf = defineConjecture({ id: 'D-NC-lower-eta-test', statement: "D-NC's bound for η <= 1/(2β)", class: 'smooth', algorithm: 'sam', eta: { max: '1/2' }, measure: 'avgGradNormSq', claim: { bound: dnc.formula! }, constants: { c: '0.8' } });

describe('corners adapted to the claim', () => {
  test("LB-D-NC-q alternation: at the range's top η, and half the starts on the cycle itself", () => {
    const cases = drawn(dnc, 'LB-D-NC-q alternation');
    expect(cases.every((c) => JSON.stringify(c.eta) === JSON.stringify({ overBeta: '1' }))).toBe(true);
    const onCycle = cases.filter((c) => JSON.stringify(c.x0) === JSON.stringify(cyclePoint(c.function, c.rho!, c.eta, 1, 0)));
    expect(onCycle.length).toBeGreaterThan(cases.length / 4);
  });

  test("LB-D-NC-c piecewise trap: half the cases at x̂, with the claim's largest η and longest horizon, on the strongest cuts", () => {
    const cases = drawn(lowerHalf, 'LB-D-NC-c piecewise trap');
    const longest = Math.max(...cases.map((c) => c.steps));
    const adapted = cases.filter((c) => {
      if (c.function.family !== 'piecewise-quadratic') return false;
      const [hat, cut] = c.function.coordinates[0]!.breakpoints.map(Number) as [number, number];
      const strongest = (cut - hat) / Number(c.rho) >= 0.99 - 1e-9;
      return strongest && c.x0[0] === String(hat) && JSON.stringify(c.eta) === JSON.stringify({ overBeta: '0.5' }) && c.steps === longest;
    });
    expect(adapted.length).toBeGreaterThan(cases.length / 4);
  });
});
