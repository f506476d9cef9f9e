/**
 * The certifiers cannot lie: each is handed a case whose margin is negative by less than the width
 * of its enclosure at a low working precision, and must refuse to certify it (say nothing, or find
 * the violation at a higher precision), never call it `certified` and holding. A certifier that read
 * an enclosure's upper end where its lower end decides (an interval straddling 0 taken as >= 0)
 * fails here at once. The class-wide certifier's twin is in src/interpolation/certifier.test.ts.
 */
import { describe, expect, test } from 'vitest';
import type { RunSpec } from '../algorithms/run-spec.js';
import { countingBackend } from '../arith/counting.js';
import { float64 } from '../arith/float64.js';
import { defineConjecture } from '../conjectures/define.js';
import { L1 } from '../theorems/l1.js';
import type { Card } from '../theorems/card.js';
import { Decimal } from 'decimal.js';
import { certify, decimalEnds, float64Ends } from './certify.js';
import { observe } from './observe.js';
import { judgeCase } from './verdict.js';

function unitsOf(card: Card & { scope: 'step' | 'run' }, spec: RunSpec, constants: Record<string, string>): number {
  const counting = countingBackend(float64);
  observe(counting.backend, card, spec, { constants });
  return counting.units();
}

// L1 on an isotropic quadratic: ‖δ‖ = βρ exactly, so with c = 1 − 10^-20 the margin c·βρ − ‖δ‖ is
// −10^-20·βρ: a violation far inside float64's rounding and inside decimal intervals at 15 digits.
const isotropic: RunSpec = { algorithm: 'sam', function: { family: 'quadratic', eigenvalues: ['3', '3'] }, x0: ['1', '2'], eta: '0.1', rho: '0.7', steps: 1 };
const justBelowOne = { c: '0.99999999999999999999' };

// A run: SAM on (β/2)x² with β = 2, η = 1/2, ρ = 1/2 from x0 = r* = ηβρ/(2 − ηβ) = 1/2 is LB-D-SC's
// 2-cycle ±1/2 from its first step, every number exact in binary and decimal, so ‖∇f(x_T)‖² = β²ρ²
// exactly at every T. Claimed <= c·β²ρ² with c = 1 − 10^-25: violated by 10^-25 relative at each
// of the 12 horizons, by an amount only the parsing of c can see.
const lastGradient = defineConjecture({
  id: 'CYCLE-GRADIENT',
  statement: 'the last squared gradient of SAM stays below c·β²ρ²',
  class: 'strongly-convex',
  families: ['quadratic'],
  algorithm: 'sam',
  measure: 'gradNormSq',
  claim: { bound: 'c * beta^2 * rho^2' },
  constants: { c: '1' },
});
const cycle: RunSpec = { algorithm: 'sam', function: { family: 'quadratic', eigenvalues: ['2'] }, x0: ['0.5'], eta: '0.5', rho: '0.5', steps: 12 };
const cycleFloor = { c: '0.9999999999999999999999999' };
// The same run, with a bound that leaves every horizon but the last a margin of at least 1: a
// certifier must find every margin >= 0, not some (the mutant "every -> some" survived the other cases).
const lastInDoubt = defineConjecture({
  id: 'CYCLE-GRADIENT-LAST',
  statement: 'the last squared gradient of SAM stays below c·β²ρ² + (12 − T)',
  class: 'strongly-convex',
  families: ['quadratic'],
  algorithm: 'sam',
  measure: 'gradNormSq',
  claim: { bound: 'c * beta^2 * rho^2 + (12 - T)' },
  constants: { c: '1' },
});

describe('card verdicts in intervals refuse a margin negative by less than their width', () => {
  test.each([
    ['L1, one step', L1, isotropic, justBelowOne],
    ['a run: 12 steps of a 2-cycle', lastGradient, cycle, cycleFloor],
    ['a run whose last horizon alone is in doubt', lastInDoubt, cycle, cycleFloor],
  ] as const)('%s: never certified to hold, at 5, 10 or 15 digits', (_, card, spec, constants) => {
    const units = unitsOf(card as Card & { scope: 'step' | 'run' }, spec, constants);
    for (const precision of [5, 10, 15]) {
      const certificate = certify(card as Card & { scope: 'step' | 'run' }, spec, { precision, lost: 0, units, constants });
      expect(certificate.holds, `at ${precision} digits: ${certificate.arithmetic}`).not.toBe(true);
    }
  });

  test.each([
    ['L1, one step', L1, isotropic, justBelowOne],
    ['a run: 12 steps of a 2-cycle', lastGradient, cycle, cycleFloor],
    ['a run whose last horizon alone is in doubt', lastInDoubt, cycle, cycleFloor],
  ] as const)('%s: the verdict finds the violation (verified or certified), at p = 30', (_, card, spec, constants) => {
    const verdict = judgeCase(card, spec, { precision: 30, constants });
    expect(verdict.holds).toBe(false);
    expect(['verified', 'certified']).toContain(verdict.level);
  });

  test.each([
    ['L1, one step', L1, isotropic, { c: '1.00000000000000000001' }],
    ['a run: 12 steps of a 2-cycle', lastGradient, cycle, { c: '1.0000000000000000000000001' }],
  ] as const)('%s, the margin positive by as little: certified to hold or left undecided, never violated', (_, card, spec, constants) => {
    const units = unitsOf(card as Card & { scope: 'step' | 'run' }, spec, constants);
    for (const precision of [5, 10, 15, 40]) {
      const certificate = certify(card as Card & { scope: 'step' | 'run' }, spec, { precision, lost: 0, units, constants });
      expect(certificate.holds, `at ${precision} digits: ${certificate.arithmetic}`).not.toBe(false);
    }
  });
});

// What every certificate of a card rests on: how a margin's enclosure is read. A margin whose upper
// end is 0 may be exactly 0 (an equality, which holds): it is no violation; a lower end at 0 is a
// margin >= 0. Each comparison turned by one (>= to >, < to <=) would misread one of these.
describe('the ends of a margin\'s enclosure', () => {
  const ends = [
    ['float64 intervals', float64Ends, (lo: number, hi: number) => ({ lo, hi })],
    ['decimal intervals', decimalEnds, (lo: number, hi: number) => ({ lo: new Decimal(lo), hi: new Decimal(hi) })],
  ] as const;

  test.each(ends)('%s: [−ε, 0] neither holds nor is violated; [0, ε] holds; [−2ε, −ε] is violated', (_, end, interval) => {
    const read = end as { lowerNonNegative: (m: unknown) => boolean; upperNegative: (m: unknown) => boolean };
    const e = 1e-300;
    expect([read.lowerNonNegative(interval(-e, 0)), read.upperNegative(interval(-e, 0))]).toEqual([false, false]);
    expect([read.lowerNonNegative(interval(0, e)), read.upperNegative(interval(0, e))]).toEqual([true, false]);
    expect([read.lowerNonNegative(interval(0, 0)), read.upperNegative(interval(0, 0))]).toEqual([true, false]);
    expect([read.lowerNonNegative(interval(-2 * e, -e)), read.upperNegative(interval(-2 * e, -e))]).toEqual([false, true]);
    expect([read.lowerNonNegative(interval(-e, e)), read.upperNegative(interval(-e, e))]).toEqual([false, false]);
  });

  test.each(ends)('%s: the digits an enclosure is too wide by: log10(width / size), the size the midpoint\'s when none is given', (_, end, interval) => {
    const digits = (end as { widthDigits: (m: unknown, size: number | undefined) => number }).widthDigits;
    expect(digits(interval(-1e-3, 3e-3), 1e-6)).toBeCloseTo(Math.log10(4e-3 / 1e-6), 10);
    expect(digits(interval(1, 3), undefined)).toBeCloseTo(0, 10);
    expect(digits(interval(-3, 1), undefined)).toBeCloseTo(Math.log10(4), 10);
    expect(digits(interval(-1, 1), undefined)).toBe(Infinity);
  });
});

