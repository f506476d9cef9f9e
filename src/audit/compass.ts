/**
 * The local search shared by `samcheck audit` and every check of `samcheck run` (the targeted
 * search before a conjecture is said to survive): a compass (pattern) search over the continuous
 * parameters of a few starting cases (src/audit/parameters.ts), round robin, each poll trying
 * ±step on every free coordinate and halving the steps when none improves. The budget is a count
 * of evaluations (and, for the audit only, a time), never decided here: `exhausted` says when to stop.
 */
import type { CaseSpec } from '../algorithms/case.js';
import type { Card } from '../theorems/card.js';
import { admissibilityProblem } from '../check/admissible.js';
import { parameterize, withinCondition } from './parameters.js';

export interface Scored {
  readonly ratio: number;
  readonly instance: CaseSpec;
}

const MIN_STEP = 1e-4;

/**
 * What a search asks of whoever drives it: the ratio of one case (the driver answers through
 * `next(ratio)`), or, ahead of those requests, the cases it is about to ask for, so that a driver
 * with worker threads can evaluate them side by side (a driver in one thread ignores them). The
 * search itself stays sequential: whatever the driver, the same cases are asked for in the same
 * order, so a seed gives the same result with one job or many. `upcoming` is a function: building
 * the trial cases costs a rebuild each, which a driver in one thread does not pay twice.
 */
export type SearchRequest = { readonly evaluate: CaseSpec } | { readonly upcoming: () => readonly CaseSpec[] };

/**
 * Moves each start uphill on `evaluate` (larger is worse for the card) until `exhausted()` or
 * every step is below MIN_STEP. The caller's `evaluate` records what it sees (best, finalists).
 */
export function compassSearch(card: Card, starts: readonly Scored[], evaluate: (instance: CaseSpec) => number, exhausted: () => boolean): void {
  driveSync(compassSteps(card, starts, exhausted), evaluate);
}

/** Answers a search's requests in this thread, one case at a time. */
export function driveSync(steps: Generator<SearchRequest, void, number>, evaluate: (instance: CaseSpec) => number): void {
  let request = steps.next(NaN);
  while (!request.done) request = steps.next('evaluate' in request.value ? evaluate(request.value.evaluate) : NaN);
}

/**
 * The compass search as a sequence of requests. Each poll announces the trial points it may try
 * from where it stands (both directions of every free coordinate): until a move, those are exactly
 * its next requests; after a move at coordinate i, the rest of the poll is announced again from
 * the new point. The polls of one round are independent of one another, so a round announces them all.
 */
export function* compassSteps(card: Card, starts: readonly Scored[], exhausted: () => boolean): Generator<SearchRequest, void, number> {
  const searches = starts.map((start) => {
    const p = parameterize(card, start.instance);
    return { p, values: p.parameters.map((q) => q.value), steps: p.parameters.map((q) => q.step), ratio: start.ratio };
  });
  type Search = (typeof searches)[number];
  // A move past the card's condition cap is not a case of the claim: never scored (the rebuild
  // keeps its ranges and pins; admissibleFinalists keeps any other miss out of the finalists).
  const trial = (s: Search, i: number, direction: number) => {
    const values = s.values.slice();
    values[i] = values[i]! + direction * s.steps[i]!;
    const moved = s.p.rebuild(values);
    return { values, moved, admitted: withinCondition(card, moved) };
  };
  const pollFrom = (s: Search, first: number): CaseSpec[] =>
    s.values.flatMap((_, i) => (i < first || s.steps[i]! < MIN_STEP ? [] : [1, -1].map((d) => trial(s, i, d)).filter((t) => t.admitted).map((t) => t.moved)));
  while (!exhausted() && searches.some((s) => s.steps.some((step) => step >= MIN_STEP))) {
    yield { upcoming: () => searches.flatMap((s) => pollFrom(s, 0)) };
    for (const s of searches) {
      if (exhausted()) break;
      let improved = false;
      for (let i = 0; i < s.values.length && !exhausted(); i++) {
        if (s.steps[i]! < MIN_STEP) continue;
        for (const direction of [1, -1]) {
          if (exhausted()) break;
          const t = trial(s, i, direction);
          const ratio = t.admitted ? yield { evaluate: t.moved } : -Infinity;
          if (ratio > s.ratio) {
            s.values = t.values;
            s.ratio = ratio;
            s.steps[i] = s.steps[i]! * 2; // a successful direction is tried further next poll
            improved = true;
            yield { upcoming: () => pollFrom(s, i + 1) };
            break;
          }
        }
      }
      if (!improved) s.steps = s.steps.map((step) => step / 2);
    }
  }
}

/** Keeps the `size` best cases, one per function (the best seen for it), best first. */
export function keepTop(top: Scored[], candidate: Scored, size: number): void {
  if (!(candidate.ratio > -Infinity)) return; // -Infinity and NaN say nothing
  const key = JSON.stringify(candidate.instance.function);
  const same = top.findIndex((t) => JSON.stringify(t.instance.function) === key);
  if (same >= 0) {
    if (top[same]!.ratio >= candidate.ratio) return;
    top.splice(same, 1);
  }
  top.push(candidate);
  top.sort((a, b) => b.ratio - a.ratio);
  top.length = Math.min(top.length, size);
}

/**
 * The search keeps FINALIST_POOL times its finalists; those the card admits (src/check/admissible.ts,
 * in decimal: the check is too dear for every evaluation) are the finalists, best first.
 */
export const FINALIST_POOL = 4;

export function admissibleFinalists(card: Card, pool: readonly Scored[], size: number): Scored[] {
  return pool.filter((s) => admissibilityProblem(card, s.instance) === undefined).slice(0, size);
}
