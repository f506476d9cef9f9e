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
  driveSync(compassSteps(card, starts, exhausted), (request) => ('evaluate' in request ? evaluate(request.evaluate) : NaN));
}

/**
 * Answers a generator's requests in this thread, one at a time (a search's, or an audit's), and
 * returns what it returns. Announcements of upcoming cases get no answer that matters.
 */
export function driveSync<Request, Answer, Result>(steps: Generator<Request, Result, Answer>, answer: (request: Request) => Answer): Result {
  let step = steps.next(undefined as Answer);
  while (!step.done) step = steps.next(answer(step.value));
  return step.value;
}

/**
 * How a poll moves. opportunistic: along each free coordinate in turn, to the first direction that
 * improves (1 or 2 evaluations a coordinate, each depending on the last: the checks' search, in
 * one thread). complete: every direction of every coordinate from where the poll stands, all
 * independent of one another (so a pool evaluates a round of polls side by side), then one more
 * case that takes every improving coordinate's better direction at once, kept if it beats the best
 * single move (so a poll advances along several coordinates, as an opportunistic one does).
 */
export type PollMode = 'opportunistic' | 'complete';

/**
 * The compass search as a sequence of requests. Each poll announces the trial points it may try
 * from where it stands (both directions of every free coordinate): until a move, those are exactly
 * its next requests; after an opportunistic move at coordinate i, the rest of the poll is
 * announced again from the new point. The polls of one round are independent of one another, so
 * a round announces them all.
 */
export function* compassSteps(card: Card, starts: readonly Scored[], exhausted: () => boolean, mode: PollMode = 'opportunistic'): Generator<SearchRequest, void, number> {
  const searches = starts.map((start) => {
    const p = parameterize(card, start.instance);
    return { p, values: p.parameters.map((q) => q.value), steps: p.parameters.map((q) => q.step), ratio: start.ratio };
  });
  type Search = (typeof searches)[number];
  // A move past the card's condition cap is not a case of the claim: never scored (the rebuild
  // keeps its ranges and pins; admissibleFinalists keeps any other miss out of the finalists).
  const at = (s: Search, values: number[]) => {
    const moved = s.p.rebuild(values);
    return { values, moved, admitted: withinCondition(card, moved) };
  };
  const trial = (s: Search, i: number, direction: number) => {
    const values = s.values.slice();
    values[i] = values[i]! + direction * s.steps[i]!;
    return at(s, values);
  };
  const free = (s: Search, first: number) => s.values.map((_, i) => i).filter((i) => i >= first && s.steps[i]! >= MIN_STEP);
  const pollFrom = (s: Search, first: number): CaseSpec[] =>
    free(s, first).flatMap((i) => [1, -1].map((d) => trial(s, i, d)).filter((t) => t.admitted).map((t) => t.moved));
  while (!exhausted() && searches.some((s) => s.steps.some((step) => step >= MIN_STEP))) {
    yield { upcoming: () => searches.flatMap((s) => pollFrom(s, 0)) };
    for (const s of searches) {
      if (exhausted()) break;
      let improved = false;
      if (mode === 'complete') {
        // Every direction first; then the combined move of the improving coordinates.
        const better: { i: number; direction: number; ratio: number; values: number[] }[] = [];
        for (const i of free(s, 0)) {
          let bestHere: (typeof better)[number] | undefined;
          for (const direction of [1, -1]) {
            if (exhausted()) break;
            const t = trial(s, i, direction);
            const ratio = t.admitted ? yield { evaluate: t.moved } : -Infinity;
            if (ratio > s.ratio && (bestHere === undefined || ratio > bestHere.ratio)) bestHere = { i, direction, ratio, values: t.values };
          }
          if (bestHere) better.push(bestHere);
        }
        if (better.length > 0) {
          let chosen = better.reduce((a, b) => (b.ratio > a.ratio ? b : a));
          let moved = [chosen.i];
          if (better.length > 1 && !exhausted()) {
            const values = s.values.slice();
            for (const b of better) values[b.i] = values[b.i]! + b.direction * s.steps[b.i]!;
            const t = at(s, values);
            const ratio = t.admitted ? yield { evaluate: t.moved } : -Infinity;
            if (ratio > chosen.ratio) {
              chosen = { ...chosen, ratio, values };
              moved = better.map((b) => b.i);
            }
          }
          s.values = chosen.values;
          s.ratio = chosen.ratio;
          for (const i of moved) s.steps[i] = s.steps[i]! * 2;
          improved = true;
        }
      } else {
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
