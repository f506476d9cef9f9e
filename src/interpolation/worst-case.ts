/**
 * The class-wide worst case of a goal: the search (search.ts), then certification of its best
 * results (certify.ts). What is reported is
 * the best certified value, a proven lower bound on the worst case over the whole class; the
 * search's own best is reported beside it.
 */
import { float64 } from '../arith/float64.js';
import { certifyFound, type Certification, type DataText } from './certify.js';
import { searchSteps, type Found, type SearchOptions, type SearchResult } from './search.js';
import { drain } from '../parallel/yielding.js';
import { unknownsOf, type Goal, type Setting } from './problem.js';

/** The search's best results that certification tries, best first. */
const CERTIFIED_CANDIDATES = 12;

export interface WorstCase {
  readonly search: SearchResult;
  /** The best the float64 search saw (feasible to its tolerance), or undefined when nothing was. */
  readonly searchValue: number | undefined;
  /** The best certified case, with its data as written and its certification. */
  readonly certified: { readonly data: DataText; readonly certification: Certification; readonly searchValue: number } | undefined;
  /** Why the best candidate could not be certified, when none could. */
  readonly problem?: string;
}

export function worstCase(setting: Setting, goal: Goal, options: SearchOptions): WorstCase {
  return drain(worstCaseSteps(setting, goal, options));
}

/** worstCase as steps, one per climb of the search and per certification attempt (drainYielding lets a command's Ctrl-C in between). */
export function* worstCaseSteps(setting: Setting, goal: Goal, options: SearchOptions): Generator<void, WorstCase> {
  const search = yield* searchSteps(setting, goal, options);
  let certified: WorstCase['certified'];
  let problem: string | undefined;
  const attempt = (found: Found) => {
    const { data, certification } = certifyFound(setting, goal, unknownsOf(float64, search.layout, [...found.z]));
    if (certification.holds) return { data, certification, searchValue: found.value };
    problem ??= certification.problem;
    return undefined;
  };
  for (const found of search.found.slice(0, CERTIFIED_CANDIDATES)) {
    if (certified !== undefined && Number(certified.certification.value) >= found.value) break;
    const result = attempt(found);
    yield;
    if (result !== undefined && (certified === undefined || Number(result.certification.value) > Number(certified.certification.value))) certified = result;
  }
  return { search, searchValue: search.found[0]?.value, certified, ...(certified === undefined && problem !== undefined ? { problem } : {}) };
}
