/**
 * Building an oracle from its spec in a backend, with its variance certificate.
 */
import type fc from 'fast-check';
import type { Backend } from '../arith/backend.js';
import { globalRegistry, registerNamed } from '../registry.js';
import { parseNumbers } from '../arith/literal.js';
import { lt, sign, sum } from '../arith/scalar.js';
import { add, normSq, scale, type Vec } from '../arith/vector.js';
import { InputError } from '../errors.js';
import type { SmoothFunction } from '../functions/types.js';
import type { RandomStream } from '../random/seeded.js';
import { nonNegativeNumber, positiveNumber, requireLength, wholeNumber } from '../validate.js';
import type { Oracle, OracleKind, OracleSpec } from './oracle.js';

export const ORACLE_KINDS: readonly OracleKind[] = ['gaussian', 'rademacher', 'student-t', 'discrete', 'two-point', 'finite-sum'];

/** Additive noise: its exact variance E‖ξ‖² and a draw of ξ (mean exactly 0). */
export interface Noise<T> {
  readonly sigmaSq: T;
  draw(stream: RandomStream): T[];
}

/** A noise model made by defineOracle (src/extend/oracle.ts): its parameters for a dimension, and its noise. */
export interface UserOracle {
  readonly kind: string;
  /** Specs { kind, ...parameters } for a member of dimension d. */
  arbitrary(d: number): fc.Arbitrary<OracleSpec>;
  noise<T>(B: Backend<T>, f: SmoothFunction<T>, spec: OracleSpec): Noise<T>;
}

const userOracles = globalRegistry<UserOracle>('oracles');

export function isBuiltinOracleKind(kind: unknown): kind is OracleKind {
  return typeof kind === 'string' && (ORACLE_KINDS as readonly string[]).includes(kind);
}

export function userOracle(kind: string): UserOracle | undefined {
  return isBuiltinOracleKind(kind) ? undefined : userOracles.get(kind);
}

/** Every noise model known now: the built-in ones, then the users'. */
export function oracleKinds(): string[] {
  return [...ORACLE_KINDS, ...userOracles.names()];
}

export function registerOracle(oracle: UserOracle, fingerprint: string): void {
  registerNamed(userOracles, { field: 'oracle kind', noun: 'noise model', definer: 'defineOracle', isBuiltin: isBuiltinOracleKind }, oracle.kind, oracle, fingerprint);
}

export function buildOracle<T>(B: Backend<T>, f: SmoothFunction<T>, spec: OracleSpec): Oracle<T> {
  const user = typeof spec?.kind === 'string' ? userOracle(spec.kind) : undefined;
  const noise = user !== undefined ? user.noise(B, f, spec) : noiseOf(B, f, spec);
  return {
    spec,
    f,
    certificate: { sigmaSq: noise.sigmaSq, componentsSmooth: true },
    draw: (stream) => noise.draw(stream),
    sample: (gradient: Vec<T>, xi: Vec<T>) => add(B, gradient, xi),
  };
}

function noiseOf<T>(B: Backend<T>, f: SmoothFunction<T>, spec: OracleSpec): Noise<T> {
  const d = f.dim;
  const perCoordinate = (sigma: T) => B.div(sigma, B.sqrt(B.fromNumber(d)));
  /** A noise vector of d coordinates, coordinate i drawn by `coordinate(i)` (a loop: this is hot). */
  const vector = (coordinate: (i: number) => T): T[] => {
    const xi = new Array<T>(d);
    for (let i = 0; i < d; i++) xi[i] = coordinate(i);
    return xi;
  };
  switch (spec?.kind) {
    case 'gaussian': {
      if ('scales' in spec) {
        requireLength('oracle.scales', spec.scales, d, 'the dimension of f');
        const scales = spec.scales.map((text, i) => nonNegativeNumber(B, `oracle.scales[${i + 1}]`, text));
        return { sigmaSq: sum(B, scales.map((s) => B.mul(s, s))), draw: (r) => vector((i) => B.mul(scales[i]!, B.fromNumber(r.gaussian()))) };
      }
      const sigma = nonNegativeNumber(B, 'oracle.sigma', spec.sigma);
      const each = perCoordinate(sigma);
      return { sigmaSq: B.mul(sigma, sigma), draw: (r) => vector(() => B.mul(each, B.fromNumber(r.gaussian()))) };
    }
    case 'rademacher': {
      const sigma = nonNegativeNumber(B, 'oracle.sigma', spec.sigma);
      const each = perCoordinate(sigma);
      return { sigmaSq: B.mul(sigma, sigma), draw: (r) => vector(() => (r.uniform() < 0.5 ? B.neg(each) : each)) };
    }
    case 'student-t': {
      const sigma = nonNegativeNumber(B, 'oracle.sigma', spec.sigma);
      const dof = wholeNumber('oracle.dof', spec.dof, 3, 1000);
      // Var t_ν = ν/(ν − 2): scale each coordinate to variance σ²/d.
      const each = B.mul(perCoordinate(sigma), B.sqrt(B.div(B.fromNumber(dof - 2), B.fromNumber(dof))));
      const t = (r: RandomStream) => r.gaussian() / Math.sqrt(chiSquare(r, dof) / dof);
      return { sigmaSq: B.mul(sigma, sigma), draw: (r) => vector(() => B.mul(each, B.fromNumber(t(r)))) };
    }
    case 'discrete': {
      if (!Array.isArray(spec.values) || spec.values.length < 2 || spec.values.length !== spec.probabilities?.length) {
        throw new InputError('oracle.values', spec.values, 'must be at least two noise vectors, one per probability');
      }
      const values = spec.values.map((v, j) => {
        requireLength(`oracle.values[${j + 1}]`, v, d, 'the dimension of f');
        return parseNumbers(B, `oracle.values[${j + 1}]`, v);
      });
      const probabilities = spec.probabilities.map((text, j) => nonNegativeNumber(B, `oracle.probabilities[${j + 1}]`, text));
      return discrete(B, values, probabilities, 'oracle');
    }
    case 'two-point': {
      const K = positiveNumber(B, 'oracle.K', spec.K);
      if (lt(B, K, B.one)) throw new InputError('oracle.K', spec.K, 'must be >= 1');
      const s = positiveNumber(B, 'oracle.s', spec.s);
      const along = (v: T) => Array.from({ length: d }, (_, i) => (i === 0 ? v : B.zero));
      const onePlusK = B.add(B.one, K);
      return discrete(B, [along(B.mul(s, K)), along(B.neg(s))], [B.div(B.one, onePlusK), B.div(K, onePlusK)], 'oracle');
    }
    case 'finite-sum': {
      if (f.spec.family !== 'quadratic') throw new InputError('oracle.kind', 'finite-sum', 'needs a quadratic f (its components share the matrix A)');
      if (!Array.isArray(spec.offsets) || spec.offsets.length < 2) throw new InputError('oracle.offsets', spec.offsets, 'must be at least two offsets d_i');
      const offsets = spec.offsets.map((o, i) => {
        requireLength(`oracle.offsets[${i + 1}]`, o, d, 'the dimension of f');
        return parseNumbers(B, `oracle.offsets[${i + 1}]`, o);
      });
      const center = f.certificate.xStar!;
      // ∇f_i(x) = A(x − c − d_i) = ∇f(x) − A d_i, and A d_i = ∇f(c + d_i) since ∇f(c) = 0.
      const values = offsets.map((o) => scale(B, B.neg(B.one), f.gradient(add(B, center, o))));
      const n = B.fromNumber(offsets.length);
      return discrete(B, values, offsets.map(() => B.div(B.one, n)), 'oracle.offsets');
    }
    default: {
      const kind = (spec as { kind?: unknown } | null)?.kind;
      const hint = typeof kind === 'string' ? ' (a noise model made by defineOracle is known once the file defining it is loaded: pass its folder with --conjectures)' : '';
      throw new InputError('oracle.kind', kind, `must be one of ${oracleKinds().join(', ')}${hint}`);
    }
  }
}

/** ξ = v_j with probability p_j; checks Σ p_j = 1 and Σ p_j v_j = 0 to the working precision. */
function discrete<T>(B: Backend<T>, values: T[][], probabilities: T[], field: string): Noise<T> {
  const d = values[0]!.length;
  const total = sum(B, probabilities);
  const slack = B.mul(B.fromNumber(10 * values.length * Math.max(d, 1)), B.unitRoundoff);
  if (lt(B, slack, B.abs(B.sub(total, B.one)))) throw new InputError(`${field} probabilities`, B.toString(total), 'must add up to 1');
  const mean = values.reduce((m, v, j) => add(B, m, scale(B, probabilities[j]!, v)), values[0]!.map(() => B.zero));
  const largest = values.reduce((m, v) => B.max(m, normSq(B, v)), B.zero);
  if (sign(B, largest) > 0 && lt(B, B.mul(slack, B.sqrt(largest)), B.sqrt(normSq(B, mean)))) {
    throw new InputError(`${field} values`, mean.map((m) => B.toString(m)), 'must have mean 0 (Σ p_j v_j = 0)');
  }
  const sigmaSq = sum(B, values.map((v, j) => B.mul(probabilities[j]!, normSq(B, v))));
  const cumulative: number[] = [];
  probabilities.reduce((acc, p) => (cumulative.push(acc + B.toNumber(p)), acc + B.toNumber(p)), 0);
  return {
    sigmaSq,
    draw(r) {
      const u = r.uniform() * cumulative.at(-1)!;
      const j = cumulative.findIndex((c) => u < c);
      return values[j < 0 ? values.length - 1 : j]!;
    },
  };
}

/**
 * A χ² variate with ν degrees of freedom, as 2·Gamma(ν/2) by Marsaglia and Tsang's method (ν >= 3,
 * so the shape is at least 3/2): one normal and one uniform per try, rarely more than one try.
 */
function chiSquare(r: RandomStream, dof: number): number {
  const d = dof / 2 - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = r.gaussian();
    const v = (1 + c * z) ** 3;
    if (v > 0 && Math.log(1 - r.uniform()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return 2 * d * v;
  }
}
