/**
 * ASAM-SC (expected false): adaptive SAM (Kwon et al., ICML 2021, "ASAM: Adaptive Sharpness-Aware
 * Minimization for Scale-Invariant Learning of Deep Neural Networks") perturbs in the metric of
 * T_x = diag(|x_i| + ε):
 *   y = x + ρ T_x² g/‖T_x g‖   (y = x when g = 0),   here ε = 1/100.
 * On quadratics whose minimizer is x* = 0 the perturbation shrinks to ρε near x*, which might
 * suggest ASAM escapes SAM's floor there. It does not: the claim f(x_T) − f* <= (1 − ημ)^T Δ0 is false.
 *
 * Derivation. On f(x) = (β/2)x², T_x = |x| + ε and y = x + ρ(|x| + ε) sign(x). The alternating
 * orbit x_t = ±r needs r − ηβ(r + ρ(r + ε)) = −r, that is
 *   r = ηβρε/(2 − ηβ(1 + ρ))   when ηβ(1 + ρ) < 2,
 * with f(x_t) − f* = (β/2)r² > 0 for ever: SAM's 2-cycle r* = η'βρ'/(2 − η'β) with the step
 * η' = η(1 + ρ) and the radius ρ' = ρε/(1 + ρ).
 */
import { defineConjecture, defineMethod, norm, type Backend, type Vec } from 'samcheck';

export const adaptiveSam = defineMethod({
  id: 'adaptive-sam',
  description: 'ASAM, y = x + ρ T² g/‖T g‖ with T = diag(|x_i| + 1/100)',
  ascent<T>(B: Backend<T>, x: Vec<T>, g: Vec<T>, rho: T): Vec<T> {
    const epsilon = B.div(B.one, B.fromNumber(100));
    const t = x.map((xi) => B.add(B.abs(xi), epsilon));
    const scaled = g.map((gi, i) => B.mul(t[i]!, gi));
    const size = norm(B, scaled);
    if (B.cmp(size, B.zero) === 0) return x;
    return x.map((xi, i) => B.add(xi, B.div(B.mul(rho, B.mul(t[i]!, scaled[i]!)), size)));
  },
});

export default defineConjecture({
  id: 'ASAM-SC',
  statement: 'Adaptive SAM (ε = 1/100) converges linearly all the way on strongly convex quadratics with x* = 0',
  class: 'strongly-convex',
  families: ['quadratic'],
  algorithm: adaptiveSam,
  measure: 'gap',
  claim: { bound: '(1 - eta*mu)^T * delta0' },
  expected: 'false',
  source: 'derived in properties/conjectures/adaptive-sam.ts (the 2-cycle with radius ρε)',
  proof: 'False: on (β/2)x² the orbit x_t = ±r with r = ηβρε/(2 − ηβ(1 + ρ)) keeps f(x_t) − f* = βr²/2 > 0 while the bound tends to 0.',
});
