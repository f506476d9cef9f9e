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
import { OverflowError } from '../errors.js';

export interface Method {
  readonly name: string;
  /** The ascent point; returns x itself (the same array) when it adds nothing, so ∇f(x) can be reused. */
  ascent<T>(B: Backend<T>, x: Vec<T>, g: Vec<T>, rho: T): Vec<T>;
  /** Where the descent gradient is taken: at y (every method of the paper) or, in a broken method, at x. */
  readonly descentAt: 'ascent-point' | 'current-point';
  readonly usesRho: boolean;
  /**
   * A method with memory (momentum): the vectors it carries from step to step and its own descent
   * step; x_{t+1} = x_t − η·direction without it.
   */
  readonly memory?: MethodMemory;
  /**
   * A stochastic method takes sampled gradients: the ascent's sample drawn independently of the
   * descent's ('independent', as n-SAM) or the same sample for both ('shared', as m-SAM).
   */
  readonly sampling?: Sampling;
}

export type Sampling = 'independent' | 'shared';

/** What a method with memory carries and how it steps with it (state: a list of vectors of the dimension of x). */
export interface MethodMemory {
  /** The memory at x_0 (e.g. momentum m_0 = 0). */
  start<T>(B: Backend<T>, x0: Vec<T>): T[][];
  /** x_{t+1} and the memory after step t, from x_t, η_t, the descent direction (∇f(y_t), or its sample) and the memory. */
  descend<T>(B: Backend<T>, step: DescentInput<T>): { readonly x: T[]; readonly state: T[][] };
}

export interface DescentInput<T> {
  readonly x: Vec<T>;
  readonly eta: T;
  readonly direction: Vec<T>;
  readonly state: readonly (readonly T[])[];
  /** The step t (0 for the step from x_0). */
  readonly t: number;
}

/** SAM's ascent y = x + ρ g/‖g‖, with y = x when g = 0. */
export function samAscent<T>(B: Backend<T>, x: Vec<T>, g: Vec<T>, rho: T): Vec<T> {
  const u = unitVector(B, g);
  return u === undefined ? x : axpy(B, rho, u, x);
}

const sam: Method = {
  name: 'sam',
  ascent: samAscent,
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
export type BuiltinAlgorithm = keyof typeof METHODS;
export const ALGORITHMS = Object.keys(METHODS) as BuiltinAlgorithm[];
/** A deterministic method's name: a built-in one, or one made by defineMethod. */
export type Algorithm = string;

/** The methods of n-SAM, m-SAM and SGD, by the names their specs use. */
export const STOCHASTIC_METHODS: Readonly<Record<string, Method>> = {
  'n-sam': { ...sam, name: 'n-sam', sampling: 'independent' },
  'm-sam': { ...sam, name: 'm-sam', sampling: 'shared' },
  sgd: { ...gd, name: 'sgd', sampling: 'independent' },
};

/** x_{t+1} and the memory after a step: the method's own descent when it has memory, else x_t − η·direction. */
export function advance<T>(B: Backend<T>, method: Method, input: DescentInput<T>): { x: T[]; state: T[][] } {
  if (method.memory === undefined) return { x: descend(B, input.x, input.eta, input.direction, input.t), state: [] };
  const next = method.memory.descend(B, input);
  if (!allFinite(B, next.x)) throw new OverflowError(`the iterate x_${input.t + 1}`, input.t + 1, B.name, `η = ${B.toString(input.eta)}`);
  return { x: [...next.x], state: next.state.map((v) => [...v]) };
}

/** The memory a method starts with (none for a method without memory). */
export function startMemory<T>(B: Backend<T>, method: Method, x0: Vec<T>): T[][] {
  return method.memory === undefined ? [] : method.memory.start(B, x0);
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
