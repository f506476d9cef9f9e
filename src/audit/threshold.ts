/**
 * The constant a case really needs: for a card's named constant c (the floor coefficient of D-NC,
 * the c of L4's lower bound, ...), the threshold c* where the card flips between holding and
 * failing on the case, with everything else fixed. A ratio observed/bound mixes every term of a
 * bound (η -> 0 makes D-SC's linear term alone reach 1); the threshold isolates the constant.
 *
 * The run (or step, or the paths) is computed once; only the bound is re-evaluated, by bisection
 * on c, in the case's own arithmetic. Two kinds of constant:
 * - needed (the bound grows with c: D-NC's floor): c* = inf{c : holds}, fraction c* ÷ c_stated;
 * - allowed (the claim weakens as c shrinks: L4's c·μρ <= ⟨δ, u⟩): c* = sup{c : holds},
 *   fraction c_stated ÷ c*.
 * A fraction above 1 means the stated constant fails on the case.
 */
import type { Backend } from '../arith/backend.js';
import { IndeterminateError } from '../arith/interval.js';
import { isStochasticSpec, type CaseSpec } from '../algorithms/case.js';
import { methodOf } from '../algorithms/methods.js';
import { executeStochasticRun, measureMean, measureStep } from '../algorithms/stochastic.js';
import { cardConstants, observer, requireConstant } from '../check/observe.js';
import { checkedHorizons, FAMILYWISE_ALPHA, stochasticQuantities } from '../check/statistical.js';
import { InputError } from '../errors.js';
import { lowerBound } from '../stats/mean.js';
import type { Card, Constants, Observation } from '../theorems/card.js';

export interface Threshold<T> {
  readonly kind: 'needed' | 'allowed';
  /** c*, or undefined when no value of c makes the card hold (other terms already fail). */
  readonly value: T | undefined;
  /** The stated constant's share of what the case demands (see above); Infinity when it fails for every c. */
  readonly fraction: number;
  /**
   * The end of the bisection where the claim fails (c* lies between it and `value`): in interval
   * arithmetic a proven side, so that fails ÷ c_stated (needed) or c_stated ÷ fails (allowed) is a
   * proven lower end of the fraction.
   */
  readonly fails?: T;
}

const BISECTIONS = 64;
const MAX_DOUBLINGS = 200;

/** The claims of the case as a function of the constant `name` (everything else computed once). */
function claimsOf<T>(B: Backend<T>, card: Card, spec: CaseSpec, name: string, alpha: number): (c: T) => Observation<T>[] {
  const fixed = cardConstants(B, card);
  const at = (c: T): Constants<T> => ({ ...fixed, [name]: c });
  switch (card.scope) {
    case 'step':
    case 'run': {
      if (isStochasticSpec(spec)) throw new InputError('run', spec, `${card.id} is checked on deterministic runs`);
      const claims = observer(B, card, spec, methodOf('algorithm', card.algorithm, 'deterministic'));
      return (c) => claims(at(c));
    }
    case 'stochastic': {
      if (!isStochasticSpec(spec)) throw new InputError('run', spec, `${card.id} is checked on stochastic runs`);
      const horizons = checkedHorizons(spec.steps);
      const run = executeStochasticRun(B, spec, horizons.map((t) => measureStep(card.measure, t)));
      const q = stochasticQuantities(run);
      // The evidence at each horizon: the one-sided lower confidence bound of the mean.
      const lower = horizons.map((t) => lowerBound(B, measureMean(run.at.get(measureStep(card.measure, t))!, card.measure), alpha / horizons.length));
      return (c) => horizons.map((t, i) => ({ observed: lower[i]!, bound: card.bound(B, q, t, at(c)), at: t }));
    }
    case 'limit':
      throw new InputError('ID', card.id, 'is a limit claim: it has no constant to audit');
  }
}

export function constantThreshold<T>(B: Backend<T>, card: Card, spec: CaseSpec, name: string, alpha = FAMILYWISE_ALPHA): Threshold<T> {
  requireConstant(card, name, '--constant');
  return thresholdOf(B, card, name, claimsOf(B, card, spec, name, alpha));
}

/**
 * The threshold of the constant `name` for claims given as a function of it (what a case claims
 * at each value of the constant, everything else computed once): by bisection, in B.
 */
export function thresholdOf<T>(B: Backend<T>, card: Card, name: string, claims: (c: T) => Observation<T>[]): Threshold<T> {
  const holdsAt = (c: T) => claims(c).every((o) => B.cmp(o.observed, o.bound) <= 0);
  const stated = cardConstants(B, card)[name]!;
  const two = B.fromNumber(2);
  let huge = B.max(stated, B.one);
  const atZero = holdsAt(B.zero);
  // Which way the claims' margins bound − observed move with c: when more c cannot change the
  // verdict at 0 (a needed constant that is not needed, an allowed one already failing), there is
  // no switch to look for (the doubling below would run its full course to find none).
  const margins = (c: T) => claims(c).map((o) => B.toNumber(B.sub(o.bound, o.observed)));
  const [low, high] = [margins(B.zero), margins(huge)];
  const grows = high.some((m, i) => m > low[i]!);
  const shrinks = high.some((m, i) => m < low[i]!);
  if (atZero && !shrinks) return { kind: 'needed', value: B.zero, fraction: 0 };
  if (!atZero && !grows) return { kind: 'needed', value: undefined, fraction: Infinity };
  for (let i = 0; i < MAX_DOUBLINGS && holdsAt(huge) === atZero; i++) huge = B.mul(huge, two);
  const atHuge = holdsAt(huge);
  if (atZero && atHuge) return { kind: 'needed', value: B.zero, fraction: 0 }; // the constant's term is not needed at all
  if (!atZero && !atHuge) return { kind: 'needed', value: undefined, fraction: Infinity };
  const kind = atHuge ? 'needed' : 'allowed';
  // Bisection between a value where the claim fails and one where it holds. In interval
  // arithmetic it stops where the claim can no longer be decided: `fails` is then still proven.
  let [fails, holds] = kind === 'needed' ? [B.zero, huge] : [huge, B.zero];
  for (let i = 0; i < BISECTIONS; i++) {
    const middle = B.div(B.add(fails, holds), two);
    let decided: boolean;
    try {
      decided = holdsAt(middle);
    } catch (error) {
      if (error instanceof IndeterminateError) break;
      throw error;
    }
    if (decided) holds = middle;
    else fails = middle;
  }
  const value = holds;
  const fraction = kind === 'needed' ? B.toNumber(B.div(value, stated)) : B.cmp(value, B.zero) > 0 ? B.toNumber(B.div(stated, value)) : Infinity;
  return { kind, value, fraction, fails };
}
