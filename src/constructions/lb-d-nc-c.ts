/**
 * LB-D-NC-c (THEOREMS.md §4): the robust trap with floor constant (2s/ρ − 1)² -> 1, on a piecewise
 * quadratic. f' is piecewise linear with slopes +β on (−∞, x̂], −β on [x̂, x̂ + s], +β on
 * [x̂ + s, ∞), ρ/2 < s < ρ, and f'(x̂) = a = β(2s − ρ), so that f'(x̂ + ρ) = 0.
 *
 * At x̂, g = a > 0 and y = x̂ + ρ, where ∇f(y) = 0: SAM stays. From x = x̂ + e with
 * −min(ρ − s, a/β) < e < a/β (a/β = 2s − ρ; the left end is ρ − s once s > 2ρ/3), g > 0 still and y = x̂ + ρ + e lies on the last piece, where f'(y) = βe, so
 * x⁺ = x̂ + (1 − ηβ)e: for 0 < η <= 1/β every start of that interval converges to x̂, where
 * |f'(x̂)| = (2s/ρ − 1)βρ. With s = 0.9ρ that is 0.8βρ, and the average squared gradient tends
 * to 0.64β²ρ²: D-NC's floor constant needs 0.64 from a whole interval of starts, and any fraction
 * below 1 as s -> ρ.
 *
 * Here β = 2, ρ = 0.3, s = 0.27, η = 0.2 (ηβ = 0.4, e contracts by 0.6 a step), x̂ = 1 and
 * x0 = x̂ − 0.02; after 200 steps e = −0.02·0.6^200, below 10^-45.
 */
import type { Backend } from '../arith/backend.js';
import { parseNumber } from '../arith/literal.js';
import type { DeterministicConstruction } from './construction.js';

const BETA = '2';
const RHO = '0.3';
const S = '0.27';
const X_HAT = '1';
const SLOPE = '0.48'; // β(2s − ρ)
const X0 = '0.98';
const STEPS = 200;

function parameters<T>(B: Backend<T>) {
  const [beta, rho, s, xHat] = [BETA, RHO, S, X_HAT].map((t) => parseNumber(B, 'LB-D-NC-c', t)) as [T, T, T, T];
  return { beta, rho, s, xHat };
}

/** |f'(x̂)| = β(2s − ρ). */
function trappedGradient<T>(B: Backend<T>): T {
  const { beta, rho, s } = parameters(B);
  return B.mul(beta, B.sub(B.mul(B.fromNumber(2), s), rho));
}

export const LB_D_NC_C: DeterministicConstruction = {
  construction: 'LB-D-NC-c',
  title: "SAM converges to x̂ on a piecewise quadratic with f'' = +β, −β, +β cut at x̂ and x̂ + s (s = 0.9ρ), where ‖∇f‖ = (2s/ρ − 1)βρ = 0.8βρ",
  run: {
    algorithm: 'sam',
    function: { family: 'piecewise-quadratic', beta: BETA, coordinates: [{ breakpoints: [X_HAT, '1.27'], slope: SLOPE }] },
    x0: [X0],
    eta: '0.2',
    rho: RHO,
    steps: STEPS,
  },
  precision: 60,
  certify: true,
  expectations: [
    { quantity: 'x', at: STEPS, formula: 'x̂', digits: 40, value: (B) => parameters(B).xHat },
    { quantity: 'gradNorm', at: STEPS, formula: 'β(2s − ρ)', digits: 40, value: (B) => trappedGradient(B) },
  ],
  tight: [
    {
      card: 'D-NC',
      formula: 'β²(2s − ρ)² ÷ β²ρ² = (2s/ρ − 1)² = 0.64 at s = 0.9ρ',
      robust: true,
      constant<T>(B: Backend<T>): T {
        const { beta, rho } = parameters(B);
        const ratio = B.div(trappedGradient(B), B.mul(beta, rho));
        return B.mul(ratio, ratio);
      },
    },
  ],
};
