/**
 * LB-D-NC-a (THEOREMS.md §4; the floor constant of D-NC tends to 1): f(x) = (β/k²) cos(k x),
 * x0 = −ρ, 0 < kρ < π.
 *
 * ∇f(x0) = (β/k) sin(kρ) > 0, so y0 = x0 + ρ = 0, the local maximum, where ∇f = 0: x1 = x0, and
 * SAM never moves. Every ‖∇f(x_t)‖ is (β/k) sin(kρ), so the average squared gradient is
 * ((β/k) sin(kρ))² = (sin(kρ)/(kρ))²·β²ρ², which tends to β²ρ² as kρ -> 0. The fixed point is
 * unstable (the map's derivative there is 1 + ηβ): only the exact start stays. The replay is
 * certified: interval arithmetic encloses every quantity within the stated digits.
 */
import type { Backend } from '../arith/backend.js';
import { parseNumber } from '../arith/literal.js';
import type { DeterministicConstruction } from './construction.js';

const BETA = '2';
const RHO = '0.5';
const ETA = '1/4'; // η = 1/(2β)
const STEPS = 50;

/** (β/k) sin(kρ). */
function trappedGradient<T>(B: Backend<T>, k: string): T {
  const [beta, kk, rho] = [BETA, k, RHO].map((t) => parseNumber(B, 'LB-D-NC-a', t)) as [T, T, T];
  return B.mul(B.div(beta, kk), B.sin(B.mul(kk, rho)));
}

function trap(k: string, kRho: string): DeterministicConstruction {
  return {
    construction: 'LB-D-NC-a',
    title: `SAM stays at x0 = −ρ on (β/k²)cos(kx) with kρ = ${kRho}: ‖∇f‖ = (β/k)sin(kρ) forever`,
    run: { algorithm: 'sam', function: { family: 'cosine', dim: 1, terms: [{ beta: BETA, k }], quadBeta: BETA }, x0: [`-${RHO}`], eta: ETA, rho: RHO, steps: STEPS },
    precision: 60,
    certify: true,
    expectations: [
      { quantity: 'x', at: STEPS, formula: '−ρ', digits: 30, value: (B) => B.neg(parseNumber(B, 'rho', RHO)) },
      { quantity: 'gradNorm', at: 0, formula: '(β/k) sin(kρ)', digits: 30, value: (B) => trappedGradient(B, k) },
      { quantity: 'gradNorm', at: STEPS, formula: '(β/k) sin(kρ)', digits: 30, value: (B) => trappedGradient(B, k) },
      {
        quantity: 'avgGradNormSq',
        at: STEPS - 1,
        formula: '((β/k) sin(kρ))²',
        digits: 30,
        value: (B) => {
          const g = trappedGradient(B, k);
          return B.mul(g, g);
        },
      },
    ],
    tight: [
      {
        card: 'D-NC',
        formula: '((β/k) sin(kρ))² ÷ β²ρ² = (sin(kρ)/(kρ))²',
        robust: false,
        constant<T>(B: Backend<T>): T {
          const [beta, rho] = [BETA, RHO].map((t) => parseNumber(B, 'LB-D-NC-a', t)) as [T, T];
          const ratio = B.div(trappedGradient(B, k), B.mul(beta, rho));
          return B.mul(ratio, ratio);
        },
      },
    ],
  };
}

/** kρ = 1 (constant sin²1 ≈ 0.708) and kρ = 1/100 (≈ 0.99997): the constant tends to 1. */
export const LB_D_NC_A_CASES: DeterministicConstruction[] = [trap('2', '1'), trap('0.02', '0.01')];
