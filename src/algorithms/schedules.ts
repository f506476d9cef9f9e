/**
 * Step sizes η_t and perturbation radii ρ_t as functions of the step index t = 0, 1, ..., and the
 * step sizes that the theorem cards choose from the horizon T (THEOREMS.md §3).
 */
import type { Backend } from '../arith/backend.js';
import { sign } from '../arith/scalar.js';
import { InputError } from '../errors.js';

export type Schedule<T> = (t: number) => T;

export function constantSchedule<T>(value: T): Schedule<T> {
  return () => value;
}

export const RHO_DECAYS = ['inverse', 'inverse-sqrt'] as const;
export type RhoDecay = (typeof RHO_DECAYS)[number];

/** ρ_t = ρ0/(t+1) or ρ0/√(t+1): the decaying radii of the contrast C3 (THEOREMS.md §5). */
export function decayingSchedule<T>(B: Backend<T>, rho0: T, decay: RhoDecay): Schedule<T> {
  return (t) => {
    const denominator = B.fromNumber(t + 1);
    return B.div(rho0, decay === 'inverse' ? denominator : B.sqrt(denominator));
  };
}

export interface RateInputs<T> {
  readonly beta: T;
  readonly rho: T;
  /** Δ0 = f(x0) − f*. */
  readonly delta0: T;
  /** The horizon T. */
  readonly steps: number;
}

/**
 * D-SC's rate corollary (P1): η_T = min{1/(2β), ln(K)/(μT)} with K = max{e, μ³Δ0T²/(β⁴ρ²)},
 * which gives f(x_T) − f* <= exp(−μT/(2β))Δ0 + β⁴ρ²(1 + ln²K)/(μ³T²).
 */
export function etaStronglyConvexRate<T>(B: Backend<T>, inputs: RateInputs<T> & { readonly mu: T }): T {
  const { beta, mu, rho, delta0, steps } = checkRateInputs(B, inputs);
  if (sign(B, mu) <= 0) throw new InputError('mu', B.toString(mu), 'must be > 0 for the step size of D-SC');
  const T = B.fromNumber(steps);
  const ratio = B.div(B.mul(B.mul(B.mul(mu, B.mul(mu, mu)), delta0), B.mul(T, T)), B.mul(pow4(B, beta), B.mul(rho, rho)));
  const K = B.max(B.exp(B.one), ratio);
  return B.min(B.div(B.one, B.mul(B.fromNumber(2), beta)), B.div(B.log(K), B.mul(mu, T)));
}

/**
 * D-C's step size: η = min{1/β, (2Δ0/(β³ρ²T))^{1/2}}, which balances 2Δ0/(ηT) against β³ηρ² and
 * gives an O(T^{-1/2}) bound on the average squared gradient.
 */
export function etaConvexRate<T>(B: Backend<T>, inputs: RateInputs<T>): T {
  const { beta, rho, delta0, steps } = checkRateInputs(B, inputs);
  if (sign(B, delta0) <= 0) {
    throw new InputError('delta0', B.toString(delta0), 'must be > 0 for the step size of D-C (x0 is a minimizer)');
  }
  const balanced = B.sqrt(B.div(B.mul(B.fromNumber(2), delta0), B.mul(B.mul(B.mul(beta, B.mul(beta, beta)), B.mul(rho, rho)), B.fromNumber(steps))));
  return B.min(B.div(B.one, beta), balanced);
}

function pow4<T>(B: Backend<T>, a: T): T {
  const a2 = B.mul(a, a);
  return B.mul(a2, a2);
}

/** The stochastic rules do not depend on ρ (so SGD, with ρ = 0, may use them too). */
function checkRateInputs<T, I extends RateInputs<T>>(B: Backend<T>, inputs: I, usesRho = true): I {
  if (sign(B, inputs.beta) <= 0) throw new InputError('beta', B.toString(inputs.beta), 'must be > 0');
  if (usesRho && sign(B, inputs.rho) <= 0) throw new InputError('rho', B.toString(inputs.rho), 'must be > 0');
  if (sign(B, inputs.delta0) < 0) throw new InputError('delta0', B.toString(inputs.delta0), 'must be >= 0');
  if (!Number.isInteger(inputs.steps) || inputs.steps < 1) throw new InputError('steps', inputs.steps, 'must be a whole number >= 1');
  return inputs;
}

/**
 * S-SC-n's rate corollary (P2): η = min{1/β, ln(max{e, μ²Δ0T/(βσ²)})/(μT)}, which makes the
 * σ² term of S-SC-n vanish like Õ(1/T) and leaves the β²ρ²/(2μ) floor.
 */
export function etaStochasticStronglyConvexRate<T>(B: Backend<T>, inputs: RateInputs<T> & { readonly mu: T; readonly sigmaSq: T }): T {
  const { beta, mu, delta0, steps, sigmaSq } = checkRateInputs(B, inputs, false);
  if (sign(B, mu) <= 0) throw new InputError('mu', B.toString(mu), 'must be > 0 for the step size of S-SC-n');
  if (sign(B, sigmaSq) <= 0) throw new InputError('sigmaSq', B.toString(sigmaSq), 'must be > 0 for the step size of S-SC-n');
  const T = B.fromNumber(steps);
  const K = B.max(B.exp(B.one), B.div(B.mul(B.mul(B.mul(mu, mu), delta0), T), B.mul(beta, sigmaSq)));
  return B.min(B.div(B.one, beta), B.div(B.log(K), B.mul(mu, T)));
}

/** S-NC-n's rate corollary (P3): η = min{1/β, (2Δ0/(βσ²T))^{1/2}}. */
export function etaStochasticRate<T>(B: Backend<T>, inputs: RateInputs<T> & { readonly sigmaSq: T }): T {
  const { beta, delta0, steps, sigmaSq } = checkRateInputs(B, inputs, false);
  if (sign(B, delta0) <= 0) throw new InputError('delta0', B.toString(delta0), 'must be > 0 for the step size of S-NC-n (x0 is a minimizer)');
  if (sign(B, sigmaSq) <= 0) throw new InputError('sigmaSq', B.toString(sigmaSq), 'must be > 0 for the step size of S-NC-n');
  const balanced = B.sqrt(B.div(B.mul(B.fromNumber(2), delta0), B.mul(B.mul(beta, sigmaSq), B.fromNumber(steps))));
  return B.min(B.div(B.one, beta), balanced);
}

/** The step-size rules of the cards, by the ID of the card that chooses them (THEOREMS.md §3). */
export const STEP_SIZE_RULES = ['D-SC', 'D-C', 'S-SC-n', 'S-NC-n'] as const;
export type StepSizeRule = (typeof STEP_SIZE_RULES)[number];

/** η from a card's rule, for the instance at hand (σ² for the stochastic rules). */
export function stepSizeByRule<T>(B: Backend<T>, rule: StepSizeRule, inputs: RateInputs<T> & { readonly mu?: T; readonly sigmaSq?: T }): T {
  const needs = (what: 'mu' | 'sigmaSq', rule: StepSizeRule, why: string): T => {
    const value = inputs[what];
    if (value === undefined) throw new InputError('eta', rule, `the rule ${rule} needs ${why}`);
    return value;
  };
  switch (rule) {
    case 'D-C':
      return etaConvexRate(B, inputs);
    case 'D-SC':
      return etaStronglyConvexRate(B, { ...inputs, mu: needs('mu', rule, 'a strongly convex function (μ > 0)') });
    case 'S-SC-n':
      return etaStochasticStronglyConvexRate(B, { ...inputs, mu: needs('mu', rule, 'a strongly convex function (μ > 0)'), sigmaSq: needs('sigmaSq', rule, 'a stochastic oracle') });
    case 'S-NC-n':
      return etaStochasticRate(B, { ...inputs, sigmaSq: needs('sigmaSq', rule, 'a stochastic oracle') });
  }
}
