/**
 * U-SAM-STEP (expected true): one step of unified SAM, which blends SAM's normalized ascent with
 * USAM's unnormalized one, y = x + ρ(λ g/‖g‖ + (1 − λ) g), here with λ = 1/2, on a β-smooth f with
 * η <= 1/β:
 *   f(x_1) − f* <= Δ0 − (η/2)‖g‖² + (η/2) β²ρ² (λ + (1 − λ)‖g‖)²,   g = ∇f(x_0).
 *
 * Derivation. Write ĝ = ∇f(y) = g + δ. Since y − x = ρ(λ + (1 − λ)‖g‖) g/‖g‖, smoothness gives
 * ‖δ‖ <= β‖y − x‖ = βρ(λ + (1 − λ)‖g‖). The descent lemma with η <= 1/β gives
 *   f(x_1) <= f(x_0) − η⟨g, g + δ⟩ + (βη²/2)‖g + δ‖² <= f(x_0) − η⟨g, g + δ⟩ + (η/2)‖g + δ‖²
 *          = f(x_0) − (η/2)‖g‖² + (η/2)‖δ‖²,
 * and the bound on ‖δ‖ finishes it (at g = 0, y = x and both sides are f(x_0) − f* and more).
 * It is tight: on a one-dimensional quadratic (β/2)x² with η = 1/β every inequality is an
 * equality, so the search meets near-misses, which the verdict ladder certifies in intervals.
 * Summed over steps (with (a + b)² <= 2a² + 2b² and ρ <= 1/(2β(1 − λ))) it gives the nonconvex
 * rate (1/T) Σ_{t<T} ‖∇f(x_t)‖² <= 4Δ0/(ηT) + 4λ²β²ρ², D-NC's argument with the unnormalized part
 * absorbed.
 */
import { axpy, defineConjecture, defineMethod, unitVector, type Backend, type Vec } from 'samcheck';

export const unifiedSam = defineMethod({
  id: 'unified-sam-half',
  description: 'unified SAM, y = x + ρ(λ g/‖g‖ + (1 − λ) g) with λ = 1/2',
  ascent<T>(B: Backend<T>, x: Vec<T>, g: Vec<T>, rho: T): Vec<T> {
    const u = unitVector(B, g);
    if (u === undefined) return x;
    const lambda = B.div(B.one, B.fromNumber(2));
    const normalized = axpy(B, B.mul(rho, lambda), u, x);
    return axpy(B, B.mul(rho, B.sub(B.one, lambda)), g, normalized);
  },
});

export default defineConjecture({
  id: 'U-SAM-STEP',
  statement: 'One step of unified SAM (λ = 1/2) on β-smooth f with η <= 1/β: f(x_1) − f* <= Δ0 − (η/2)‖g‖² + (η/2)β²ρ²(λ + (1 − λ)‖g‖)²',
  class: 'smooth',
  algorithm: unifiedSam,
  horizon: { min: 1, max: 1 },
  measure: 'gap',
  claim: { bound: 'delta0 - eta/2*gradNormSq0 + eta/2*beta^2*rho^2*(1/2 + sqrt(gradNormSq0)/2)^2' },
  expected: 'true',
  source: 'derived in properties/conjectures/unified-sam.ts (the descent lemma with the perturbation error of the blended ascent)',
  proof: 'The descent lemma with η <= 1/β gives f(x_1) <= f(x_0) − (η/2)‖g‖² + (η/2)‖∇f(y) − g‖², and smoothness bounds ‖∇f(y) − g‖ <= β‖y − x‖ = βρ(λ + (1 − λ)‖g‖); equality on (β/2)x² with η = 1/β.',
});
