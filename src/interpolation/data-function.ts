/**
 * A function known only by its data: the i-th new point a run asks about gets the i-th gradient
 * and value of the data, and the point is kept beside them. A method run on it (runDeterministic,
 * a card's step quantities, a user's method) computes its own points by its own equations, so the
 * data (x_0, then the gradients and values) and the method define the trajectory, and the kept
 * triples (x_i, g_i, f_i) are what the interpolation conditions (conditions.ts) must accept for
 * some member of the class to have produced that run.
 *
 * A point asked about again (the same array: a card's step asks ∇f(y) twice) gets the same answer.
 * Values are gaps f − f* with f* = 0 (the class's minimum value, or the infimum the search keeps
 * for a nonconvex class): the certificate says f* = 0.
 */
import type { Backend } from '../arith/backend.js';
import type { Vec } from '../arith/vector.js';
import { InputError } from '../errors.js';
import type { ClassCertificate, FamilySpec, SmoothFunction } from '../functions/types.js';
import type { DataPoint } from './conditions.js';

/** One answer of the data: the gradient and the value f − f* at the point asked about. */
export interface Answer<T> {
  readonly g: readonly T[];
  readonly f: T;
}

export interface DataFunction<T> {
  readonly f: SmoothFunction<T>;
  /** The points asked about so far, in order, each with its answer. */
  points(): DataPoint<T>[];
}

/** The spec a data function reports: it is no family member (nothing rebuilds it from a spec). */
const DATA_SPEC = { family: 'interpolation data' } as unknown as FamilySpec;

export function dataFunction<T>(B: Backend<T>, answers: readonly Answer<T>[], certificate: ClassCertificate<T>): DataFunction<T> {
  const asked: DataPoint<T>[] = [];
  const known = new WeakMap<Vec<T>, DataPoint<T>>();
  const dim = answers[0]?.g.length ?? 0;
  const at = (x: Vec<T>): DataPoint<T> => {
    const seen = known.get(x);
    if (seen !== undefined) return seen;
    const answer = answers[asked.length];
    if (answer === undefined) throw new InputError('data', `${answers.length} points`, `too few for the run: it asks about point ${asked.length + 1}`);
    const point = { x: [...x], g: answer.g, f: answer.f };
    asked.push(point);
    known.set(x, point);
    return point;
  };
  const f: SmoothFunction<T> = {
    spec: DATA_SPEC,
    backend: B,
    dim,
    certificate,
    value: (x) => B.add(at(x).f, certificate.fStar),
    gradient: (x) => [...at(x).g],
    gap: (x) => at(x).f,
    evaluate: (x) => {
      const p = at(x);
      return { gap: p.f, gradient: [...p.g] };
    },
  };
  return { f, points: () => [...asked] };
}
