/**
 * defineFamily: a user's family of functions, written once over the generic backend, with an
 * exact certificate of its class (β, μ, f*, and x* where attained) given by construction.
 *
 *   export const softplus = defineFamily({
 *     name: 'softplus-ridge',
 *     class: 'strongly-convex',
 *     arbitrary: fc.record({ dim: fc.integer({ min: 1, max: 4 }), l2: fc.constantFrom('0.1', '1') }),
 *     build: (B, p) => ({ dim: p.dim, value: (x) => ..., gradient: (x) => ..., certificate: { beta, mu, fStar, xStar } }),
 *   });
 *
 * Its members are specs { family: name, ...parameters }: plain JSON, so counterexample files
 * store them and replay them once the file defining the family is loaded. Before the family can
 * serve any verdict, defineFamily cross-checks it on members drawn from its arbitrary (see
 * cross-check.ts) and refuses it, naming the family and the failed check, when its gradient,
 * curvature or f* disagree with the numbers.
 */
import type fc from 'fast-check';
import type { Backend } from '../arith/backend.js';
import type { Vec } from '../arith/vector.js';
import { InputError } from '../errors.js';
import { isBuiltinFamily, registerFamily, type UserFamily } from '../functions/index.js';
import type { ClassCertificate, FamilySpec, SmoothFunction } from '../functions/types.js';
import { fingerprintOf } from '../registry.js';
import type { FunctionClass } from '../functions/classes.js';
import { crossCheckFamily, type CrossCheckBudget } from './cross-check.js';

/** What build returns: the member in one backend. */
export interface FamilyMember<T> {
  readonly dim: number;
  value(x: Vec<T>): T;
  gradient(x: Vec<T>): Vec<T>;
  /** f(x) − f*, when it can be computed more accurately than value(x) − f*. */
  gap?(x: Vec<T>): T;
  readonly certificate: {
    readonly beta: T;
    /** Strong convexity modulus (0: convex); absent for a nonconvex family. */
    readonly mu?: T;
    readonly fStar: T;
    readonly xStar?: Vec<T>;
    /** An upper bound on ‖∇f‖ over all x, when one exists. */
    readonly lipschitz?: T;
    /** The eigenvalues of ∇²f lie in [lower, upper] (default [μ, β] for a convex family, [−β, β] otherwise). */
    readonly curvature?: { readonly lower: T; readonly upper: T };
  };
}

export type FamilyParameters = Readonly<Record<string, unknown>>;

export interface FamilyDefinition<P extends FamilyParameters> {
  /** The `family` of its specs: letters, digits and -, not a built-in family's name. */
  readonly name: string;
  /** The class every member belongs to (its certificate must say so: μ > 0 for strongly-convex, μ >= 0 for convex). */
  readonly class: FunctionClass;
  /** Members as JSON parameters (number texts and whole numbers; no key `family`). */
  readonly arbitrary: fc.Arbitrary<P>;
  readonly build: <T>(B: Backend<T>, parameters: P) => FamilyMember<T>;
  /** How many members and points the cross-check draws (default 6 members, 3 points each). */
  readonly crossCheck?: CrossCheckBudget;
}

export function defineFamily<P extends FamilyParameters>(definition: FamilyDefinition<P>): UserFamily {
  const name = definition?.name;
  if (typeof name !== 'string' || !/^[A-Za-z][A-Za-z0-9-]*$/.test(name)) invalid('family name', name, 'must be letters, digits and -, starting with a letter');
  const field = (what: string) => `family ${name}: ${what}`;
  if (isBuiltinFamily(name)) invalid('family name', name, 'is the name of a built-in family: choose another');
  if (!['smooth', 'convex', 'strongly-convex'].includes(definition.class)) invalid(field('class'), definition.class, 'must be smooth, convex or strongly-convex');
  if (typeof definition.build !== 'function') invalid(field('build'), definition.build, 'must be a function (B, parameters) => { dim, value, gradient, certificate }');
  const arbitrary = definition.arbitrary as unknown as { generate?: unknown; map?: unknown } | undefined;
  if (typeof arbitrary?.generate !== 'function' || typeof arbitrary.map !== 'function') {
    invalid(field('arbitrary'), definition.arbitrary, 'must be a fast-check arbitrary of the parameters (fc.record({...}))');
  }
  const family: UserFamily = {
    name,
    class: definition.class,
    arbitrary: definition.arbitrary.map((parameters): FamilySpec => {
      if ('family' in parameters) invalid(field('arbitrary'), parameters, 'must not draw a key named family (the spec adds it)');
      return { family: name, ...parameters } as unknown as FamilySpec;
    }),
    build: <T>(B: Backend<T>, spec: FamilySpec) => wrapMember(B, spec, definition.class, field, definition.build(B, parametersOf(spec) as P)),
  };
  crossCheckFamily(family, definition.crossCheck);
  registerFamily(family, fingerprintOf(definition));
  return family;
}

function parametersOf(spec: FamilySpec): FamilyParameters {
  const { family: _family, ...parameters } = spec as unknown as Record<string, unknown>;
  return parameters;
}

/** The member as a SmoothFunction, after checking the shape of what build returned. */
function wrapMember<T>(B: Backend<T>, spec: FamilySpec, cls: FunctionClass, field: (what: string) => string, member: FamilyMember<T>): SmoothFunction<T> {
  if (typeof member !== 'object' || member === null) invalid(field('build'), member, 'must return { dim, value, gradient, certificate }');
  const { dim, certificate: c } = member;
  if (!Number.isInteger(dim) || dim < 1) invalid(field('dim'), dim, 'must be a whole number >= 1');
  for (const name of ['value', 'gradient'] as const) if (typeof member[name] !== 'function') invalid(field(name), member[name], 'must be a function of x');
  if (typeof c !== 'object' || c === null) invalid(field('certificate'), c, 'must be { beta, mu?, fStar, xStar?, lipschitz?, curvature? }');
  const finite = (what: string, v: T | undefined, optional = false): void => {
    if (v === undefined && optional) return;
    if (v === undefined || !B.isFinite(v)) invalid(field(`certificate.${what}`), v === undefined ? v : B.toString(v), 'must be a finite number of the backend');
  };
  finite('beta', c.beta);
  finite('fStar', c.fStar);
  finite('mu', c.mu, true);
  finite('lipschitz', c.lipschitz, true);
  if (B.cmp(c.beta, B.zero) <= 0) invalid(field('certificate.beta'), B.toString(c.beta), 'must be > 0');
  if (cls === 'strongly-convex' && (c.mu === undefined || B.cmp(c.mu, B.zero) <= 0)) invalid(field('certificate.mu'), c.mu === undefined ? c.mu : B.toString(c.mu), 'must be > 0 for a strongly-convex family');
  if (cls === 'convex' && (c.mu === undefined || B.cmp(c.mu, B.zero) < 0)) invalid(field('certificate.mu'), c.mu === undefined ? c.mu : B.toString(c.mu), 'must be >= 0 for a convex family');
  if (cls === 'smooth' && c.mu !== undefined) invalid(field('certificate.mu'), B.toString(c.mu), "is for convex families: a family of class 'smooth' has none");
  if (c.mu !== undefined && B.cmp(c.mu, c.beta) > 0) invalid(field('certificate.mu'), B.toString(c.mu), `must be <= beta = ${B.toString(c.beta)}`);
  if (c.xStar !== undefined && (!Array.isArray(c.xStar) || c.xStar.length !== dim)) invalid(field('certificate.xStar'), c.xStar, `must be a vector of ${dim} entries`);
  const curvature = c.curvature ?? { lower: c.mu ?? B.neg(c.beta), upper: c.beta };
  finite('curvature.lower', curvature.lower);
  finite('curvature.upper', curvature.upper);
  if (B.cmp(B.max(B.abs(curvature.lower), B.abs(curvature.upper)), c.beta) > 0) {
    invalid(field('certificate.curvature'), `[${B.toString(curvature.lower)}, ${B.toString(curvature.upper)}]`, `must lie within [−beta, beta] = ±${B.toString(c.beta)}`);
  }
  const vector = (what: string, v: unknown): T[] => {
    if (!Array.isArray(v) || v.length !== dim) invalid(field(what), v, `must return a vector of ${dim} entries`);
    return v as T[];
  };
  const value = (x: Vec<T>) => member.value(x);
  const gradient = (x: Vec<T>) => vector('gradient', member.gradient(x));
  const gap = member.gap ? (x: Vec<T>) => member.gap!(x) : (x: Vec<T>) => B.sub(member.value(x), c.fStar);
  const certificate: ClassCertificate<T> = {
    beta: c.beta,
    fStar: c.fStar,
    curvature,
    ...(c.mu !== undefined ? { mu: c.mu } : {}),
    ...(c.lipschitz !== undefined ? { lipschitz: c.lipschitz } : {}),
    ...(c.xStar !== undefined ? { xStar: [...c.xStar] } : {}),
  };
  return { spec, backend: B, dim, certificate, value, gradient, gap, evaluate: (x) => ({ gap: gap(x), gradient: gradient(x) }) };
}

function invalid(field: string, value: unknown, rule: string): never {
  throw new InputError(field, value, rule);
}
