/**
 * defineMethod: a user's variant of SAM, written once over the generic backend so that it runs in
 * float64, in decimal at any precision and in interval arithmetic, and so gets the same verdict
 * ladder (certified, verified, float) as the built-in methods.
 *
 *   const heavyBall = defineMethod({
 *     id: 'hb-sam-0.5',
 *     description: 'SAM with heavy-ball momentum b = 1/2',
 *     ascent: samAscent,                                   // y = x + ρ g/‖g‖
 *     state: (B, x0) => [x0.map(() => B.zero)],            // m_0 = 0
 *     descent: (B, { x, eta, direction, state: [m] }) => {  // m' = b m + ∇f(y), x' = x − η m'
 *       const next = axpy(B, B.fromNumber(0.5), m!, direction);
 *       return { x: axpy(B, B.neg(eta), next, x), state: [next] };
 *     },
 *   });
 *
 * A method is known by its id wherever a spec names it (a conjecture's `algorithm`, a
 * counterexample file, `samcheck simulate --algorithm`), once the file defining it is loaded.
 */
import type { Backend } from '../arith/backend.js';
import type { Vec } from '../arith/vector.js';
import type { DescentInput, Method, Sampling } from '../algorithms/ascent.js';
import { registerMethod } from '../algorithms/methods.js';
import { InputError } from '../errors.js';

export interface MethodSpec {
  /** The name specs use: letters, digits and -, starting with a letter; not a built-in method's. */
  readonly id: string;
  /** One line for the report and the catalog. */
  readonly description?: string;
  /**
   * The ascent point y from x, the gradient g at x (for a stochastic method, a sampled gradient)
   * and the radius ρ. Return x itself when the step adds nothing (g = 0), so ∇f(x) is reused.
   */
  readonly ascent: <T>(B: Backend<T>, x: Vec<T>, g: Vec<T>, rho: T) => Vec<T>;
  /**
   * The descent step from x, η, the direction (∇f(y), or its sample) and the memory; absent:
   * x − η·direction.
   */
  readonly descent?: <T>(B: Backend<T>, step: DescentInput<T>) => { readonly x: Vec<T>; readonly state: readonly (readonly T[])[] };
  /** The memory at x_0 (a list of vectors; e.g. a zero momentum); absent: none. */
  readonly state?: <T>(B: Backend<T>, x0: Vec<T>) => readonly (readonly T[])[];
  /** Whether ρ is used (default true); a method without it needs no ρ in its specs. */
  readonly usesRho?: boolean;
  /** A stochastic method: the ascent's sample independent of the descent's, or the same one. */
  readonly sampling?: Sampling;
}

export type UserMethod = Method & { readonly description: string };

export { samAscent } from '../algorithms/ascent.js';

export function defineMethod(spec: MethodSpec): UserMethod {
  const id = typeof spec?.id === 'string' && /^[A-Za-z][A-Za-z0-9-]*$/.test(spec.id) ? spec.id : invalid('method id', spec?.id, 'must be letters, digits and -, starting with a letter');
  const field = (name: string) => `method ${id}: ${name}`;
  if (typeof spec.ascent !== 'function') invalid(field('ascent'), spec.ascent, 'must be a function (B, x, g, rho) => y');
  if (spec.descent !== undefined && typeof spec.descent !== 'function') invalid(field('descent'), spec.descent, 'must be a function (B, { x, eta, direction, state, t }) => { x, state }');
  if (spec.state !== undefined && typeof spec.state !== 'function') invalid(field('state'), spec.state, 'must be a function (B, x0) => the memory at x0, a list of vectors');
  if (spec.state !== undefined && spec.descent === undefined) invalid(field('state'), 'a memory', 'needs a descent that uses it');
  if (spec.usesRho !== undefined && typeof spec.usesRho !== 'boolean') invalid(field('usesRho'), spec.usesRho, 'must be true or false');
  if (spec.sampling !== undefined && spec.sampling !== 'independent' && spec.sampling !== 'shared') invalid(field('sampling'), spec.sampling, "must be 'independent' or 'shared'");
  const vector = <T>(what: string, value: unknown, dim: number): T[] => {
    if (!Array.isArray(value) || value.length !== dim) invalid(field(what), value, `must be a vector of ${dim} entries (the dimension of x)`);
    return value as T[];
  };
  const memoryOf = <T>(what: string, value: unknown, dim: number): T[][] => {
    if (!Array.isArray(value)) invalid(field(what), value, 'must be a list of vectors');
    return (value as unknown[]).map((v, i) => [...vector<T>(`${what}[${i}]`, v, dim)]);
  };
  const { ascent, descent, state } = spec;
  const method: UserMethod = {
    name: id,
    description: spec.description ?? id,
    descentAt: 'ascent-point',
    usesRho: spec.usesRho ?? true,
    ...(spec.sampling ? { sampling: spec.sampling } : {}),
    ascent<T>(B: Backend<T>, x: Vec<T>, g: Vec<T>, rho: T): Vec<T> {
      const y = ascent(B, x, g, rho);
      return y === x ? x : vector<T>('ascent', y, x.length);
    },
    ...(descent
      ? {
          memory: {
            start: <T>(B: Backend<T>, x0: Vec<T>) => (state ? memoryOf<T>('state', state(B, x0), x0.length) : []),
            descend<T>(B: Backend<T>, input: DescentInput<T>) {
              const next = descent(B, input);
              const x = vector<T>('descent x', next?.x, input.x.length);
              return { x, state: memoryOf<T>('descent state', next.state, input.x.length) };
            },
          },
        }
      : {}),
  };
  registerMethod(method, spec);
  return method;
}

function invalid(field: string, value: unknown, rule: string): never {
  throw new InputError(field, value, rule);
}
