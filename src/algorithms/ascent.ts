/**
 * The ascent (perturbation) step that distinguishes the methods (THEOREMS.md §0):
 *   SAM   y = x + ρ g/‖g‖   with the convention y = x when g = 0,
 *   USAM  y = x + ρ g,
 *   GD    y = x.
 * For deterministic methods g = ∇f(x); stochastic methods pass a sampled gradient.
 */
import type { Backend } from '../arith/backend.js';
import { allFinite, axpy, unitVector, type Vec } from '../arith/vector.js';
import { InputError } from '../errors.js';

export const ALGORITHMS = ['sam', 'usam', 'gd'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

export function validateAlgorithm(field: string, value: unknown): asserts value is Algorithm {
  if (typeof value !== 'string' || !(ALGORITHMS as readonly string[]).includes(value)) {
    throw new InputError(field, value, `must be one of ${ALGORITHMS.join(', ')}`);
  }
}

/**
 * The ascent point y. Returns x itself (the same array) when there is no perturbation, so that
 * callers can reuse ∇f(x) for ∇f(y) exactly.
 */
export function ascentPoint<T>(B: Backend<T>, algorithm: Algorithm, x: Vec<T>, g: Vec<T>, rho: T): Vec<T> {
  switch (algorithm) {
    case 'gd':
      return x;
    case 'usam':
      return g.every((gi) => B.cmp(gi, B.zero) === 0) ? x : axpy(B, rho, g, x);
    case 'sam': {
      const u = unitVector(B, g);
      return u === undefined ? x : axpy(B, rho, u, x);
    }
  }
}

/** x − η·direction, with a check that the result is finite (float64 can overflow). */
export function descend<T>(B: Backend<T>, x: Vec<T>, eta: T, direction: Vec<T>, step: number): T[] {
  const next = axpy(B, B.neg(eta), direction, x);
  if (!allFinite(B, next)) {
    throw new InputError(
      'eta',
      B.toString(eta),
      `the iterate x_${step + 1} overflowed the ${B.name} range: the step size is too large for this function`,
    );
  }
  return next;
}
