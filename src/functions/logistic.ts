/**
 * L2-regularized logistic regression on generated data, a convex family that is not quadratic:
 *   f(w) = (1/N) Σ_i log(1 + exp(−y_i x_iᵀ w)) + (l2/2)‖w‖².
 *
 * Data (`logisticData`): `samples` points with standard normal features written with 3 decimals
 * (so the data are exact number texts), labelled by the sign of a seeded planted model and flipped
 * with probability 1/10; then 2·dim anchor points ±e_j labelled +1. The anchors make the vectors
 * y_i x_i positively span R^d, so the loss grows along every ray: a minimizer exists even for
 * l2 = 0, and the Hessian is positive definite at it.
 *
 * Certificate: ∇²f(w) = (1/N) Σ σ(m_i)σ(−m_i) x_i x_iᵀ + l2·I with σ(m)σ(−m) in (0, 1/4], so the
 * curvature lies in [l2, λmax(XᵀX)/(4N) + l2] (λmax by Jacobi in the backend), μ = l2, and for
 * l2 = 0 the gradient is bounded by (1/N) Σ ‖x_i‖. f* has no closed form: it is computed by damped
 * Newton's method in the backend, stopped when half the squared Newton decrement (which estimates
 * f(w) − f*) is below the unit roundoff times max(1, |f|), followed by one more Newton step; so f*
 * and x* are correct to the working precision.
 */
import type { Backend } from '../arith/backend.js';
import { choleskySolve, matMul, symmetricEigenvalues, transpose } from '../arith/matrix.js';
import { lt, maxOf, sign, sum } from '../arith/scalar.js';
import { axpy, dot, norm, normSq, scale, sub, type Vec } from '../arith/vector.js';
import { NumericalError } from '../errors.js';
import { randomStream, validateSeed } from '../random/seeded.js';
import { nonNegativeNumber, wholeNumber } from '../validate.js';
import { MAX_DIMENSION, type LogisticSpec, type SmoothFunction } from './types.js';

export const MAX_LOGISTIC_SAMPLES = 10_000;
const LABEL_FLIP_PROBABILITY = 0.1;

export interface LogisticData {
  /** Row i is x_i, as exact number texts. */
  readonly features: string[][];
  readonly labels: (1 | -1)[];
}

export function logisticData(dim: number, samples: number, seed: number): LogisticData {
  const stream = randomStream(seed, 0x1061);
  const planted = Array.from({ length: dim }, () => stream.gaussian());
  const features: string[][] = [];
  const labels: (1 | -1)[] = [];
  for (let i = 0; i < samples; i++) {
    const x = Array.from({ length: dim }, () => stream.gaussian().toFixed(3));
    const margin = x.reduce((s, xi, j) => s + Number(xi) * planted[j]!, 0);
    const flip = stream.uniform() < LABEL_FLIP_PROBABILITY;
    features.push(x);
    labels.push((margin >= 0) !== flip ? 1 : -1);
  }
  for (let j = 0; j < dim; j++) {
    for (const s of ['1', '-1']) {
      features.push(Array.from({ length: dim }, (_, l) => (l === j ? s : '0')));
      labels.push(1);
    }
  }
  return { features, labels };
}

export function logistic<T>(B: Backend<T>, spec: LogisticSpec): SmoothFunction<T> {
  const d = wholeNumber('dim', spec.dim, 1, MAX_DIMENSION);
  const samples = wholeNumber('samples', spec.samples, 1, MAX_LOGISTIC_SAMPLES);
  validateSeed('dataSeed', spec.dataSeed);
  const l2 = nonNegativeNumber(B, 'l2', spec.l2);
  const data = logisticData(d, samples, spec.dataSeed);
  // z_i = y_i x_i: the loss and its derivatives depend on the data only through these.
  const Z = data.features.map((row, i) => row.map((text) => (data.labels[i] === 1 ? B.fromString(text) : B.neg(B.fromString(text)))));
  const N = B.fromNumber(Z.length);
  const two = B.fromNumber(2);

  // The margins m_i = z_iᵀw are all that value and gradient need from the data.
  const margins = (w: Vec<T>): T[] => Z.map((z) => dot(B, z, w));
  const valueAt = (w: Vec<T>, m: readonly T[]): T => {
    const loss = sum(B, m.map((mi) => softplus(B, B.neg(mi))));
    return B.add(B.div(loss, N), B.div(B.mul(l2, normSq(B, w)), two));
  };
  const gradientAt = (w: Vec<T>, m: readonly T[]): T[] => {
    let g = scale(B, l2, w);
    Z.forEach((z, i) => (g = axpy(B, B.neg(B.div(logistic01(B, B.neg(m[i]!)), N)), z, g)));
    return g;
  };
  const value = (w: Vec<T>) => valueAt(w, margins(w));
  const gradient = (w: Vec<T>) => gradientAt(w, margins(w));
  const hessian = (w: Vec<T>): T[][] => {
    const weights = Z.map((z) => {
      const m = dot(B, z, w);
      return B.div(B.mul(logistic01(B, m), logistic01(B, B.neg(m))), N);
    });
    const weighted = Z.map((z, i) => scale(B, weights[i]!, z));
    const H = matMul(B, transpose(weighted), Z);
    return H.map((row, i) => row.map((h, j) => (i === j ? B.add(h, l2) : h)));
  };

  const gram = matMul(B, transpose(Z), Z);
  const lambdaMax = maxOf(B, symmetricEigenvalues(B, gram));
  const beta = B.add(B.div(lambdaMax, B.mul(B.fromNumber(4), N)), l2);
  const xStar = newtonMinimizer(B, value, gradient, hessian, d);
  const fStar = value(xStar);
  return {
    spec,
    backend: B,
    dim: d,
    certificate: {
      beta,
      mu: l2,
      fStar,
      xStar,
      lipschitz: sign(B, l2) === 0 ? B.div(sum(B, Z.map((z) => norm(B, z))), N) : undefined,
      curvature: { lower: l2, upper: beta },
    },
    value,
    gradient,
    gap: (w) => B.sub(value(w), fStar),
    evaluate(w) {
      const m = margins(w);
      return { gap: B.sub(valueAt(w, m), fStar), gradient: gradientAt(w, m) };
    },
  };
}

/** log(1 + e^t) without overflow: max(t, 0) + log(1 + e^{−|t|}). */
function softplus<T>(B: Backend<T>, t: T): T {
  return B.add(B.max(t, B.zero), B.log(B.add(B.one, B.exp(B.neg(B.abs(t))))));
}

/** σ(t) = 1/(1 + e^{−t}), evaluated on the side where the exponential cannot overflow. */
function logistic01<T>(B: Backend<T>, t: T): T {
  if (sign(B, t) >= 0) return B.div(B.one, B.add(B.one, B.exp(B.neg(t))));
  const e = B.exp(t);
  return B.div(e, B.add(B.one, e));
}

function newtonMinimizer<T>(
  B: Backend<T>,
  value: (w: Vec<T>) => T,
  gradient: (w: Vec<T>) => T[],
  hessian: (w: Vec<T>) => T[][],
  d: number,
): T[] {
  let w: T[] = Array.from({ length: d }, () => B.zero);
  let decrementSq = B.zero;
  let previous: T | undefined;
  for (let iteration = 0; iteration < 200; iteration++) {
    const g = gradient(w);
    const step = choleskySolve(B, hessian(w), g);
    decrementSq = dot(B, g, step);
    const fw = value(w);
    const tolerance = B.mul(B.mul(B.fromNumber(2), B.unitRoundoff), B.max(B.one, B.abs(fw)));
    // Converged: one more full step squares the error once more.
    if (!lt(B, tolerance, decrementSq)) return sub(B, w, step);
    // On an ill-conditioned Hessian the rounding of g keeps λ² a little above the tolerance (seen in
    // float64 at 2.5 times it): once λ² stops halving within 1000 times the tolerance, f(w) − f* ≈ λ²/2
    // is at the rounding level of f and Newton can do no better.
    const stalled = previous !== undefined && lt(B, B.div(previous, B.fromNumber(2)), decrementSq);
    if (stalled && lt(B, decrementSq, B.mul(B.fromNumber(1000), tolerance))) return sub(B, w, step);
    previous = decrementSq;
    w = backtrack(B, value, w, step, fw, decrementSq);
  }
  throw new NumericalError(
    `logistic f*: Newton's method did not converge in 200 iterations (squared Newton decrement ${B.toString(decrementSq)})`,
  );
}

/** Halves t from 1 until f(w − t·step) <= f(w) − (t/4)·λ² (Armijo with slope 1/4). */
function backtrack<T>(B: Backend<T>, value: (w: Vec<T>) => T, w: T[], step: T[], fw: T, decrementSq: T): T[] {
  let t = B.one;
  for (let halvings = 0; halvings <= 60; halvings++) {
    const candidate = axpy(B, B.neg(t), step, w);
    const enough = B.sub(fw, B.div(B.mul(t, decrementSq), B.fromNumber(4)));
    if (!lt(B, enough, value(candidate))) return candidate;
    t = B.div(t, B.fromNumber(2));
  }
  throw new NumericalError('logistic f*: the Newton line search made no progress');
}
