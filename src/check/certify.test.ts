import { describe, expect, test } from 'vitest';
import type { RunSpec } from '../algorithms/run-spec.js';
import { countingBackend } from '../arith/counting.js';
import { float64 } from '../arith/float64.js';
import { D_NC } from '../theorems/d-nc.js';
import { defineConjecture } from '../conjectures/define.js';
import type { RunCard } from '../theorems/card.js';
import { certify, hasClosedFormCertificates, MAX_CERTIFICATION_UNITS } from './certify.js';
import { observe } from './observe.js';
import { judgeCase } from './verdict.js';

// A near-miss of `samcheck run D-NC --runs 200 --seed 7`: 62 steps of SAM with η = 1/β on a
// one-dimensional cosine whose ρ is its own kρ-scale, started at −ρ (LB-D-NC-a's shape).
const longCosineRun: RunSpec = {
  algorithm: 'sam',
  function: { family: 'cosine', dim: 1, terms: [{ beta: '9.98', k: '0.01/0.0341683366733' }], quadBeta: '9.98' },
  rho: '0.0341683366733',
  eta: { overBeta: '1' },
  steps: 62,
  x0: ['-0.0341683366733'],
};

function unitsOf(spec: RunSpec, card: RunCard = D_NC): number {
  const counting = countingBackend(float64);
  observe(counting.backend, card, spec);
  return counting.units();
}

describe('certification climbs a ladder of precisions (certify.ts)', () => {
  test('a run longer than 60 steps is certified, in decimal intervals at p + lost + 10 digits', () => {
    expect(judgeCase(D_NC, longCosineRun, { precision: 40 })).toMatchObject({ holds: true, level: 'certified' });
    expect(certify(D_NC, longCosineRun, { precision: 40, lost: 0, units: unitsOf(longCosineRun) })).toEqual({ holds: true, arithmetic: 'interval at 50 digits' });
  });

  test('from a start too low to decide (15 digits for a run that loses about 15 in intervals), it climbs to a precision that does (the probe of the first quarter, then the attempts)', () => {
    const certificate = certify(D_NC, longCosineRun, { precision: 5, lost: 0, units: unitsOf(longCosineRun) });
    expect(certificate.holds).toBe(true);
    const digits = Number(/^interval at (\d+) digits$/.exec(certificate.arithmetic ?? '')?.[1]);
    expect(digits).toBeGreaterThan(15);
  });

  test('an attempt the budget cannot pay for is not made: the case stays uncertified', () => {
    expect(certify(D_NC, longCosineRun, { precision: 40, lost: 0, units: MAX_CERTIFICATION_UNITS })).toEqual({ holds: undefined });
  });

  test('a short run on a quadratic from a spectrum is certified in float64 intervals', () => {
    const spec: RunSpec = { algorithm: 'sam', function: { family: 'quadratic', eigenvalues: ['1', '4'] }, rho: '0.1', eta: { overBeta: '0.5' }, steps: 10, x0: ['1', '1'] };
    expect(certify(D_NC, spec, { precision: 40, lost: 0, units: unitsOf(spec) })).toEqual({ holds: true, arithmetic: 'interval64' });
  });

  test('a family without closed-form certificates is never certified', () => {
    const spec: RunSpec = { ...longCosineRun, function: { family: 'logistic', dim: 1, samples: 3, dataSeed: 1, l2: '0.1' }, steps: 2, x0: ['0.1'] };
    expect(certify(D_NC, spec, { precision: 40, lost: 0, units: 1 })).toEqual({ holds: undefined });
  });
});

// Intervals prove a verdict only where the class constants are exact in closed form: a logistic
// regression's x* and f*, or an explicit matrix's eigenvalues, come from an iteration whose error
// no interval encloses. Counting those families as closed-form would certify with numbers that are
// not enclosures.
describe('which families intervals can certify', () => {
  const run = (fn: RunSpec['function']): RunSpec => ({ algorithm: 'gd', function: fn, x0: ['1'], eta: { overBeta: '1/2' }, steps: 2 });
  test('cosine, piecewise quadratic and a quadratic from its spectrum; never a logistic regression or a quadratic from its matrix', () => {
    expect(hasClosedFormCertificates(longCosineRun)).toBe(true);
    expect(hasClosedFormCertificates(run({ family: 'quadratic', eigenvalues: ['2'] }))).toBe(true);
    expect(hasClosedFormCertificates(run({ family: 'piecewise-quadratic', beta: '4', coordinates: [{ breakpoints: ['1', '2'], slope: '1' }] }))).toBe(true);
    expect(hasClosedFormCertificates(run({ family: 'quadratic', matrix: [['2']] }))).toBe(false);
    const logistic = run({ family: 'logistic', dim: 1, samples: 3, dataSeed: 1, l2: '0.1' });
    expect(hasClosedFormCertificates(logistic)).toBe(false);
    expect(certify(D_NC, { ...logistic, algorithm: 'sam', rho: '0.1' }, { precision: 40, lost: 0, units: 1 })).toEqual({ holds: undefined });
  });
});

describe('what certification proves and what it refuses', () => {
  // f − f* <= max{(1 − ημ)², (1 − ηβ)²}^T·Δ0 holds for GD on F_{μ,β}; SAM with ρ = 0.05 settles at
  // a floor of about ρ² that the contraction soon falls below.
  const contraction = defineConjecture({
    id: 'contraction',
    statement: 'f(x_T) − f* <= max{(1 − ημ)², (1 − ηβ)²}^T·Δ0',
    class: 'strongly-convex',
    algorithm: 'sam',
    measure: 'gap',
    claim: { bound: 'max((1 - eta*mu)^2, (1 - eta*beta)^2)^T * delta0' },
    source: 'Taylor, Hendrickx & Glineur 2018 (for GD)',
  }) as RunCard;
  const floor: RunSpec = { algorithm: 'sam', function: { family: 'quadratic', eigenvalues: ['1', '0.5'] }, rho: '0.05', eta: { overBeta: '0.5' }, steps: 20, x0: ['0.3', '-0.2'] };

  test('a violation the intervals enclose below 0 is certified as one (holds: false), in float64 intervals and in decimal ones', () => {
    const units = unitsOf(floor, contraction);
    expect(certify(contraction, floor, { precision: 40, lost: 0, units })).toEqual({ holds: false, arithmetic: 'interval64' });
    // Past float64 intervals (the run said to lose more digits than they carry): decimal ones.
    expect(certify(contraction, floor, { precision: 40, lost: 20, units }).holds).toBe(false);
    expect(judgeCase(contraction, floor, { precision: 40 })).toMatchObject({ holds: false });
  });

  test('a run whose enclosure cannot decide a branch (SAM\'s ‖g‖ against 0 where g is 0 in exact arithmetic) is refused, not thrown', () => {
    // ½x² with η = 1/3, ρ = 2 from x0 = 1: x1 = 1 − (1/3)(1 + 2) = 0, which 1/3 in intervals encloses only.
    const atZero: RunSpec = { algorithm: 'sam', function: { family: 'quadratic', eigenvalues: ['1'] }, rho: '2', eta: '1/3', steps: 3, x0: ['1'] };
    expect(certify(contraction, atZero, { precision: 40, lost: 0, units: 100 })).toEqual({ holds: undefined });
  });

  test('any other error is not a refusal: bad input reaches its caller', () => {
    // In an attempt (a run too short to probe) and in the probe of a longer run's first quarter.
    for (const steps of [5, 20]) expect(() => certify(contraction, { ...floor, steps, rho: '-1' }, { precision: 40, lost: 0, units: 100 })).toThrow(/invalid rho = "-1"/);
  });
});
