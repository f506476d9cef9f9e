/**
 * The cross-check a user family passes before it serves any verdict: a family's certificate is a
 * promise the checks rely on (a β too small makes a bound look violated, an f* too high makes a
 * gap negative), so it is tested against the numbers on members drawn from the family's own
 * arbitrary (fixed seed: the same members every time) and points around x* (or 0) at the scales
 * 10^-2, 1 and 10, all in decimal at 40 digits:
 *
 * - generic: central differences of f along a unit v with steps 10^-8 and 10^-20 agree to a
 *   relative 10^-6 (a build that computes in float64, e.g. with Math.exp, cannot resolve the
 *   small step, and would make every "verified" or "certified" verdict on it hollow);
 * - gradient: the directional derivative ∇f(x)·v against the central difference
 *   (f(x + hv) − f(x − hv))/(2h), h = 10^-12, to a relative 10^-8;
 * - curvature: the largest and smallest eigenvalues of ∇²f(x), by power iteration (30 steps) on
 *   Hessian-vector products taken as central differences of the gradient, inside the
 *   certificate's [lower, upper] (hence |λ| <= β, λ >= μ) to 10^-9·β (an ill-conditioned
 *   spectrum may keep the bottom estimate above a wrong μ: power iteration converges slowly there);
 * - f*: f(x) >= f* at every point, and f(x*) = f*, ∇f(x*) = 0 when x* is given;
 * - Lipschitz: ‖∇f(x)‖ <= L when a bound L is given.
 *
 * Sampling cannot prove a certificate; it catches the wrong ones that matter in practice (a β
 * 10% too small is caught at the first member whose top curvature the power iteration finds).
 */
import fc from 'fast-check';
import type { Backend } from '../arith/backend.js';
import { decimalBackend } from '../arith/decimal.js';
import { axpy, dot, norm, scale, sub, type Vec } from '../arith/vector.js';
import { InputError } from '../errors.js';
import type { UserFamily } from '../functions/index.js';
import type { FamilySpec, SmoothFunction } from '../functions/types.js';
import { randomStream } from '../random/seeded.js';

export interface CrossCheckBudget {
  /** Members drawn from the family's arbitrary (default 6). */
  readonly members?: number;
  /** Points per member (default 3: at distances 10^-2, 1 and 10 from x*, or from 0). */
  readonly points?: number;
}

const PRECISION = 40;
const POWER_STEPS = 30;
const SEED = 20231201;

export function crossCheckFamily(family: UserFamily, budget: CrossCheckBudget = {}): void {
  const members = budget.members ?? 6;
  const points = budget.points ?? 3;
  const specs = fc.sample(family.arbitrary, { seed: SEED, numRuns: members });
  const B = decimalBackend(PRECISION);
  specs.forEach((spec, m) => {
    const fail = (check: string, at: string, what: string): never => {
      throw new InputError(
        `family ${family.name}`,
        spec,
        `fails its cross-check "${check}" ${at}: ${what}`,
        `family ${family.name} is refused: its cross-check "${check}" fails on the member ${JSON.stringify(spec)} ${at}: ${what}`,
      );
    };
    const f = buildOrFail(B, family, spec, fail);
    const c = f.certificate;
    const center = c.xStar ?? Array.from({ length: f.dim }, () => B.zero);
    if (c.xStar !== undefined) checkOptimum(B, f, c.xStar, fail);
    const random = randomStream(SEED, m);
    for (let p = 0; p < points; p++) {
      const distance = B.fromNumber([1e-2, 1, 10][p % 3]! * (1 + Math.floor(p / 3)));
      const x = axpy(B, distance, unit(B, f.dim, random), center);
      const at = `at x = [${x.map((v) => B.toNumber(v).toPrecision(6)).join(', ')}]`;
      checkGeneric(B, f, x, unit(B, f.dim, random), at, fail);
      checkPoint(B, f, x, random, at, fail);
    }
  });
}

type Fail = (check: string, at: string, what: string) => never;

function buildOrFail<T>(B: Backend<T>, family: UserFamily, spec: FamilySpec, fail: Fail): SmoothFunction<T> {
  try {
    return family.build(B, spec);
  } catch (error) {
    return fail('build', `in decimal at ${B.precision} digits`, error instanceof Error ? error.message : String(error));
  }
}

function checkOptimum<T>(B: Backend<T>, f: SmoothFunction<T>, xStar: Vec<T>, fail: Fail): void {
  const { beta, fStar } = f.certificate;
  const at = `at its x* = [${xStar.map((v) => B.toNumber(v).toPrecision(6)).join(', ')}]`;
  const scaleOf = B.add(B.one, B.abs(fStar));
  if (B.toNumber(B.abs(B.sub(f.value(xStar), fStar))) > 1e-20 * B.toNumber(scaleOf)) fail('f*', at, `f(x*) = ${show(B, f.value(xStar))} but the certificate's f* = ${show(B, fStar)}`);
  const gNorm = norm(B, f.gradient(xStar));
  if (B.toNumber(gNorm) > 1e-20 * B.toNumber(beta) * (1 + B.toNumber(norm(B, xStar)))) fail('x*', at, `‖∇f(x*)‖ = ${show(B, gNorm)}, not 0`);
}

/**
 * The slope of f along v seen with a step of 10^-8 and with one of 10^-20: the same to many
 * digits when f is computed in B's digits (the gradient is not used, so a wrong gradient is left
 * to its own check).
 */
function checkGeneric<T>(B: Backend<T>, f: SmoothFunction<T>, x: Vec<T>, v: Vec<T>, at: string, fail: Fail): void {
  const coarse = centralDifference(B, f, x, v, B.fromString('1e-8'));
  const fine = centralDifference(B, f, x, v, B.fromString('1e-20'));
  const error = Math.abs(B.toNumber(B.sub(fine, coarse)));
  if (error > 1e-6 * Math.abs(B.toNumber(coarse)) + 1e-14 * (1 + Math.abs(B.toNumber(f.value(x))))) {
    fail('generic', at, `the slope of f along v is ${show(B, coarse)} seen with a step of 1e-8 but ${show(B, fine)} with a step of 1e-20: f is not computed in the backend's ${B.precision} digits (Math.* or float64 numbers instead of B's operations?)`);
  }
}

/** (f(x + hv) − f(x − hv))/(2h). */
function centralDifference<T>(B: Backend<T>, f: SmoothFunction<T>, x: Vec<T>, v: Vec<T>, h: T): T {
  return B.div(B.sub(f.value(axpy(B, h, v, x)), f.value(axpy(B, B.neg(h), v, x))), B.mul(B.fromNumber(2), h));
}

function checkPoint<T>(B: Backend<T>, f: SmoothFunction<T>, x: Vec<T>, random: ReturnType<typeof randomStream>, at: string, fail: Fail): void {
  const { beta, fStar, lipschitz, curvature } = f.certificate;
  const value = f.value(x);
  const g = f.gradient(x);
  if (!B.isFinite(value) || !g.every((v) => B.isFinite(v))) fail('finite', at, 'f(x) or ∇f(x) is not finite');
  if (B.toNumber(B.sub(value, fStar)) < -1e-20 * (1 + Math.abs(B.toNumber(fStar)))) fail('f*', at, `f(x) = ${show(B, value)} is below the certificate's f* = ${show(B, fStar)}`);
  if (lipschitz !== undefined && B.toNumber(norm(B, g)) > B.toNumber(lipschitz) * (1 + 1e-9)) fail('lipschitz', at, `‖∇f(x)‖ = ${show(B, norm(B, g))} exceeds the certificate's bound ${show(B, lipschitz)}`);

  const h = B.fromNumber(1e-12);
  const two = B.fromNumber(2);
  const v = unit(B, f.dim, random);
  const difference = centralDifference(B, f, x, v, h);
  const directional = dot(B, g, v);
  const gradientError = Math.abs(B.toNumber(B.sub(difference, directional)));
  // The difference carries the rounding of f: 10^-p·|f|/h, 10^-28·|f| at 40 digits and h = 10^-12.
  const rounding = 1e-26 * (1 + Math.abs(B.toNumber(value)));
  if (gradientError > 1e-8 * (Math.abs(B.toNumber(directional)) + B.toNumber(norm(B, g)) + 1e-8 * B.toNumber(beta)) + rounding) {
    fail('gradient', at, `∇f(x)·v = ${show(B, directional)} but the central difference of f along v is ${show(B, difference)}`);
  }

  // Hessian-vector products as central differences of the gradient (error O(h²) at 40 digits).
  const hessian = (w: Vec<T>) => scale(B, B.div(B.one, B.mul(two, h)), sub(B, f.gradient(axpy(B, h, w, x)), f.gradient(axpy(B, B.neg(h), w, x))));
  const shifted = (w: Vec<T>) => sub(B, scale(B, beta, w), hessian(w)); // βI − ∇²f: its top eigenvalue is β − λ_min
  const top = rayleighAfterPowerSteps(B, hessian, unit(B, f.dim, random));
  const bottom = B.sub(beta, rayleighAfterPowerSteps(B, shifted, unit(B, f.dim, random)));
  // A Rayleigh quotient lies inside the spectrum up to the differences' error (far below 10^-9·β),
  // so a small slack refuses no true certificate, and catches a μ too large even when μ << β.
  const slack = 1e-9 * B.toNumber(beta);
  for (const lambda of [top, bottom]) {
    if (B.toNumber(lambda) > B.toNumber(curvature.upper) + slack || B.toNumber(lambda) < B.toNumber(curvature.lower) - slack) {
      fail('curvature', at, `∇²f(x) has the eigenvalue ${show(B, lambda)} (power iteration on central differences of the gradient), outside the certificate's curvature [${show(B, curvature.lower)}, ${show(B, curvature.upper)}] (β = ${show(B, beta)}${f.certificate.mu === undefined ? '' : `, μ = ${show(B, f.certificate.mu)}`})`);
    }
  }
}

/**
 * vᵀMv for v after POWER_STEPS normalized power steps of M from `start`: the eigenvalue of M of
 * largest magnitude (its sign kept), approached from inside the spectrum.
 */
function rayleighAfterPowerSteps<T>(B: Backend<T>, M: (w: Vec<T>) => T[], start: T[]): T {
  let v = start;
  for (let i = 0; i < POWER_STEPS; i++) {
    const w = M(v);
    const n = norm(B, w);
    if (B.cmp(n, B.zero) === 0) return B.zero;
    v = scale(B, B.div(B.one, n), w);
  }
  return dot(B, v, M(v));
}

function unit<T>(B: Backend<T>, d: number, random: ReturnType<typeof randomStream>): T[] {
  for (;;) {
    const v = Array.from({ length: d }, () => B.fromNumber(random.gaussian()));
    const n = norm(B, v);
    if (B.cmp(n, B.zero) > 0) return scale(B, B.div(B.one, n), v);
  }
}

function show<T>(B: Backend<T>, v: T): string {
  return B.toNumber(v).toPrecision(8);
}
