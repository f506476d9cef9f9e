/**
 * LB-D-SC-step (found by this suite's constant audit, not in THEOREMS.md): f(x) = (β/2)x²
 * (μ = β) from a start x0 = ε > 0 next to the minimizer. SAM's ascent point is x0 + ρ, so
 *   x1 = x0 − ηβ(x0 + ρ) = (1 − ηβ)ε − ηβρ,  f(x1) − f* = (β/2)x1² -> β³η²ρ²/2 as ε -> 0,
 * a single overshoot far above the 2-cycle of LB-D-SC (β³η²ρ²/(2(2 − βη)²)), while Δ0 = βε²/2
 * is negligible. D-SC's bound at T = 1 (and L7's) is then its floor c·β³η²ρ²(1/(8(1 − βη)²) + 1/2),
 * of which the overshoot needs 4(1 − βη)²/(1 + 4(1 − βη)²) -> 4/5 as η -> 0: the floor's second
 * term β³η²ρ²/2 is needed, and c cannot be lowered below 0.8 for a bound that holds at every T.
 * Here β = 1, ρ = 1, η = 1/100, ε = 10^-20: the fraction is 0.796764... (to 18 digits).
 */
import type { Backend } from '../arith/backend.js';
import { parseNumber } from '../arith/literal.js';
import { stronglyConvexFloor } from '../theorems/l7.js';
import type { DeterministicConstruction } from './construction.js';

const BETA = '1';
const RHO = '1';
const ETA = '0.01';
const EPSILON = '1e-20';
const STEPS = 40;

function parameters<T>(B: Backend<T>) {
  const [beta, rho, eta, x0] = [BETA, RHO, ETA, EPSILON].map((t) => parseNumber(B, 'LB-D-SC-step', t)) as [T, T, T, T];
  return { beta, rho, eta, x0 };
}

/** x1 = (1 − ηβ)x0 − ηβρ. */
function firstIterate<T>(B: Backend<T>): T {
  const { beta, rho, eta, x0 } = parameters(B);
  const etaBeta = B.mul(eta, beta);
  return B.sub(B.mul(B.sub(B.one, etaBeta), x0), B.mul(etaBeta, rho));
}

/** f(x1) − f* = (β/2)x1². */
function firstGap<T>(B: Backend<T>): T {
  const x1 = firstIterate(B);
  return B.div(B.mul(parameters(B).beta, B.mul(x1, x1)), B.fromNumber(2));
}

export const LB_D_SC_STEP: DeterministicConstruction = {
  construction: 'LB-D-SC-step',
  title: 'From next to the minimizer, SAM overshoots to (β/2)(ηβρ)² in one step: 4/5 of D-SC\'s floor constant is needed',
  run: { algorithm: 'sam', function: { family: 'quadratic', eigenvalues: [BETA] }, x0: [EPSILON], eta: ETA, rho: RHO, steps: STEPS },
  precision: 60,
  certify: true,
  expectations: [
    { quantity: 'x', at: 1, formula: '(1 − ηβ)ε − ηβρ', digits: 30, value: (B) => firstIterate(B) },
    { quantity: 'gap', at: 1, formula: '(β/2)((1 − ηβ)ε − ηβρ)²', digits: 30, value: (B) => firstGap(B) },
  ],
  tight: ['D-SC', 'L7'].map((card) => ({
    card,
    formula: 'f(x1) − f* ÷ β³η²ρ²(1/(8(1 − βη)²) + 1/2) -> 4(1 − βη)²/(1 + 4(1 − βη)²)',
    robust: true,
    constant: <T>(B: Backend<T>) => {
      const { beta, rho, eta } = parameters(B);
      return B.div(firstGap(B), stronglyConvexFloor(B, beta, beta, eta, rho));
    },
  })),
};
