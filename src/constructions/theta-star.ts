/**
 * θ*, the root of tan θ = θ in (π, 3π/2) (THEOREMS.md §4, LB-D-NC-b): the θ that maximizes
 * |sin θ|/θ there, since d/dθ (sin θ/θ) = (θ cos θ − sin θ)/θ².
 */
import type { Backend } from '../arith/backend.js';
import { lt } from '../arith/scalar.js';
import { NumericalError } from '../errors.js';

/** Newton's method on g(θ) = sin θ − θ cos θ (g' = θ sin θ) from 4.4934, to the working precision. */
export function thetaStar<T>(B: Backend<T>): T {
  let theta = B.fromString('4.4934');
  for (let iteration = 0; iteration < 100; iteration++) {
    const sin = B.sin(theta);
    const step = B.div(B.sub(sin, B.mul(theta, B.cos(theta))), B.mul(theta, sin));
    theta = B.sub(theta, step);
    if (!lt(B, B.mul(B.unitRoundoff, theta), B.abs(step))) return theta;
  }
  throw new NumericalError('θ*: Newton did not converge');
}
