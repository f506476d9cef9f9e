/**
 * The methods of the SAM family (THEOREMS.md §0). A method forms the ascent point y from the
 * current point x and a gradient g, then descends along ∇f at y:
 *   SAM   y = x + ρ g/‖g‖   with the convention y = x when g = 0,
 *   USAM  y = x + ρ g,
 *   GD    y = x.
 * For deterministic methods g = ∇f(x); stochastic methods pass a sampled gradient. Methods are
 * objects, not a switch, so that a test can hand the checks a deliberately broken method.
 */
import type { Backend } from '../arith/backend.js';
import { allFinite, axpy, unitVector, type Vec } from '../arith/vector.js';
import { InputError, OverflowError } from '../errors.js';

export interface Method {
  readonly name: string;
  /** The ascent point; returns x itself (the same array) when it adds nothing, so ∇f(x) can be reused. */
  ascent<T>(B: Backend<T>, x: Vec<T>, g: Vec<T>, rho: T): Vec<T>;
  /** Where the descent gradient is taken: at y (every method of the paper) or, in a broken method, at x. */
  readonly descentAt: 'ascent-point' | 'current-point';
  readonly usesRho: boolean;
}

const sam: Method = {
  name: 'sam',
  ascent(B, x, g, rho) {
    const u = unitVector(B, g);
    return u === undefined ? x : axpy(B, rho, u, x);
  },
  descentAt: 'ascent-point',
  usesRho: true,
};

const usam: Method = {
  name: 'usam',
  ascent: (B, x, g, rho) => (g.every((gi) => B.cmp(gi, B.zero) === 0) ? x : axpy(B, rho, g, x)),
  descentAt: 'ascent-point',
  usesRho: true,
};

const gd: Method = {
  name: 'gd',
  ascent: (_B, x) => x,
  descentAt: 'ascent-point',
  usesRho: false,
};

export const METHODS = { sam, usam, gd } as const;
export const ALGORITHMS = Object.keys(METHODS) as Algorithm[];
export type Algorithm = keyof typeof METHODS;

export function validateAlgorithm(field: string, value: unknown): asserts value is Algorithm {
  if (typeof value !== 'string' || !(value in METHODS)) {
    throw new InputError(field, value, `must be one of ${ALGORITHMS.join(', ')}`);
  }
}

/** The point whose gradient the method descends along. */
export function descentPoint<T>(method: Method, x: Vec<T>, y: Vec<T>): Vec<T> {
  return method.descentAt === 'ascent-point' ? y : x;
}

/** x − η·direction, with a check that the result is finite (float64 can overflow). */
export function descend<T>(B: Backend<T>, x: Vec<T>, eta: T, direction: Vec<T>, step: number): T[] {
  const next = axpy(B, B.neg(eta), direction, x);
  if (!allFinite(B, next)) throw new OverflowError(`the iterate x_${step + 1}`, step + 1, B.name, `η = ${B.toString(eta)}`);
  return next;
}
