/**
 * HB-SAM-SC (expected false): SAM with heavy-ball momentum b = 1/2,
 *   y_t = x_t + ρ ∇f(x_t)/‖∇f(x_t)‖,  m_{t+1} = b m_t + ∇f(y_t),  x_{t+1} = x_t − η m_{t+1},  m_0 = 0,
 * does not converge all the way on strongly convex quadratics: the claim
 *   f(x_T) − f* <= (1 − ημ)^T Δ0
 * (what GD's contraction would give) is false, because momentum does not remove SAM's 2-cycle.
 *
 * Derivation. On f(x) = (β/2)x² look for x_t = ±r, m_t = ∓s alternating. From x_t = r, m_t = −s:
 * y_t = r + ρ, m_{t+1} = −bs + β(r + ρ), x_{t+1} = r − η m_{t+1}. Asking x_{t+1} = −r and
 * m_{t+1} = s gives s = 2r/η and s(1 + b) = β(r + ρ), so
 *   r = ηβρ/(2(1 + b) − ηβ)   (b = 0 is LB-D-SC's r* = ηβρ/(2 − ηβ)),
 * an orbit with f(x_t) − f* = (β/2)r² > 0 at every t while (1 − ημ)^T Δ0 -> 0. Away from the orbit
 * the iterates still cannot reach x*: within ρ of it the ascent point is on the far side, so the
 * gap settles at the order of ηβρ² (what the search finds), and any horizon long enough falsifies.
 */
import { axpy, defineConjecture, defineMethod, samAscent, type Backend } from 'samcheck';

export const heavyBallSam = defineMethod({
  id: 'heavy-ball-sam-half',
  description: 'SAM with heavy-ball momentum b = 1/2: m_{t+1} = b m_t + ∇f(y_t), x_{t+1} = x_t − η m_{t+1}',
  ascent: samAscent,
  state: <T>(B: Backend<T>, x0: readonly T[]) => [x0.map(() => B.zero)],
  descent: (B, { x, eta, direction, state: [m] }) => {
    const momentum = axpy(B, B.div(B.one, B.fromNumber(2)), m!, direction);
    return { x: axpy(B, B.neg(eta), momentum, x), state: [momentum] };
  },
});

export default defineConjecture({
  id: 'HB-SAM-SC',
  statement: 'SAM with heavy-ball momentum b = 1/2 converges linearly all the way on strongly convex quadratics',
  class: 'strongly-convex',
  families: ['quadratic'],
  algorithm: heavyBallSam,
  measure: 'gap',
  claim: { bound: '(1 - eta*mu)^T * delta0' },
  expected: 'false',
  source: 'derived in properties/conjectures/heavy-ball-sam.ts (the 2-cycle of SAM with momentum)',
  proof: 'False: on (β/2)x² the orbit x_t = ±r, m_t = ∓2r/η with r = ηβρ/(2(1 + b) − ηβ) keeps f(x_t) − f* = βr²/2 > 0 while the bound tends to 0.',
});
