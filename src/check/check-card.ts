/**
 * Checking a card over its class: fast-check draws the instances, each gets a verdict with its
 * level, and a violation confirmed at `verified` or above is shrunk by fast-check and saved as a
 * counterexample file. `samcheck run` and the property suites both call this.
 */
import fc from 'fast-check';
import { isStochasticSpec, type CaseSpec } from '../algorithms/case.js';
import { isStochasticAlgorithm } from '../algorithms/stochastic.js';
import { keepTop, type Scored } from '../audit/compass.js';
import { arbTaggedCase, type TaggedCase } from '../generators/card-cases.js';
import type { CornerName } from '../generators/corners.js';
import { DEFAULT_SHAPE, type CaseShape } from '../generators/cases.js';
import type { Card } from '../theorems/card.js';
import { caseRow, type CaseRow } from './case-row.js';
import { storeCounterexample, type CounterexampleContent } from './counterexamples.js';
import { resolveUndecided, type Undecided } from './resolve.js';
import { caseWork, confirmationCase, SEARCH_FINALISTS, SEARCH_STARTS, targetedSearch } from './search.js';
import { FAMILYWISE_ALPHA } from './statistical.js';
import { DEFAULT_VERIFY_PRECISION, judgeCase, LEVELS, NEAR_MISS, verdictEvidence, type CaseVerdict, type Level, type VerdictOptions } from './verdict.js';
import type { BeyondResolution } from './case-verdict.js';

/**
 * holds: no case contradicts a theorem card; violated: a case contradicts a theorem; falsified: a
 * case contradicts a conjecture; no counterexample: no case contradicts a conjecture (which is not
 * evidence that it holds: the words say how much was searched); inconclusive: a conjecture with
 * undecided cases and no contradiction; error: the check threw (a bug of the suite); interrupted:
 * the check was asked to stop (options.stop) before it could say anything, so it says nothing.
 */
export type CardStatus = 'holds' | 'violated' | 'falsified' | 'no counterexample' | 'inconclusive' | 'error' | 'interrupted';

export const DEFAULT_SHRINK_EVALUATIONS = 200;
/** Shrink candidates that may be judged in decimal (the others in float64 alone). */
export const SHRINK_VERIFICATIONS = 10;
/**
 * And the decimal work each may cost (counted as verdict.ts counts it): a shrink only steers, and
 * a candidate dearer than this passes (a logistic regression's decimal exp made ten verifications
 * of one D-NC shrink cost 16 s; its result is judged in full afterwards whatever it costs).
 */
export const SHRINK_VERIFICATION_UNITS = 1e5;

export interface CardCheckOptions extends VerdictOptions {
  readonly runs: number;
  /** The seed of the whole check; each card draws from its own stream derived from it. */
  readonly seed: number;
  readonly shape?: CaseShape;
  /** Where to save counterexamples; nothing is saved when absent. */
  readonly counterexampleFolder?: string;
  /** Shrink a violation to a small instance before reporting it (default true). */
  readonly shrink?: boolean;
  /**
   * Evaluations of the targeted search made when the sampling finds nothing (default: the card's
   * own `search.searchEvaluations`, else defaultSearchBudget's); 0 skips it.
   */
  readonly searchEvaluations?: number;
  /** Called after each case of the search (not during shrinking), for progress. */
  readonly onCase?: (index: number, verdict: CaseVerdict) => void;
  /**
   * Whether to stop (Ctrl-C): asked before each case. A check that has found a violation shrinks
   * no further and keeps it; otherwise it ends with status interrupted.
   */
  readonly stop?: () => boolean;
}

/** What the targeted search after the sampling did (src/check/search.ts). */
export interface SearchReport {
  readonly evaluations: number;
  /** Its float64 work (src/check/search.ts caseWork), and the sampling's, which bounds it. */
  readonly work: number;
  readonly sampledWork: number;
  /** The best float64 objective it saw (null: none it could score). */
  readonly bestRatio: number | null;
  /** Its finalists judged in full, and how many of them no arithmetic could decide. */
  readonly judged: number;
  readonly undecided: number;
}

/** The cases drawn, by family, by noise model (stochastic checks) and by construction corner. */
export interface Coverage {
  readonly families: Readonly<Record<string, number>>;
  readonly noise?: Readonly<Record<string, number>>;
  readonly corners: Readonly<Record<string, number>>;
}

export interface CardReport {
  readonly id: string;
  readonly title: string;
  readonly status: CardStatus;
  readonly cases: number;
  /**
   * The strongest evidence against the card over all cases: observed/bound, or for a statistical
   * case (lower confidence bound of the mean)/bound, since its sample mean alone proves nothing (a
   * heavy-tailed oracle's mean can land far above the bound with an interval reaching below 0).
   * Null when no case claimed anything.
   */
  readonly worstRatio: number | null;
  /** The worst case by that measure; for a statistical one `ratio` is the sample mean over the bound. */
  readonly worst: {
    readonly ratio: string;
    readonly lowerRatio?: string;
    /** A statistical case: the level α of its one-sided bound at each horizon checked. */
    readonly alpha?: number;
    /** Its index in `rows` when the sampling drew it (absent: the targeted search found it). */
    readonly row?: number;
    readonly at: number;
    readonly level: Level;
    readonly instance: CaseSpec;
    readonly reason?: string;
  } | null;
  readonly levels: Readonly<Record<Level, number>>;
  /** The seed of this card's fast-check run (replay it with FC_SEED). */
  readonly seed: number;
  readonly counterexample?: {
    /** Where the case is saved (null: not saved, see `notSaved`). */
    readonly file: string | null;
    readonly path: string;
    readonly instance: CaseSpec;
    readonly ratio: string;
    readonly level: Level;
    /** Whether this check wrote the file (false: the same case was saved before). */
    readonly written?: boolean;
    /** Why the case could not be saved (a folder that cannot be written). */
    readonly notSaved?: string;
    /** Whether the saved file replays (checked after saving), and if not, why. */
    readonly replay?: { readonly reproduced: boolean; readonly problem?: string };
  };
  readonly error?: string;
  readonly search?: SearchReport;
  /**
   * Decided cases with horizons their precision cannot resolve, left unjudged (src/check/resolution.ts):
   * how many, and the most digits one of them would need to be judged whole.
   */
  readonly beyondResolution?: { readonly cases: number; readonly digits: number; readonly atLeast?: true };
  readonly coverage: Coverage;
  /** Every case the sampling drew, in order, as parameters and ratio (the report's scatter, results.json). */
  readonly rows: readonly CaseRow[];
}

/**
 * A card or conjecture checked over its class. `precision` (the decimal verification's p; p and 2p
 * digits are compared) defaults to DEFAULT_VERIFY_PRECISION, as on the command line.
 */
export function checkCard(card: Card, given: Omit<CardCheckOptions, 'precision'> & { readonly precision?: number }): CardReport {
  const options: CardCheckOptions = { ...given, precision: given.precision ?? DEFAULT_VERIFY_PRECISION };
  const seed = cardSeed(options.seed, card.id);
  const levels = Object.fromEntries(LEVELS.map((level) => [level, 0])) as Record<Level, number>;
  let cases = 0;
  let worst: CardReport['worst'] = null;
  // The worst over the decided cases alone, from which the worst is rebuilt once undecided cases are resolved.
  let worstDecided: CardReport['worst'] = null;
  let searching = true; // false once fast-check has a failure and is shrinking it
  // Shrinking stops after a fixed number of evaluations (not a time limit, so that a seed gives
  // the same counterexample on every machine): past it every candidate counts as passing.
  let shrinkEvaluations = card.search?.shrinkEvaluations ?? DEFAULT_SHRINK_EVALUATIONS;
  let shrinkVerifications = 0;
  let lastFailure: { instance: CaseSpec; verdict?: CaseVerdict; error?: unknown } | undefined;
  let lastConfirmed: { instance: CaseSpec; verdict: CaseVerdict } | undefined;
  // The best distinct cases of the sampling, where the targeted search starts.
  const starts: Scored[] = [];
  // And the best case of each construction corner, so that the search spends part of its budget in
  // every corner's neighbourhood (a trap drawn once at the wrong η or horizon is climbed towards
  // the claim's worst, not left behind the general cases' best).
  const cornerBest = new Map<CornerName, Scored>();
  const rows: CaseRow[] = [];
  // The undecided cases, with where they are: a row of the sampling, or a search finalist (row undefined).
  const undecidedCases: (Undecided & { row?: number; corner?: CornerName })[] = [];
  // The decided cases judged only on the horizons their precision resolves, by case.
  const partlyJudged = new Map<CaseSpec, BeyondResolution>();
  const notePartial = (instance: CaseSpec, verdict: CaseVerdict) => {
    if (verdict.level !== 'undecided' && verdict.beyondResolution !== undefined) partlyJudged.set(instance, verdict.beyondResolution);
    else partlyJudged.delete(instance);
  };
  const coverage = { families: {} as Record<string, number>, noise: {} as Record<string, number>, corners: {} as Record<string, number> };
  const budget = defaultSearchBudget(card, options.runs);
  const asked = options.searchEvaluations ?? card.search?.searchEvaluations;
  const evaluations = asked ?? budget.evaluations;
  let sampledWork = 0;

  // A statistical case gets its share of the familywise level (see statistical.ts): the cases
  // drawn and the search's finalists.
  const tests = options.runs + (evaluations > 0 ? SEARCH_FINALISTS : 0);
  const caseOptions = { ...options, alpha: options.alpha ?? FAMILYWISE_ALPHA / tests };
  let interrupted = false;
  const judge = ({ instance, corner }: TaggedCase): boolean => {
    if (options.stop?.()) {
      // A sampling ends at once with no verdict: the throw ends fast-check's run (returning true
      // would have it draw every case left), and the shrink candidates it then offers pass, as do
      // those of a shrink under way, which ends with the violation it has.
      if (searching) {
        interrupted = true;
        searching = false;
        throw new Error('the check was asked to stop');
      }
      return true;
    }
    if (!searching && shrinkEvaluations-- <= 0) return true;
    let verdict: CaseVerdict;
    try {
      // While shrinking, a clear float64 violation steers; the shrunk case is confirmed below. A
      // candidate float64 cannot decide costs a decimal verification: after the first
      // SHRINK_VERIFICATIONS of them such candidates pass (a near-equality violation would
      // otherwise cost 200 verifications: C6's 1 + 3e-11 took 98 s), and so do candidates whose
      // verification would cost more than SHRINK_VERIFICATION_UNITS.
      const shrinkOptions = searching ? caseOptions : { ...caseOptions, maxVerificationUnits: shrinkVerifications >= SHRINK_VERIFICATIONS ? 0 : SHRINK_VERIFICATION_UNITS };
      verdict = judgeCase(card, instance, shrinkOptions, !searching);
      if (!searching && verdict.level !== 'float') shrinkVerifications++;
    } catch (error) {
      searching = false;
      lastFailure = { instance, error };
      throw error;
    }
    if (searching) {
      options.onCase?.(cases, verdict);
      cases++;
      levels[verdict.level]++;
      count(coverage, instance, corner);
      rows.push(caseRow(instance, verdict, corner));
      if (verdict.level === 'undecided') undecidedCases.push({ instance, verdict, row: rows.length - 1, ...(corner ? { corner } : {}) });
      notePartial(instance, verdict);
      sampledWork += caseWork(card, instance);
      worst = worseOf(worst, instance, verdict, rows.length - 1);
      if (verdict.level !== 'undecided') worstDecided = worseOf(worstDecided, instance, verdict, rows.length - 1);
      keepTop(starts, { ratio: verdictEvidence(verdict), instance }, SEARCH_STARTS);
      if (corner !== undefined) keepBestOfCorner(cornerBest, corner, { ratio: verdictEvidence(verdict), instance });
    }
    if (verdict.holds !== false) return true;
    // A divergence shrinks to a smaller divergence: a candidate near the edge of divergence that
    // only converges slowly would pass a limit claim's operational test as "stuck" at level float,
    // a weaker finding than the one the search made.
    if (!searching && diverged(lastFailure?.verdict) && !diverged(verdict)) return true;
    if (verdict.level !== 'float') lastConfirmed = { instance, verdict };
    searching = false;
    lastFailure = { instance, verdict };
    return false;
  };
  const counted = { families: coverage.families, ...(isStochasticAlgorithm(card.algorithm) ? { noise: coverage.noise } : {}), corners: coverage.corners };
  const partial = () => {
    if (partlyJudged.size === 0) return {};
    const all = [...partlyJudged.values()];
    return { beyondResolution: { cases: all.length, digits: Math.max(...all.map((b) => b.digits)), ...(all.some((b) => b.atLeast) ? { atLeast: true as const } : {}) } };
  };
  const base = () => ({ id: card.id, title: card.title, cases, worstRatio: worst === null ? null : evidenceOf(worst), worst, levels, seed, ...partial(), coverage: counted, rows });
  const found = (instance: CaseSpec, verdict: CaseVerdict, searchPath: string, search?: SearchReport): CardReport => {
    const saved = options.counterexampleFolder === undefined ? undefined : saveFinding(options.counterexampleFolder, {
      kind: 'found',
      claims: [{ card: card.id, relation: 'violates' }],
      run: instance,
      ...(options.constants && Object.keys(options.constants).length > 0 ? { constants: options.constants } : {}),
      arithmetic: isStochasticSpec(instance) ? { backend: 'float64' } : { backend: 'decimal', precision: options.precision },
      search: { seed, path: searchPath, runs: options.runs, ...(search ? { evaluations: search.evaluations } : {}) },
      observed: { ratio: verdict.ratioText, at: verdict.at, level: verdict.level, ...(verdict.confidence ? { alpha: caseOptions.alpha } : {}) },
    });
    const status = card.kind === 'conjecture' ? 'falsified' : 'violated';
    return { ...base(), status, ...(search ? { search } : {}), counterexample: { file: saved?.path ?? null, path: searchPath, instance, ratio: verdict.ratioText, level: verdict.level, ...saved?.outcome } };
  };

  // A check that throws is a bug of the suite, not a verdict: it is reported as an error with what
  // it had checked (and the command that reruns it, src/check/check-all.ts), never as a crash of
  // the command that ran it.
  try {
    const property = fc.property(arbTaggedCase(card, options.shape ?? DEFAULT_SHAPE), judge);
    return conclude(fc.check(property, { numRuns: options.runs, seed, endOnFailure: options.shrink === false }));
  } catch (error) {
    return { ...base(), status: 'error', error: errorText(error) };
  }

  function conclude(details: fc.RunDetails<[TaggedCase]>): CardReport {
    const stopped = (): CardReport => ({ ...base(), status: 'interrupted' });
    if (interrupted) return stopped();
    if (!details.failed || lastFailure === undefined) {
      // Nothing in the sampling: the targeted search, then its finalists judged in full (those
      // float64 sees above 1, and the best one, so that the worst ratio says what the search reached).
      let search: SearchReport | undefined;
      if (evaluations > 0 && starts.length > 0) {
        const outcome = targetedSearch(card, withCornerStarts(starts, cornerBest), { ...caseOptions, evaluations, ...(asked === undefined ? { work: budget.workShare * sampledWork } : {}) });
        if (options.stop?.()) return stopped();
        let judged = 0;
        let undecided = 0;
        const report = () => ({ evaluations: outcome.evaluations, work: outcome.work, sampledWork, bestRatio: outcome.best === undefined ? null : outcome.best.ratio, judged, undecided });
        for (const [i, finalist] of outcome.finalists.entries()) {
          if (options.stop?.()) return stopped();
          if (!worthJudging(card, finalist.ratio, i === 0 ? worst : null)) continue;
          const instance = confirmationCase(card, finalist.instance);
          const verdict = judgeCase(card, instance, caseOptions);
          judged++;
          notePartial(instance, verdict);
          if (verdict.level === 'undecided') {
            undecided++;
            undecidedCases.push({ instance, verdict });
          }
          worst = worseOf(worst, instance, verdict);
          if (verdict.level !== 'undecided') worstDecided = worseOf(worstDecided, instance, verdict);
          if (verdict.holds === false) return found(instance, verdict, '', report());
        }
        search = report();
      }
      // A conjecture is called inconclusive only after its undecided cases were given more digits
      // and more work (src/check/resolve.ts); a theorem card holds whatever they say.
      if (card.kind === 'conjecture' && undecidedCases.length > 0) {
        const after = resolveUndecided(card, undecidedCases, caseOptions, options.stop);
        if (options.stop?.()) return stopped();
        // The worst case again, from the decided ones and the undecided ones as they now stand: an
        // undecided ratio that more digits showed to be rounding (10^22 at T = 437, where the bound
        // is below what 40 digits resolve) must not stay the claim's worst.
        worst = worstAfterResolution(worstDecided, undecidedCases, after);
        for (const [i, verdict] of after.entries()) {
          const { instance, row, corner } = undecidedCases[i]!;
          if (verdict.level === 'undecided') continue;
          notePartial(instance, verdict);
          if (row === undefined) search = search && { ...search, undecided: search.undecided - 1 };
          else {
            levels.undecided--;
            levels[verdict.level]++;
            rows[row] = caseRow(instance, verdict, corner);
          }
          if (verdict.holds === false) return found(instance, verdict, '', search);
        }
      }
      const survived = levels.undecided > 0 || (search?.undecided ?? 0) > 0 ? 'inconclusive' : 'no counterexample';
      return { ...base(), status: card.kind === 'conjecture' ? survived : 'holds', ...(search ? { search } : {}) };
    }
    const path = details.counterexamplePath ?? '';
    if (lastFailure.error !== undefined) {
      return { ...base(), status: 'error', error: errorText(lastFailure.error), counterexample: { file: null, path, instance: lastFailure.instance, ratio: 'NaN', level: 'undecided' } };
    }
    const { instance, verdict } = confirmed(lastFailure as { instance: CaseSpec; verdict: CaseVerdict }, lastConfirmed, card, caseOptions);
    // fast-check's path leads to the shrunk case; it describes the saved one only if that is it.
    return found(instance, verdict, instance === lastFailure.instance ? path : '');
  }
}

/** The best case of `corner` so far, by its evidence (a NaN one, undecided, counts as the least). */
function keepBestOfCorner(best: Map<CornerName, Scored>, corner: CornerName, scored: Scored): void {
  const held = best.get(corner);
  const value = (s: Scored) => (Number.isNaN(s.ratio) ? -Infinity : s.ratio);
  if (held === undefined || value(scored) > value(held)) best.set(corner, scored);
}

/** The search's starts: the sampling's best cases, then each corner's best not among them. */
function withCornerStarts(starts: readonly Scored[], cornerBest: ReadonlyMap<CornerName, Scored>): Scored[] {
  const extra = [...cornerBest.values()].filter((c) => !starts.some((s) => s.instance === c.instance));
  return [...starts, ...extra];
}

/** An error thrown inside a check, in one line: its kind and message (a bug report starts here). */
function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.name === 'Error' ? error.message : `${error.name}: ${error.message}`;
}

/**
 * Saves a finding; a folder that cannot be written loses nothing: the instance stays in the
 * report, with the reason it was not saved.
 */
function saveFinding(folder: string, content: CounterexampleContent): { path: string | null; outcome: { written: boolean; notSaved?: string } } {
  try {
    const { path, written } = storeCounterexample(folder, content);
    return { path, outcome: { written } };
  } catch (error) {
    return { path: null, outcome: { written: false, notSaved: `${folder}: ${error instanceof Error ? error.message : String(error)}` } };
  }
}

/** The shrunk violation judged in full; the last confirmed one if float64 misled the shrink. */
function confirmed(
  shrunk: { instance: CaseSpec; verdict: CaseVerdict },
  lastConfirmed: { instance: CaseSpec; verdict: CaseVerdict } | undefined,
  card: Card,
  options: VerdictOptions,
): { instance: CaseSpec; verdict: CaseVerdict } {
  if (shrunk.verdict.level !== 'float') return shrunk;
  const verdict = judgeCase(card, shrunk.instance, options);
  if (verdict.holds === false) return { instance: shrunk.instance, verdict };
  return lastConfirmed!;
}

/**
 * The targeted search's budget, in counts: evaluations, and float64 work as a share of what the
 * sampling did (src/check/search.ts caseWork), whichever ends first, so that a search from the
 * heaviest cases (the worst ratios sit at long horizons) costs what its share says. A conjecture,
 * whose survival would otherwise rest on sampling alone: one evaluation per case drawn and as much
 * work as the sampling; a theorem card, which the paper proves (its search looks for tightness and
 * bugs): a quarter of the evaluations and a tenth of the work.
 */
export function defaultSearchBudget(card: Card, runs: number): { evaluations: number; workShare: number } {
  return card.kind === 'conjecture' ? { evaluations: runs, workShare: 1 } : { evaluations: Math.ceil(runs / 4), workShare: 0.1 };
}

/** A card's own seed: the user's seed mixed with the card ID, so adding a card changes no other. */
export function cardSeed(seed: number, id: string): number {
  let h = seed | 0;
  for (const ch of id) h = Math.imul(h ^ ch.charCodeAt(0), 0x9e3779b1);
  h ^= h >>> 16;
  return Math.imul(h, 0x85ebca6b) | 0;
}

/** Whether a verdict is a divergence (the run left float64's range: src/check/divergence.ts). */
function diverged(verdict: CaseVerdict | undefined): boolean {
  return verdict !== undefined && verdict.holds === false && verdict.ratio === Infinity;
}

/** How strongly a case speaks against the card: its ratio, or its lower confidence ratio. */
function evidenceOf(worst: NonNullable<CardReport['worst']>): number {
  return Number(worst.lowerRatio ?? worst.ratio);
}

/**
 * Whether a search finalist is judged in full: one that float64 sees above 1 (for a theorem card,
 * clearly above: within NEAR_MISS of 1 it is an equality to rounding, which the sampling's
 * verdicts already settled, and a decimal verification each would double a lemma's cost), or the
 * best finalist when float64 sees it clearly beat the sampling's worst case (`worst`: null for the
 * others), so that the worst ratio says what the search reached.
 */
function worthJudging(card: Card, ratio: number, worst: CardReport['worst']): boolean {
  const aboveOne = card.kind === 'conjecture' ? ratio > 1 : ratio > 1 + NEAR_MISS;
  const beatsWorst = worst !== null && ratio < 1 - NEAR_MISS && ratio > evidenceOf(worst);
  return aboveOne || beatsWorst;
}

/** The worst case so far, or this one if it speaks more strongly against the card. */
/** The worst case of a check once its undecided cases were judged again: the decided cases' worst against each of those cases as it now stands. */
export function worstAfterResolution(worstDecided: CardReport['worst'], undecided: readonly (Undecided & { row?: number })[], after: readonly CaseVerdict[]): CardReport['worst'] {
  return after.reduce((worst, verdict, i) => worseOf(worst, undecided[i]!.instance, verdict, undecided[i]!.row), worstDecided);
}

function worseOf(worst: CardReport['worst'], instance: CaseSpec, verdict: CaseVerdict, row?: number): CardReport['worst'] {
  const evidence = verdictEvidence(verdict);
  // A case no arithmetic could judge (NaN) says nothing about the worst ratio.
  if (Number.isNaN(evidence) || (worst !== null && !(evidence > evidenceOf(worst)))) return worst;
  return { ratio: verdict.ratioText, ...(verdict.confidence ? { lowerRatio: String(evidence), alpha: verdict.confidence.alpha } : {}), ...(row === undefined ? {} : { row }), at: verdict.at, level: verdict.level, instance, ...(verdict.reason ? { reason: verdict.reason } : {}) };
}

/** Adds a drawn case to the coverage counts. */
function count(coverage: { families: Record<string, number>; noise: Record<string, number>; corners: Record<string, number> }, instance: CaseSpec, corner: string | undefined): void {
  const add = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);
  add(coverage.families, instance.function.family);
  if (isStochasticSpec(instance)) add(coverage.noise, instance.oracle.kind);
  if (corner !== undefined) add(coverage.corners, corner);
}
