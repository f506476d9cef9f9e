/**
 * LB-D-SC (THEOREMS.md §4; P1's lower side): f(x) = (μ/2)x₁² + (β/2)x₂², x0 = (0, c), c ≠ 0.
 *
 * The iterates stay on the x₂ axis (x₁ = 0 exactly) and converge to SAM's 2-cycle ±r*,
 * r* = ηβρ/(2 − ηβ), where f − f* = βr*²/2 = β³η²ρ²/(2(2 − βη)²): the floor of D-SC is reached up
 * to a constant, from every start on the axis. Under D-SC's step size η_T the same cycle gives
 * f(x_T) − f* = β³η_T²ρ²/(2(2 − βη_T)²) ≈ β³ρ²ln²K/(8μ²T²): the 1/T² rate of D-SC-rate cannot be
 * improved, and the ratio to that card's polynomial term is about μ/(8β) whatever T is.
 *
 * The error |x_t,2| − r* shrinks by the factor 1 − ηβ per step, so 300 steps at ηβ = 1/2 (and 4096
 * steps under η_T with β/μ = 10, where (1 − βη_T)^T ≈ 10^-60) leave it far below the 30 digits
 * each replay must match.
 */
import type { Backend } from '../arith/backend.js';
import { parseNumber } from '../arith/literal.js';
import { etaStronglyConvexRate } from '../algorithms/schedules.js';
import { rateBoundTerms } from '../theorems/d-sc-rate.js';
import { stronglyConvexFloor } from '../theorems/l7.js';
import type { DeterministicConstruction } from './construction.js';

interface Axis {
  readonly mu: string;
  readonly beta: string;
  readonly rho: string;
  readonly c: string;
}

function values<T>(B: Backend<T>, a: Axis) {
  const [mu, beta, rho, c] = [a.mu, a.beta, a.rho, a.c].map((text) => parseNumber(B, 'LB-D-SC', text)) as [T, T, T, T];
  return { mu, beta, rho, c };
}

function cycleRadius<T>(B: Backend<T>, beta: T, eta: T, rho: T): T {
  return B.div(B.mul(B.mul(eta, beta), rho), B.sub(B.fromNumber(2), B.mul(eta, beta)));
}

function cycleGap<T>(B: Backend<T>, beta: T, eta: T, rho: T): T {
  const r = cycleRadius(B, beta, eta, rho);
  return B.div(B.mul(beta, B.mul(r, r)), B.fromNumber(2));
}

function axisRun(a: Axis, eta: DeterministicConstruction['run']['eta'], steps: number): DeterministicConstruction['run'] {
  return { algorithm: 'sam', function: { family: 'quadratic', eigenvalues: [a.mu, a.beta] }, x0: ['0', a.c], eta, rho: a.rho, steps };
}

const fixed: Axis = { mu: '1', beta: '4', rho: '0.1', c: '1' };
const FIXED_ETA = '1/8';
const FIXED_STEPS = 300;

export const LB_D_SC_CYCLE: DeterministicConstruction = {
  construction: 'LB-D-SC',
  title: 'SAM settles on the 2-cycle ±ηβρ/(2 − ηβ) of a strongly convex quadratic (ηβ = 1/2)',
  run: axisRun(fixed, FIXED_ETA, FIXED_STEPS),
  precision: 60,
  certify: true,
  expectations: [
    { quantity: 'x', coordinate: 1, at: FIXED_STEPS, formula: '0', digits: 30, value: (B) => B.zero },
    {
      quantity: 'absX',
      coordinate: 2,
      at: FIXED_STEPS,
      formula: 'r* = ηβρ/(2 − ηβ)',
      digits: 30,
      value: (B) => cycleRadius(B, values(B, fixed).beta, parseNumber(B, 'eta', FIXED_ETA), values(B, fixed).rho),
    },
    {
      quantity: 'gap',
      at: FIXED_STEPS,
      formula: 'β³η²ρ²/(2(2 − βη)²)',
      digits: 30,
      value: (B) => cycleGap(B, values(B, fixed).beta, parseNumber(B, 'eta', FIXED_ETA), values(B, fixed).rho),
    },
  ],
  tight: [
    {
      card: 'D-SC',
      formula: 'β³η²ρ²/(2(2 − βη)²) ÷ (β⁴η²ρ²/(8μ(1 − βη)²) + β³η²ρ²/2)',
      robust: true,
      constant(B) {
        const { mu, beta, rho } = values(B, fixed);
        const eta = parseNumber(B, 'eta', FIXED_ETA);
        return B.div(cycleGap(B, beta, eta, rho), stronglyConvexFloor(B, beta, mu, eta, rho));
      },
    },
  ],
};

const rate: Axis = { mu: '1', beta: '10', rho: '0.1', c: '1' };
const RATE_STEPS = 4096;

/** Δ0 = βc²/2 at x0 = (0, c). */
function rateDelta0<T>(B: Backend<T>): T {
  const { beta, c } = values(B, rate);
  return B.div(B.mul(beta, B.mul(c, c)), B.fromNumber(2));
}

/** η_T of D-SC for the rate case. */
function rateEta<T>(B: Backend<T>): T {
  const { mu, beta, rho } = values(B, rate);
  return etaStronglyConvexRate(B, { beta, mu, rho, delta0: rateDelta0(B), steps: RATE_STEPS });
}

export const LB_D_SC_RATE: DeterministicConstruction = {
  construction: 'LB-D-SC',
  title: "Under D-SC's η_T the 2-cycle keeps f(x_T) − f* ≈ β³ρ²ln²K/(8μ²T²): Ω(1/T²) up to logarithms",
  run: axisRun(rate, { rule: 'D-SC' }, RATE_STEPS),
  precision: 60,
  certify: true,
  expectations: [
    { quantity: 'x', coordinate: 1, at: RATE_STEPS, formula: '0', digits: 30, value: (B) => B.zero },
    { quantity: 'absX', coordinate: 2, at: RATE_STEPS, formula: 'η_Tβρ/(2 − η_Tβ)', digits: 30, value: (B) => cycleRadius(B, values(B, rate).beta, rateEta(B), values(B, rate).rho) },
    { quantity: 'gap', at: RATE_STEPS, formula: 'β³η_T²ρ²/(2(2 − βη_T)²)', digits: 30, value: (B) => cycleGap(B, values(B, rate).beta, rateEta(B), values(B, rate).rho) },
  ],
  tight: [
    {
      card: 'D-SC-rate',
      formula: 'β³η_T²ρ²/(2(2 − βη_T)²) ÷ β⁴ρ²(1 + ln²K)/(μ³T²)  (≈ μ/(8β) for every T)',
      robust: true,
      constant(B) {
        const { mu, beta, rho } = values(B, rate);
        const { polynomial } = rateBoundTerms(B, { beta, mu, rho, delta0: rateDelta0(B), steps: RATE_STEPS });
        return B.div(cycleGap(B, beta, rateEta(B), rho), polynomial);
      },
    },
  ],
};
