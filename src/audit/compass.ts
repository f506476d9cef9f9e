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
 * Moves each start uphill on `evaluate` (larger is worse for the card) until `exhausted()` or
 * every step is below MIN_STEP. The caller's `evaluate` records what it sees (best, finalists).
 */
export function compassSearch(card: Card, starts: readonly Scored[], evaluate: (instance: CaseSpec) => number, exhausted: () => boolean): void {
  const searches = starts.map((start) => {
    const p = parameterize(card, start.instance);
    return { p, values: p.parameters.map((q) => q.value), steps: p.parameters.map((q) => q.step), ratio: start.ratio };
  });
  while (!exhausted() && searches.some((s) => s.steps.some((step) => step >= MIN_STEP))) {
    for (const s of searches) {
      if (exhausted()) break;
      let improved = false;
      for (let i = 0; i < s.values.length && !exhausted(); i++) {
        if (s.steps[i]! < MIN_STEP) continue;
        for (const direction of [1, -1]) {
          if (exhausted()) break;
          const trial = s.values.slice();
          trial[i] = trial[i]! + direction * s.steps[i]!;
          // A move past the card's condition cap is not a case of the claim: never scored (the
          // rebuild keeps its ranges and pins; admissibleFinalists keeps any other miss out of the finalists).
          const moved = s.p.rebuild(trial);
          const ratio = withinCondition(card, moved) ? evaluate(moved) : -Infinity;
          if (ratio > s.ratio) {
            s.values = trial;
            s.ratio = ratio;
            s.steps[i] = s.steps[i]! * 2; // a successful direction is tried further next poll
            improved = true;
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
