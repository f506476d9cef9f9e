/**
 * The nonconvex cosine family (THEOREMS.md §4, LB-D-NC-a and LB-D-NC-b):
 *   f(x) = Σ_{i<m} (β_i/k_i²) cos(k_i x_i + φ_i) + (β_q/2) Σ_{i≥m} x_i².
 *
 * Certificate, all in closed form: ∇²f is diagonal with entries −β_i cos(k_i x_i + φ_i) and β_q,
 * so the curvature lies in [−max β_i, max(β_i, β_q)] and β is the larger magnitude; f* = −Σ β_i/k_i²
 * (each cosine reaches −1 on its own coordinate, the quadratic part 0), attained at
 * x_i = (π − φ_i)/k_i and x_rest = 0; ‖∇f‖ <= (Σ (β_i/k_i)²)^{1/2} when there is no quadratic part.
 */
import type { Backend } from '../arith/backend.js';
import { parseNumber } from '../arith/literal.js';
import { maxOf, sign, square, sum } from '../arith/scalar.js';
import type { Vec } from '../arith/vector.js';
import { InputError } from '../errors.js';
import { nonNegativeNumber, positiveNumber, wholeNumber } from '../validate.js';
import { MAX_DIMENSION, type CosineSpec, type SmoothFunction } from './types.js';

interface Term<T> {
  readonly amplitude: T; // β/k²
  readonly slope: T; // β/k
  readonly beta: T;
  readonly k: T;
  readonly phase: T;
}

export function cosine<T>(B: Backend<T>, spec: CosineSpec): SmoothFunction<T> {
  const d = wholeNumber('dim', spec.dim, 1, MAX_DIMENSION);
  if (!Array.isArray(spec.terms) || spec.terms.length < 1 || spec.terms.length > d) {
    throw new InputError('terms', spec.terms, `must be a list of 1 to dim = ${d} cosine terms`);
  }
  const terms: Term<T>[] = spec.terms.map((term, i) => {
    const beta = positiveNumber(B, `terms[${i + 1}].beta`, term.beta);
    const k = positiveNumber(B, `terms[${i + 1}].k`, term.k);
    const phase = term.phase === undefined ? B.zero : parseNumber(B, `terms[${i + 1}].phase`, term.phase);
    return { beta, k, phase, amplitude: B.div(beta, square(B, k)), slope: B.div(beta, k) };
  });
  const quadBeta = nonNegativeNumber(B, 'quadBeta', spec.quadBeta);
  const m = terms.length;
  const hasQuadraticPart = d > m;
  const two = B.fromNumber(2);
  const quadraticPart = (x: Vec<T>) => {
    let s = B.zero;
    for (let i = m; i < d; i++) s = B.add(s, square(B, x[i]!));
    return B.div(B.mul(quadBeta, s), two);
  };
  // θ_i = k_i x_i + φ_i: value, gap and gradient all start from these.
  const angles = (x: Vec<T>): T[] => terms.map((t, i) => B.add(B.mul(t.k, x[i]!), t.phase));
  const valueAt = (x: Vec<T>, theta: readonly T[]): T =>
    theta.reduce((s, angle, i) => B.add(s, B.mul(terms[i]!.amplitude, B.cos(angle))), quadraticPart(x));
  // 1 + cos θ = 2 cos²(θ/2) keeps the relative accuracy near the minimum θ = π.
  const gapAt = (x: Vec<T>, theta: readonly T[]): T =>
    theta.reduce((s, angle, i) => B.add(s, B.mul(B.mul(two, terms[i]!.amplitude), square(B, B.cos(B.div(angle, two))))), quadraticPart(x));
  const gradientAt = (x: Vec<T>, theta: readonly T[]): T[] =>
    Array.from({ length: d }, (_, i) => (i < m ? B.neg(B.mul(terms[i]!.slope, B.sin(theta[i]!))) : B.mul(quadBeta, x[i]!)));
  const fStar = B.neg(sum(B, terms.map((t) => t.amplitude)));
  const largestTermBeta = maxOf(B, terms.map((t) => t.beta));
  const upper = hasQuadraticPart ? B.max(largestTermBeta, quadBeta) : largestTermBeta;
  const boundedGradient = !hasQuadraticPart || sign(B, quadBeta) === 0;
  return {
    spec,
    backend: B,
    dim: d,
    certificate: {
      beta: upper, // the lower curvature bound has magnitude max β_i <= upper
      fStar,
      xStar: Array.from({ length: d }, (_, i) =>
        i < m ? B.div(B.sub(B.pi, terms[i]!.phase), terms[i]!.k) : B.zero,
      ),
      lipschitz: boundedGradient ? B.sqrt(sum(B, terms.map((t) => square(B, t.slope)))) : undefined,
      curvature: { lower: B.neg(largestTermBeta), upper },
    },
    value: (x) => valueAt(x, angles(x)),
    gap: (x) => gapAt(x, angles(x)),
    gradient: (x) => gradientAt(x, angles(x)),
    evaluate(x) {
      const theta = angles(x);
      return { gap: gapAt(x, theta), gradient: gradientAt(x, theta) };
    },
  };
}
