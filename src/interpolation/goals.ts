/**
 * What the class-wide search maximizes for a card: the card's own claim, evaluated by the card's
 * own code (instanceObserver) on the run the data define, at the last horizon (a horizon t < T is
 * the search at T = t):
 * - ratio: observed/bound, as `samcheck audit` reports it;
 * - constant c: the fraction of the stated constant the case needs (src/audit/threshold.ts), with
 *   its derivative by the implicit function theorem, so that the search can climb it too.
 */
import type { Backend } from '../arith/backend.js';
import type { Method } from '../algorithms/ascent.js';
import type { Instance, RunSpec } from '../algorithms/run-spec.js';
import { unrecorded } from '../arith/reverse.js';
import { thresholdOf } from '../audit/threshold.js';
import { cardConstants, instanceObserver, requireConstant } from '../check/observe.js';
import { InputError } from '../errors.js';
import type { Card, Observation, RunCard, StepCard } from '../theorems/card.js';
import type { Goal } from './problem.js';

/** The ratio, or the needed fraction of the named constant. */
export type GoalMode = { readonly kind: 'ratio' } | { readonly kind: 'constant'; readonly name: string };

/** The cards the class-wide search can take: deterministic claims on a step or a run. */
export function deterministicCard(card: Card): StepCard | RunCard {
  if (card.scope === 'step' || card.scope === 'run') return card;
  throw new InputError('ID', card.id, `is a ${card.scope} claim: the class-wide search takes deterministic claims on one step or a run`);
}

export function cardGoal(card: StepCard | RunCard, mode: GoalMode): Goal {
  if (mode.kind === 'constant') requireConstant(card, mode.name, '--constant');
  // Whether the constant is needed (more c helps the claim: D-SC's floor) or allowed (more c hurts
  // it: L4's c·μρ <= a), read once from the card on the first case: it is the card's, not the case's.
  let needed: boolean | undefined;
  return {
    id: mode.kind === 'ratio' ? card.id : `${card.id}.${mode.name}`,
    measure<T>(B: Backend<T>, spec: RunSpec, instance: Instance<T>, method: Method) {
      const claims = instanceObserver(B, card, spec, instance, method);
      const constants = cardConstants(B, card);
      const last = (observations: readonly Observation<T>[]) => {
        const o = observations[observations.length - 1];
        if (o === undefined) throw new InputError('data', 'a stationary start', `gives ${card.id} nothing to claim`);
        return o;
      };
      if (mode.kind === 'ratio') {
        const o = last(claims(constants));
        return { value: B.div(o.observed, o.bound), ratio: { observed: o.observed, bound: o.bound } };
      }
      const at = (c: T) => last(claims({ ...constants, [mode.name]: c }));
      const value = neededFraction(B, card, mode.name, (c) => [at(c)]);
      const zero = at(B.zero);
      needed ??= unrecorded(B, () => B.toNumber(B.sub(at(B.max(constants[mode.name]!, B.one)).bound, zero.bound)) > 0);
      // A needed constant's fraction jumps from 0 where a max-type bound's other term stops covering
      // the measure (D-SC: 0 until f(x_T) passes (1 − ημ(2 − βη))^T Δ0, then that over the floor): the
      // search keeps to the cases that need it (observed >= bound at c = 0), where it is continuous.
      return { value, constraints: needed ? [B.sub(zero.observed, zero.bound)] : [] };
    },
  };
}

/**
 * The fraction of the stated constant the claims need, as a value of B that carries its
 * derivative: c* is found by bisection (thresholdOf), where the claim's margin h(c) = bound(c) −
 * observed is 0; then c* − (h(c*) − h(c*)|value)/h'(c*) has the value c* and, on a tape
 * (reverse.ts), the derivative −∇h/h' of the implicit function theorem. A constant whose term is
 * not needed gives observed/bound(0) − 1 <= 0 instead; one that no value can save, Infinity.
 */
function neededFraction<T>(B: Backend<T>, card: Card, name: string, claims: (c: T) => Observation<T>[]): T {
  // The bisection's values are constants: none of its work belongs on a derivative's tape.
  const threshold = unrecorded(B, () => thresholdOf(B, card, name, claims));
  const stated = cardConstants(B, card)[name]!;
  if (threshold.fraction === 0) {
    // Not needed at all here: the claim holds at c = 0. A flat 0 would leave the search nothing to
    // climb; observed/bound(0) − 1 (< 0 here) rises to 0 where the constant starts to be needed.
    const o = claims(B.zero)[0]!;
    return B.sub(B.div(o.observed, o.bound), B.one);
  }
  if (threshold.fails === undefined || !Number.isFinite(threshold.fraction)) return B.fromNumber(threshold.fraction);
  // The failing end: in interval arithmetic the claim is proven to fail there, so the fraction's lower end is proven.
  if (B.name === 'interval') return threshold.kind === 'needed' ? B.div(threshold.fails, stated) : B.div(stated, threshold.fails);
  const c = B.toNumber(threshold.fails);
  const margin = (at: number) => {
    const o = claims(B.fromNumber(at))[0]!;
    return B.sub(o.bound, o.observed);
  };
  const step = 1e-7 * Math.max(Math.abs(c), 1e-12);
  const slope = unrecorded(B, () => (B.toNumber(margin(c + step)) - B.toNumber(margin(c - step))) / (2 * step));
  const h = margin(c);
  if (!(Math.abs(slope) > 0)) return B.fromNumber(threshold.fraction);
  const tracked = B.sub(B.fromNumber(c), B.div(B.sub(h, B.fromNumber(B.toNumber(h))), B.fromNumber(slope)));
  return threshold.kind === 'needed' ? B.div(tracked, stated) : B.div(stated, tracked);
}
