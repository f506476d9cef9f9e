/**
 * Builds a function family member from its spec in a backend.
 */
import type { Backend } from '../arith/backend.js';
import { InputError } from '../errors.js';
import { cosine } from './cosine.js';
import { logistic } from './logistic.js';
import { quadratic } from './quadratic.js';
import type { FamilyName, FamilySpec, SmoothFunction } from './types.js';

const builders: { [F in FamilyName]: <T>(B: Backend<T>, spec: Extract<FamilySpec, { family: F }>) => SmoothFunction<T> } = {
  quadratic,
  cosine,
  logistic,
};

export const FAMILY_NAMES = Object.keys(builders) as FamilyName[];

export function buildFunction<T>(B: Backend<T>, spec: FamilySpec): SmoothFunction<T> {
  const family = (spec as { family?: unknown } | null)?.family;
  if (typeof family !== 'string' || !(family in builders)) {
    throw new InputError('family', family, `must be one of ${FAMILY_NAMES.join(', ')}`);
  }
  return (builders[family as FamilyName] as <U>(B: Backend<U>, s: FamilySpec) => SmoothFunction<U>)(B, spec);
}

export type { FamilySpec, SmoothFunction, ClassCertificate } from './types.js';
