/**
 * Piecewise-quadratic functions (THEOREMS.md §4, LB-D-NC-c), separable over the coordinates:
 *   f(x) = Σ_i f_i(x_i),  f_i'' = +β, −β, +β, ..., +β on the pieces cut by the breakpoints
 *   b_1 < ... < b_m of coordinate i (m even, so both ends curve up: f_i is coercive),
 * with f_i'(b_1) = the coordinate's `slope` (with no breakpoints f_i = (β/2)(x − x_i*)², its slope
 * given at 0). f is C¹ and β-smooth with curvature in [−β, β], nonconvex as soon as a coordinate
 * has breakpoints.
 *
 * Certificate, in closed form: f_i' is piecewise linear, so its zeros on the +β pieces are the
 * local minima, z = b_j − f_i'(b_j)/β where that lies in the piece, with value
 * F_i(b_j) − f_i'(b_j)²/(2β) for F_i the primitive from b_1. f is shifted so that f* = 0 and x* is
 * the best local minimum of each coordinate (which one is decided once from the spec's exact
 * numbers at 80 digits, so that no backend, intervals included, has to compare values). The gap
 * is computed from x* outward ((β/2)(x − z)² on x*'s own piece), without subtracting f*.
 */
import type { Backend } from '../arith/backend.js';
import { decimalBackend } from '../arith/decimal.js';
import { parseNumber } from '../arith/literal.js';
import type { Vec } from '../arith/vector.js';
import { InputError } from '../errors.js';
import { positiveNumber, wholeNumber } from '../validate.js';
import { MAX_DIMENSION, type PiecewiseQuadraticSpec, type SmoothFunction } from './types.js';

/** One coordinate in backend B: its pieces and where its minimum is. */
interface Coordinate<T> {
  readonly breakpoints: readonly T[];
  /** f'(b_j) for j = 1..m (index j − 1). */
  readonly derivatives: readonly T[];
  /** F(b_j) − F(z*), the primitive at each breakpoint measured from the minimum. */
  readonly heights: readonly T[];
  /** The piece of the minimum (0..m) and the minimizer z*. */
  readonly minPiece: number;
  readonly minimizer: T;
}

export function piecewiseQuadratic<T>(B: Backend<T>, spec: PiecewiseQuadraticSpec): SmoothFunction<T> {
  const beta = positiveNumber(B, 'beta', spec.beta);
  if (!Array.isArray(spec.coordinates) || spec.coordinates.length < 1 || spec.coordinates.length > MAX_DIMENSION) {
    throw new InputError('coordinates', spec.coordinates, `must be a list of 1 to ${MAX_DIMENSION} coordinates { breakpoints, slope }`);
  }
  const d = wholeNumber('coordinates.length', spec.coordinates.length, 1, MAX_DIMENSION);
  const pieces = spec.coordinates.map((_, i) => minimumPiece(spec, i));
  const coordinates = spec.coordinates.map((_, i) => coordinateIn(B, spec, i, beta, pieces[i]!));
  const half = B.div(B.one, B.fromNumber(2));
  const anyBreakpoints = coordinates.some((c) => c.breakpoints.length > 0);
  const curvatureOf = (j: number) => (j % 2 === 0 ? beta : B.neg(beta));
  /** The piece of x among the breakpoints: 0 before b_1, j on [b_j, b_{j+1}). */
  const pieceOf = (c: Coordinate<T>, x: T) => {
    let j = 0;
    while (j < c.breakpoints.length && B.cmp(x, c.breakpoints[j]!) >= 0) j++;
    return j;
  };
  const derivative = (c: Coordinate<T>, x: T): T => {
    const j = pieceOf(c, x);
    if (j === 0) return c.breakpoints.length === 0 ? B.mul(beta, B.sub(x, c.minimizer)) : B.add(c.derivatives[0]!, B.mul(beta, B.sub(x, c.breakpoints[0]!)));
    return B.add(c.derivatives[j - 1]!, B.mul(curvatureOf(j), B.sub(x, c.breakpoints[j - 1]!)));
  };
  const gapOf = (c: Coordinate<T>, x: T): T => {
    const j = pieceOf(c, x);
    if (j === c.minPiece) {
      const e = B.sub(x, c.minimizer);
      return B.mul(B.mul(half, beta), B.mul(e, e));
    }
    // From the breakpoint that opens x's piece (or, before b_1, from b_1 backwards).
    const at = j === 0 ? 0 : j - 1;
    const e = B.sub(x, c.breakpoints[at]!);
    const curvature = j === 0 ? beta : curvatureOf(j);
    return B.add(c.heights[at]!, B.add(B.mul(c.derivatives[at]!, e), B.mul(B.mul(half, curvature), B.mul(e, e))));
  };
  const gap = (x: Vec<T>) => coordinates.reduce((s, c, i) => B.add(s, gapOf(c, x[i]!)), B.zero);
  const gradient = (x: Vec<T>) => coordinates.map((c, i) => derivative(c, x[i]!));
  return {
    spec,
    backend: B,
    dim: d,
    certificate: {
      beta,
      ...(anyBreakpoints ? {} : { mu: beta }),
      fStar: B.zero,
      xStar: coordinates.map((c) => c.minimizer),
      curvature: { lower: anyBreakpoints ? B.neg(beta) : beta, upper: beta },
    },
    value: gap,
    gap,
    gradient,
    evaluate: (x) => ({ gap: gap(x), gradient: gradient(x) }),
  };
}

/** The pieces' data of coordinate i in B, measured from its minimum in piece `minPiece`. */
function coordinateIn<T>(B: Backend<T>, spec: PiecewiseQuadraticSpec, i: number, beta: T, minPiece: number): Coordinate<T> {
  const { breakpoints, slope } = readCoordinate(B, spec, i);
  const m = breakpoints.length;
  const half = B.div(B.one, B.fromNumber(2));
  const derivatives: T[] = [];
  const primitive: T[] = []; // F(b_j), F(b_1) = 0
  for (let j = 0; j < m; j++) {
    if (j === 0) {
      derivatives.push(slope);
      primitive.push(B.zero);
      continue;
    }
    const length = B.sub(breakpoints[j]!, breakpoints[j - 1]!);
    const c = j % 2 === 0 ? beta : B.neg(beta); // between the j-th and (j+1)-th breakpoints lies piece j: −β for odd j
    derivatives.push(B.add(derivatives[j - 1]!, B.mul(c, length)));
    primitive.push(B.add(primitive[j - 1]!, B.add(B.mul(derivatives[j - 1]!, length), B.mul(B.mul(half, c), B.mul(length, length)))));
  }
  if (m === 0) {
    // (β/2)(x − z)² with f'(0) = slope: z = −slope/β.
    return { breakpoints, derivatives, heights: [], minPiece: 0, minimizer: B.neg(B.div(slope, beta)) };
  }
  const base = minPiece === 0 ? 0 : minPiece - 1;
  const minimizer = B.sub(breakpoints[base]!, B.div(derivatives[base]!, beta));
  const minValue = B.sub(primitive[base]!, B.div(B.mul(derivatives[base]!, derivatives[base]!), B.mul(B.fromNumber(2), beta)));
  return { breakpoints, derivatives, heights: primitive.map((p) => B.sub(p, minValue)), minPiece, minimizer };
}

/** The piece (0..m) of coordinate i's global minimum, decided once at 80 digits (ties: the first). */
function minimumPiece(spec: PiecewiseQuadraticSpec, i: number): number {
  const D = decimalBackend(80);
  const beta = positiveNumber(D, 'beta', spec.beta);
  const { breakpoints } = readCoordinate(D, spec, i);
  if (breakpoints.length === 0) return 0;
  const c = coordinateIn(D, spec, i, beta, 0);
  // Heights measured from piece 0's candidate; each +β piece's candidate, where it lies in its piece.
  let best = 0;
  let bestValue: ReturnType<typeof D.fromNumber> | undefined;
  for (let piece = 0; piece <= breakpoints.length; piece += 2) {
    const at = piece === 0 ? 0 : piece - 1;
    const z = D.sub(breakpoints[at]!, D.div(c.derivatives[at]!, beta));
    const inside = piece === 0 ? D.cmp(z, breakpoints[0]!) <= 0 : D.cmp(z, breakpoints[at]!) >= 0 && (piece === breakpoints.length || D.cmp(z, breakpoints[piece]!) <= 0);
    if (!inside) continue;
    const value = D.sub(c.heights[at]!, D.div(D.mul(c.derivatives[at]!, c.derivatives[at]!), D.mul(D.fromNumber(2), beta)));
    if (bestValue === undefined || D.cmp(value, bestValue) < 0) {
      best = piece;
      bestValue = value;
    }
  }
  return best;
}

function readCoordinate<T>(B: Backend<T>, spec: PiecewiseQuadraticSpec, i: number): { breakpoints: T[]; slope: T } {
  const c = spec.coordinates[i];
  const field = `coordinates[${i + 1}]`;
  if (typeof c !== 'object' || c === null || !Array.isArray(c.breakpoints)) throw new InputError(field, c, 'must be { breakpoints: [b1, ..., bm], slope } with m even');
  if (c.breakpoints.length % 2 !== 0) throw new InputError(`${field}.breakpoints`, c.breakpoints, 'must have an even number of breakpoints (so that f curves up at both ends and is coercive)');
  const breakpoints = c.breakpoints.map((b, j) => parseNumber(B, `${field}.breakpoints[${j + 1}]`, b));
  for (let j = 1; j < breakpoints.length; j++) {
    if (B.cmp(breakpoints[j]!, breakpoints[j - 1]!) <= 0) throw new InputError(`${field}.breakpoints`, c.breakpoints, 'must increase strictly');
  }
  return { breakpoints, slope: parseNumber(B, `${field}.slope`, c.slope) };
}
