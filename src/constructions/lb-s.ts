/**
 * LB-S (THEOREMS.md §4; P2, P3): f(x) = (β/2)x² (μ = β) with the oracle g(x; ξ) = βx + sξ,
 * ξ = K with probability 1/(K+1) and −1 with probability K/(K+1) (mean 0, σ² = Ks²), s > βρ.
 *
 * While |βx| < s the sampled gradient has the sign of ξ̃, so the ascent direction is sign(ξ̃), of
 * mean −m with m = (K − 1)/(K + 1), and E x_{t+1} = (1 − ηβ)E x_t + ηβρm: E x_t -> ρm. Then
 * E f(x_t) − f* >= (β/2)(E x_t)² -> βρ²m²/2 and E‖∇f(x_t)‖² >= β²ρ²m²: the fractions m² of the
 * floors β²ρ²/(2μ) of S-SC-n and β²ρ² of S-NC-n, which tend to 1 as K -> ∞. Stochastic SAM with
 * constant ρ does not reach the optimum (C4 is false).
 *
 * K = 9, s = 2, β = 1, ρ = 0.5, η = 0.002, T = 6000 (so (1 − ηβ)^T ≈ e^-12), 1000 paths: the replay
 * checks that the 99% interval of E x_T contains ρm = 0.4 and that the 99% lower bounds of
 * E f(x_T) − f* and E‖∇f(x_T)‖² exceed 0.08 and 0.16.
 */
import type { Backend } from '../arith/backend.js';
import { parseNumber } from '../arith/literal.js';
import type { StochasticConstruction } from './construction.js';

const BETA = '1';
const K = '9';
const S = '2';
const RHO = '0.5';
const STEPS = 6000;

function parameters<T>(B: Backend<T>) {
  const [beta, k, rho] = [BETA, K, RHO].map((t) => parseNumber(B, 'LB-S', t)) as [T, T, T];
  // m = (K − 1)/(K + 1)
  return { beta, rho, m: B.div(B.sub(k, B.one), B.add(k, B.one)) };
}

export const LB_S: StochasticConstruction = {
  construction: 'LB-S',
  title: 'n-SAM with asymmetric two-point noise keeps E x_T -> ρm: it converges only to an O(ρ²) neighbourhood',
  run: {
    algorithm: 'n-sam',
    function: { family: 'quadratic', eigenvalues: [BETA] },
    oracle: { kind: 'two-point', K, s: S },
    x0: ['0'],
    eta: '0.002',
    rho: RHO,
    steps: STEPS,
    paths: 1000,
    seed: 1,
  },
  tests: [
    {
      quantity: 'x',
      at: STEPS,
      formula: 'E x_T -> ρm, m = (K − 1)/(K + 1)',
      test: 'interval',
      level: 0.99,
      value: (B) => {
        const { rho, m } = parameters(B);
        return B.mul(rho, m);
      },
    },
    {
      quantity: 'gap',
      at: STEPS,
      formula: 'E f(x_T) − f* >= βρ²m²/2',
      test: 'above',
      level: 0.99,
      value: (B) => {
        const { beta, rho, m } = parameters(B);
        return B.div(B.mul(beta, B.mul(B.mul(rho, m), B.mul(rho, m))), B.fromNumber(2));
      },
    },
    {
      quantity: 'gradNormSq',
      at: STEPS,
      formula: 'E‖∇f(x_T)‖² >= β²ρ²m²',
      test: 'above',
      level: 0.99,
      value: (B) => {
        const { beta, rho, m } = parameters(B);
        const g = B.mul(B.mul(beta, rho), m);
        return B.mul(g, g);
      },
    },
  ],
  tight: [
    { card: 'S-SC-n', formula: 'βρ²m²/2 ÷ β²ρ²/(2μ) = m² (μ = β), -> 1 as K -> ∞', robust: true, constant: (B) => B.mul(parameters(B).m, parameters(B).m) },
    { card: 'S-NC-n', formula: 'β²ρ²m² ÷ β²ρ² = m², -> 1 as K -> ∞', robust: true, constant: (B) => B.mul(parameters(B).m, parameters(B).m) },
  ],
};
