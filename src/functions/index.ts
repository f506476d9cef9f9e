/**
 * Builds a function family member from its spec in a backend: one of the built-in families, or a
 * family a user made with defineFamily (src/extend/family.ts), found by the spec's `family`.
 */
import type fc from 'fast-check';
import type { Backend } from '../arith/backend.js';
import { InputError } from '../errors.js';
import { globalRegistry, registerNamed } from '../registry.js';
import type { FunctionClass } from './classes.js';
import { cosine } from './cosine.js';
import { logistic } from './logistic.js';
import { piecewiseQuadratic } from './piecewise-quadratic.js';
import { quadratic } from './quadratic.js';
import type { FamilyName, FamilySpec, SmoothFunction } from './types.js';

const builders: { [F in FamilyName]: <T>(B: Backend<T>, spec: Extract<FamilySpec, { family: F }>) => SmoothFunction<T> } = {
  quadratic,
  cosine,
  logistic,
  'piecewise-quadratic': piecewiseQuadratic,
};

/** The built-in families. */
export const FAMILY_NAMES = Object.keys(builders) as FamilyName[];

/** A family made by defineFamily: its class, its members as specs, and how to build one. */
export interface UserFamily {
  readonly name: string;
  readonly class: FunctionClass;
  /** Members as specs { family: name, ...parameters }. */
  readonly arbitrary: fc.Arbitrary<FamilySpec>;
  build<T>(B: Backend<T>, spec: FamilySpec): SmoothFunction<T>;
}

const userFamilies = globalRegistry<UserFamily>('families');

export function isBuiltinFamily(name: unknown): name is FamilyName {
  return typeof name === 'string' && Object.hasOwn(builders, name);
}

/** The user family called `name`, if one is registered. */
export function userFamily(name: string): UserFamily | undefined {
  return isBuiltinFamily(name) ? undefined : userFamilies.get(name);
}

/** Every family name known now: the built-in ones, then the users'. */
export function familyNames(): string[] {
  return [...FAMILY_NAMES, ...userFamilies.names()];
}

/** Adds a user's family; its name must not be taken by another family. */
export function registerFamily(family: UserFamily, fingerprint: string): void {
  registerNamed(userFamilies, { field: 'family name', noun: 'family', definer: 'defineFamily', isBuiltin: isBuiltinFamily }, family.name, family, fingerprint);
}

export function buildFunction<T>(B: Backend<T>, spec: FamilySpec): SmoothFunction<T> {
  const family = (spec as { family?: unknown } | null)?.family;
  if (isBuiltinFamily(family)) return (builders[family] as <U>(B: Backend<U>, s: FamilySpec) => SmoothFunction<U>)(B, spec);
  const user = typeof family === 'string' ? userFamilies.get(family) : undefined;
  if (user !== undefined) return user.build(B, spec);
  const hint = typeof family === 'string' ? ' (a family made by defineFamily is known once the file defining it is loaded: pass its folder with --conjectures)' : '';
  throw new InputError('family', family, `must be one of ${familyNames().join(', ')}${hint}`);
}

export type { FamilySpec, SmoothFunction, ClassCertificate } from './types.js';
