/**
 * LB-D-NC-b (THEOREMS.md §4; P4): the robust smooth trap. f(x) = (β/k²) cos(k x) with k = θ* / ρ,
 * θ* the root of tan θ = θ in (π, 3π/2).
 *
 * For x in (−π/k, 0) the ascent direction is +1 and y = x + ρ; x⁺ = x + (ηβ/k) sin(k(x + ρ)), whose
 * fixed point x̂ = π/k − ρ ≈ −0.30088ρ puts y on the minimum π/k, where ∇f(y) = 0. With
 * s = k(x − x̂) the map is s⁺ = s − ηβ sin s: for 0 < ηβ <= 1 it moves s monotonically to 0 without
 * overshoot from every start in (−π/k, 0), and near x̂ it contracts by 1 − ηβ. There
 * |∂f(x̂)| = (β/k)|sin θ*| = βρ|sin θ*|/θ* ≈ 0.217234βρ, so the average squared gradient tends to
 * (sin θ* / θ*)²β²ρ² ≈ 0.047190β²ρ²: SAM does not reach a stationary point from a whole interval.
 *
 * k is θ* / ρ written with 90 digits; the closed forms are those of that exact k (x̂ = π/k − ρ and
 * (β/k)|sin(kρ)|), which equal the θ* forms to about 90 digits.
 */
import type { Backend } from '../arith/backend.js';
import { decimalBackend } from '../arith/decimal.js';
import { parseNumber } from '../arith/literal.js';
import type { DeterministicConstruction } from './construction.js';
import { thetaStar } from './theta-star.js';

const BETA = '1';
const RHO = '0.5';
const ETA = '1/2'; // ηβ = 1/2
const X0 = '-0.3'; // in (−π/k, 0) = (−0.3496, 0), left of x̂ ≈ −0.1504
const STEPS = 400;

/** k = θ* / ρ to 90 significant digits, computed at 110. */
export function trapFrequency(rho: string): string {
  const B = decimalBackend(110);
  return B.div(thetaStar(B), B.fromString(rho)).toSignificantDigits(90).toString();
}

const K = trapFrequency(RHO);

function parameters<T>(B: Backend<T>) {
  const [beta, rho, k] = [BETA, RHO, K].map((t) => parseNumber(B, 'LB-D-NC-b', t)) as [T, T, T];
  return { beta, rho, k };
}

/** (β/k)|sin(kρ)|, the gradient at the trap x̂. */
function trappedGradient<T>(B: Backend<T>): T {
  const { beta, rho, k } = parameters(B);
  return B.mul(B.div(beta, k), B.abs(B.sin(B.mul(k, rho))));
}

export const LB_D_NC_B: DeterministicConstruction = {
  construction: 'LB-D-NC-b',
  title: 'SAM converges to x̂ = π/k − ρ on (β/k²)cos(kx), k = θ*/ρ, where ‖∇f‖ = 0.217234βρ',
  run: { algorithm: 'sam', function: { family: 'cosine', dim: 1, terms: [{ beta: BETA, k: K }], quadBeta: BETA }, x0: [X0], eta: ETA, rho: RHO, steps: STEPS },
  precision: 60,
  certify: true,
  expectations: [
    {
      quantity: 'x',
      at: STEPS,
      formula: 'x̂ = π/k − ρ',
      digits: 30,
      value: (B) => {
        const { rho, k } = parameters(B);
        return B.sub(B.div(B.pi, k), rho);
      },
    },
    { quantity: 'gradNorm', at: STEPS, formula: '(β/k)|sin(kρ)| = βρ|sin θ*|/θ*', digits: 30, value: (B) => trappedGradient(B) },
  ],
  tight: [
    {
      card: 'D-NC',
      formula: '(β/k)²sin²(kρ) ÷ β²ρ² = (sin θ*/θ*)² ≈ 0.047190',
      robust: true,
      constant<T>(B: Backend<T>): T {
        const { beta, rho } = parameters(B);
        const ratio = B.div(trappedGradient(B), B.mul(beta, rho));
        return B.mul(ratio, ratio);
      },
    },
  ],
};
