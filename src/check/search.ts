/**
 * The targeted search of a check (issue "Conjecture verdicts a researcher can trust", item 1):
 * after fast-check's sampling finds no violation, the best distinct cases it drew are moved
 * uphill by the audit's compass search (src/audit/compass.ts) on a float64 objective, within a
 * budget counted in evaluations and in float64 work (caseWork below), never in time; the caller
 * (src/check/check-card.ts) judges in full the finalists float64 sees above 1, and the best one
 * when it clearly beats the sampling, so the worst ratio reflects the search.
 *
 * The objective is the audit's: observed/bound in float64, trusted only when a moved start keeps
 * it (floatRatio); for a stochastic card the lower confidence bound over the bound on the case's
 * own paths (common random numbers: the seed stays while the parameters move, so the objective is
 * a deterministic function of them); for a limit claim the ratio its operational test compares
 * (m_16T over 3/4 of m_4T, src/check/limit.ts), screened on the first stage of paths. A run that
 * overflows is the worst case there is (+Infinity): its confirmation judges the divergence.
 */
import { isStochasticSpec, type CaseSpec } from '../algorithms/case.js';
import { admissibleFinalists, compassSearch, FINALIST_POOL, keepTop, type Scored } from '../audit/compass.js';
import { OverflowError } from '../errors.js';
import { MAX_SEED } from '../random/seeded.js';
import type { Card } from '../theorems/card.js';
import type { FamilySpec } from '../functions/types.js';
import { OPERATION_WEIGHTS } from '../arith/counting.js';
import { judgeLimitCase } from './limit.js';
import type { ObserveOptions } from './observe.js';
import { floatRatio } from './verdict.js';

/** Starting cases of the local search, and finalists judged in full. */
export const SEARCH_STARTS = 5;
export const SEARCH_FINALISTS = 3;
/** A start is searched only if one evaluation of it takes at most this fraction (1/8) of the work budget. */
const STARTS_PER_BUDGET = 8;
/** A stochastic finalist is judged on this many times its paths, from a fresh seed. */
export const CONFIRM_PATH_FACTOR = 8;

export interface SearchOptions extends ObserveOptions {
  /** Evaluations of the objective the search may spend (the starts' own included). */
  readonly evaluations: number;
  /** And the float64 work it may spend, in caseWork units (the search stops at whichever comes first). */
  readonly work?: number;
  readonly alpha: number;
  /** Whether to stop now (Ctrl-C), asked before each evaluation. */
  readonly stop?: () => boolean;
}

export interface SearchOutcome {
  readonly evaluations: number;
  /** The float64 work spent, in caseWork units. */
  readonly work: number;
  /** The best case the search saw, with its float64 objective (undefined: it saw nothing it could score). */
  readonly best: Scored | undefined;
  /** The best distinct cases, best first. */
  readonly finalists: readonly Scored[];
}

/** The search's float64 objective for one case: larger is worse for the card; -Infinity when unscorable. */
export function searchObjective(card: Card, instance: CaseSpec, options: ObserveOptions & { readonly alpha: number }): number {
  try {
    const ratio = card.scope === 'limit' ? judgeLimitCase(card, instance, options.alpha, true).ratio : floatRatio(card, instance, options);
    return Number.isNaN(ratio) ? -Infinity : ratio;
  } catch (error) {
    if (error instanceof OverflowError) return Infinity;
    return -Infinity; // a parameter step out of the family's domain
  }
}

/** The compass search from `starts` (the best cases of the sampling), within `options.evaluations`. */
export function targetedSearch(card: Card, starts: readonly Scored[], options: SearchOptions): SearchOutcome {
  let evaluations = 0;
  let work = 0;
  const pool: Scored[] = [];
  const evaluate = (instance: CaseSpec): number => {
    evaluations++;
    work += caseWork(card, instance);
    const ratio = searchObjective(card, instance, options);
    keepTop(pool, { ratio, instance }, SEARCH_FINALISTS * FINALIST_POOL);
    return ratio;
  };
  const exhausted = () => evaluations >= options.evaluations || work >= (options.work ?? Infinity) || options.stop?.() === true;
  // The starts are scored by the search's own objective: the sampling judged them otherwise. A
  // start one evaluation of which would take more than a STARTS_PER_BUDGET-th of the work budget
  // cannot be searched within it (a compass needs several polls): it is passed over for the next.
  const affordable = starts.filter((start) => caseWork(card, start.instance) <= (options.work ?? Infinity) / STARTS_PER_BUDGET);
  const scored: Scored[] = [];
  for (const start of affordable) {
    if (exhausted()) break;
    scored.push({ ratio: evaluate(start.instance), instance: start.instance });
  }
  compassSearch(card, scored.filter((s) => s.ratio > -Infinity && s.ratio < Infinity), evaluate, exhausted);
  const finalists = admissibleFinalists(card, pool, SEARCH_FINALISTS);
  return { evaluations, work, best: finalists[0], finalists };
}

/**
 * A machine-independent measure of a case's float64 work, for the search's budget: the gradients
 * its run evaluates (steps, times the paths of a stochastic case, times the three horizons T, 4T
 * and 16T of a limit claim) times one gradient's operations, weighted as the counting backend
 * weighs them (src/arith/counting.ts: a multiplication 1, exp, log, sin and cos 150).
 */
export function caseWork(card: Card, instance: CaseSpec): number {
  const horizons = card.scope === 'limit' ? 21 : 1;
  const paths = isStochasticSpec(instance) ? instance.paths : 1;
  return horizons * instance.steps * paths * gradientWork(instance.function);
}

function gradientWork(f: FamilySpec): number {
  switch (f.family) {
    case 'quadratic': {
      const d = (f.eigenvalues ?? f.matrix)!.length;
      return d * d;
    }
    case 'logistic':
      return (f.samples + 2 * f.dim) * (2 * f.dim + 2 * TRANSCENDENTAL);
    case 'cosine':
      return f.terms.length * (2 + TRANSCENDENTAL) + f.dim;
    case 'piecewise-quadratic':
      return f.coordinates.reduce((s, c) => s + c.breakpoints.length + 4, 0);
    default:
      return 1; // a family made by defineFamily: its cost is unknown, counted as one operation per step
  }
}

const TRANSCENDENTAL = OPERATION_WEIGHTS.transcendental;

/**
 * The case a finalist is judged on: itself, or for a stochastic case the same parameters from a
 * fresh seed, so that the search's luck with its own paths does not count, on CONFIRM_PATH_FACTOR
 * times the paths (a limit claim's verdict draws more paths in stages of its own).
 */
export function confirmationCase(card: Card, instance: CaseSpec): CaseSpec {
  if (!isStochasticSpec(instance)) return instance;
  const paths = card.scope === 'limit' ? instance.paths : instance.paths * CONFIRM_PATH_FACTOR;
  return { ...instance, paths, seed: (instance.seed + 1) % (MAX_SEED + 1) };
}
