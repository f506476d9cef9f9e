/**
 * LB-D-NC-q (found by this suite, not in THEOREMS.md): f(x) = (β/2)x² with η = 1/β.
 *
 * x1 = x0 − (1/β)β(x0 + ρ sign x0) = −ρ sign x0, and from then on x_t = ±ρ alternately, so
 * ‖∇f(x_t)‖ = βρ for every t >= 1, from every start x0 ≠ 0. The average squared gradient is
 * (β²x0² + (T − 1)β²ρ²)/T -> β²ρ²: D-NC's floor constant c = 1 is attained by a convex quadratic,
 * and since β³ηρ² = β²ρ² at η = 1/β, so is D-C's.
 */
import type { Backend } from '../arith/backend.js';
import { parseNumber } from '../arith/literal.js';
import type { DeterministicConstruction } from './construction.js';

const BETA = '2';
const RHO = '0.1';
const X0 = '0.7';
const STEPS = 20;

function parameters<T>(B: Backend<T>) {
  const [beta, rho, x0] = [BETA, RHO, X0].map((t) => parseNumber(B, 'LB-D-NC-q', t)) as [T, T, T];
  return { beta, rho, x0 };
}

export const LB_D_NC_Q: DeterministicConstruction = {
  construction: 'LB-D-NC-q',
  title: 'SAM on (β/2)x² with η = 1/β alternates ±ρ after one step: ‖∇f‖ = βρ from every start',
  run: { algorithm: 'sam', function: { family: 'quadratic', eigenvalues: [BETA] }, x0: [X0], eta: { overBeta: '1' }, rho: RHO, steps: STEPS },
  precision: 60,
  certify: true,
  expectations: [
    { quantity: 'absX', at: STEPS, formula: 'ρ', digits: 30, value: (B) => parameters(B).rho },
    {
      quantity: 'gradNorm',
      at: STEPS,
      formula: 'βρ',
      digits: 30,
      value: (B) => {
        const { beta, rho } = parameters(B);
        return B.mul(beta, rho);
      },
    },
    {
      quantity: 'avgGradNormSq',
      at: STEPS - 1,
      formula: '(β²x0² + (T − 1)β²ρ²)/T',
      digits: 30,
      value: (B) => {
        const { beta, rho, x0 } = parameters(B);
        const sq = (v: typeof beta) => B.mul(v, v);
        return B.div(B.add(sq(B.mul(beta, x0)), B.mul(B.fromNumber(STEPS - 1), sq(B.mul(beta, rho)))), B.fromNumber(STEPS));
      },
    },
  ],
  tight: [
    { card: 'D-NC', formula: 'β²ρ² ÷ β²ρ² = 1', robust: true, constant: (B) => B.one },
    { card: 'D-C', formula: 'β²ρ² ÷ β³ηρ² = 1 at η = 1/β', robust: true, constant: (B) => B.one },
  ],
};
