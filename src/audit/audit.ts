/**
 * `samcheck audit`: how close does the class come to a bound's constant? The search maximizes
 * observed/bound over the card's class, its parameters and (for stochastic cards) the noise:
 *
 * 1. breadth: cases drawn by fast-check from the card's own generator (half the budget);
 * 2. depth: a compass (pattern) search over the continuous parameters of the best distinct cases
 *    (src/audit/compass.ts, the search every check of samcheck run makes before a verdict, here
 *    with complete polls: their evaluations are independent, so --jobs runs them side by side);
 * 3. confirmation: the three best distinct cases (best first, the others while the audit is within
 *    1.5 budgets) judged in full, as `samcheck run` would (decimal
 *    at p and 2p digits, intervals when they apply; for a stochastic card, 8 times the paths from
 *    a fresh seed, so that the search's luck with its own paths does not count); the best
 *    confirmed one is reported.
 *
 * The search runs in float64; a stochastic case keeps its seed while its parameters move (common
 * random numbers), so the objective is a deterministic function of the parameters.
 */
import fc from 'fast-check';
import { isStochasticSpec, type CaseSpec } from '../algorithms/case.js';
import { floatRatio, judgeCase, perturbStart, stableOrNaN, verdictEvidence, type CaseVerdict } from '../check/verdict.js';
import { decimalBackend, MAX_DECIMAL_PRECISION } from '../arith/decimal.js';
import { float64 } from '../arith/float64.js';
import { constantThreshold } from './threshold.js';
import { cardSeed } from '../check/check-card.js';
import { requireConstant } from '../check/observe.js';
import { knownTightness } from '../constructions/tightness.js';
import { InputError } from '../errors.js';
import { arbCardCase } from '../generators/card-cases.js';
import type { Card } from '../theorems/card.js';
import { admissibleFinalists, compassSteps, driveSync, FINALIST_POOL, keepTop, type Scored, type SearchRequest } from './compass.js';
import { confirmationCase } from '../check/search.js';

export interface AuditOptions {
  /**
   * Wall-clock budget of the search, in milliseconds (the confirmation comes after it); absent,
   * the search has no time limit and `maxEvaluations` is its budget (then it repeats exactly).
   */
  readonly budgetMs?: number;
  readonly seed: number;
  /** Stop after this many evaluations as well (for runs that must repeat exactly). */
  readonly maxEvaluations?: number;
  /** Decimal precision of the confirmation (p and 2p). */
  readonly precision: number;
  readonly onProgress?: (progress: { evaluations: number; best: number; phase: Phase }) => void;
  /**
   * Audit this named constant instead of the ratio: the search maximizes the fraction of the
   * stated constant each case demands (src/audit/threshold.ts).
   */
  readonly constant?: string;
  readonly now?: () => number;
  /**
   * Whether to stop (Ctrl-C): asked before each evaluation. The search then ends as if its budget
   * were spent, and only its best case is confirmed; the result says it was interrupted.
   */
  readonly stop?: () => boolean;
}

export type Phase = 'sampling' | 'local search';

export interface TracePoint {
  readonly evaluation: number;
  readonly ratio: number;
  readonly seconds: number;
  readonly phase: Phase;
}

export interface AuditResult {
  readonly id: string;
  /** The constant audited, or undefined for the ratio observed/bound. */
  readonly constant?: string;
  /** The confirmed ratio of the best case (for a stochastic card: its mean's, on fresh paths). */
  readonly bestRatio: number;
  /** What the float64 search saw on that case. */
  readonly searchRatio: number;
  readonly instance: CaseSpec;
  readonly evaluations: number;
  readonly trace: TracePoint[];
  readonly verdict: CaseVerdict;
  /** [the best fraction a construction reaches, the stated constant (1)]. */
  readonly tightness: readonly [number | null, 1];
  readonly seed: number;
  readonly seconds: number;
  /** Set when the search was asked to stop before its budget was spent. */
  readonly interrupted?: true;
}

const TOP = 5;
const FINALISTS = 3;
const SAMPLE_BATCH = 16;
const SAMPLING_SHARE = 0.5;
const CONFIRM_SHARE = 1.5;

/**
 * What an audit asks of its driver beyond a search's requests (compass.ts): one finalist confirmed
 * in full, or, ahead of those, every finalist it may confirm (a driver with workers confirms them
 * side by side).
 */
export type AuditRequest = SearchRequest | { readonly confirm: CaseSpec } | { readonly confirming: readonly CaseSpec[] };

/** The audit in this thread (`samcheck audit` with one job; the tests). */
export function auditCard(card: Card, options: AuditOptions): AuditResult {
  return driveSync(auditSteps(card, options), (r) =>
    'evaluate' in r ? evaluateCase(card, r.evaluate, options.constant) : 'confirm' in r ? confirmFinalist(card, r.confirm, options.constant, options.precision) : undefined,
  );
}

/**
 * The audit as a sequence of requests (see AuditRequest), answered by a driver: `auditCard` in
 * this thread, or one that spreads them over worker threads (src/parallel/jobs.ts). The sequence
 * depends only on the answers, never on who computed them, so a seed and an evaluation budget
 * give the same audit with any number of jobs.
 */
export function* auditSteps(card: Card, options: AuditOptions): Generator<AuditRequest, AuditResult, number | CaseVerdict | undefined> {
  if (options.budgetMs === undefined && options.maxEvaluations === undefined) throw new InputError('budget', undefined, 'an audit needs a time budget, a number of evaluations, or both');
  const budgetMs = options.budgetMs ?? Infinity;
  if (card.scope === 'limit') throw new InputError('ID', card.id, 'is a limit claim; an audit needs a bound (observed/bound)');
  if (options.constant !== undefined) requireConstant(card, options.constant, '--constant');
  const now = options.now ?? (() => performance.now());
  const started = now();
  const elapsed = () => now() - started;
  const seed = cardSeed(options.seed, `audit ${card.id}`);
  const trace: TracePoint[] = [];
  let evaluations = 0;
  let best: Scored | undefined;
  const top: Scored[] = [];
  // The best distinct cases of the whole search, confirmed at the end: float64 may have ranked
  // a rounding artefact first.
  const pool: Scored[] = [];
  const stopped = () => options.stop?.() === true;
  const exhausted = (share: number) => stopped() || elapsed() >= share * budgetMs || (options.maxEvaluations !== undefined && evaluations >= share * options.maxEvaluations);

  /** The driver's answer to an evaluation, recorded (best, trace, finalists, progress). */
  const record = (instance: CaseSpec, ratio: number, phase: Phase): number => {
    evaluations++;
    keepTop(pool, { ratio, instance }, FINALISTS * FINALIST_POOL);
    if (best === undefined || ratio > best.ratio) {
      best = { ratio, instance };
      trace.push({ evaluation: evaluations, ratio, seconds: elapsed() / 1000, phase });
    }
    options.onProgress?.({ evaluations, best: best.ratio, phase });
    return ratio;
  };

  // 1. Breadth.
  const arbitrary = arbCardCase(card);
  const sample = (batch: number): CaseSpec[] => {
    try {
      return fc.sample(arbitrary, { seed: (seed + batch) | 0, numRuns: SAMPLE_BATCH });
    } catch {
      return []; // a member the generator could not build (reported by samcheck run as an error)
    }
  };
  let next = sample(0);
  for (let batch = 0; !exhausted(SAMPLING_SHARE); batch++) {
    const drawn = next;
    next = sample(batch + 1);
    // The next batch is announced with this one, so that a pool has work queued while the last
    // cases of this batch finish (announcing batch by batch left a worker idle at every batch's end).
    yield { upcoming: () => [...drawn, ...next] };
    for (const instance of drawn) {
      const ratio = record(instance, (yield { evaluate: instance }) as number, 'sampling');
      keepTop(top, { ratio, instance }, TOP);
      if (exhausted(SAMPLING_SHARE)) break;
    }
  }

  // 2. Depth: compass search from each of the best cases in turn.
  // Complete polls: their evaluations are independent, so a pool runs them side by side (--jobs).
  const search = compassSteps(card, top, () => exhausted(1), 'complete');
  for (let r = search.next(NaN); !r.done; ) {
    if ('evaluate' in r.value) r = search.next(record(r.value.evaluate, (yield r.value) as number, 'local search'));
    else {
      yield r.value;
      r = search.next(NaN);
    }
  }

  // 3. Confirmation, in full, of the finalists, best first; the best confirmed one is the answer.
  const finalists = admissibleFinalists(card, pool, FINALISTS);
  // After the first, only while the whole audit is within 1.5 budgets (a decimal rerun of a
  // 3000-step case in 20 dimensions takes a while).
  const confirmations: { instance: CaseSpec; searchRatio: number; verdict: CaseVerdict }[] = [];
  // When float64 could tell nothing about any case, the first one drawn is confirmed all the same.
  const candidates = (finalists.length > 0 ? finalists : [best!]).map((f) => ({ instance: confirmationCase(card, f.instance), searchRatio: f.ratio }));
  if (budgetMs === Infinity && !stopped()) yield { confirming: candidates.map((c) => c.instance) };
  for (const c of candidates) {
    if (confirmations.length > 0 && (stopped() || elapsed() >= CONFIRM_SHARE * budgetMs)) break;
    confirmations.push({ ...c, verdict: (yield { confirm: c.instance }) as CaseVerdict });
  }
  const chosen = confirmations.reduce((a, b) => (verdictEvidence(b.verdict) > verdictEvidence(a.verdict) ? b : a));
  const known = knownTightness(card.id);
  return {
    id: card.id,
    ...(options.constant === undefined ? {} : { constant: options.constant }),
    bestRatio: chosen.verdict.ratio,
    searchRatio: chosen.searchRatio,
    instance: chosen.instance,
    evaluations,
    trace,
    verdict: chosen.verdict,
    tightness: [known.length === 0 ? null : Math.max(...known.map((k) => k.constant)), 1],
    seed: options.seed,
    seconds: Number((elapsed() / 1000).toFixed(2)),
    ...(stopped() ? { interrupted: true as const } : {}),
  };
}

/**
 * What the search maximizes on one case, in float64: observed/bound (or a constant's fraction);
 * -Infinity for a parameter step out of the family's domain and for what float64 cannot tell (NaN).
 * Infinity (a bound <= 0 below a positive measure) is in practice Δ0 rounded below 0 in float64;
 * samcheck run's verification, not the search, settles those.
 */
export function evaluateCase(card: Card, instance: CaseSpec, constant: string | undefined): number {
  let ratio: number;
  try {
    ratio = constant === undefined ? floatRatio(card, instance) : floatThreshold(card, instance, constant);
  } catch {
    return -Infinity;
  }
  return Number.isFinite(ratio) ? ratio : -Infinity;
}

/** A finalist judged in full, as samcheck run would, with no cap on its decimal work. */
export function confirmFinalist(card: Card, instance: CaseSpec, constant: string | undefined, precision: number): CaseVerdict {
  return constant === undefined ? judgeCase(card, instance, { precision, maxVerificationUnits: Infinity }) : confirmThreshold(card, instance, constant, precision);
}

/** A constant's fraction in float64, trusted only if a start moved by 10^-12 leaves it (as floatRatio). */
function floatThreshold(card: Card, instance: CaseSpec, constant: string): number {
  const fraction = constantThreshold(float64, card, instance, constant).fraction;
  if (isStochasticSpec(instance)) return fraction;
  return stableOrNaN(fraction, constantThreshold(float64, card, perturbStart(instance), constant).fraction);
}

/**
 * A threshold confirmed: stochastic cases on their (fresh) paths in float64, deterministic ones in
 * decimal at p and 2p digits, verified when the two agree to 6 digits.
 */
function confirmThreshold(card: Card, instance: CaseSpec, constant: string, precision: number): CaseVerdict {
  if (isStochasticSpec(instance)) {
    const t = constantThreshold(float64, card, instance, constant);
    // Within 1e-9 of the stated constant float64 cannot tell (an equality case with little spread).
    const decided = Math.abs(t.fraction - 1) > 1e-9;
    return { holds: decided ? t.fraction <= 1 : undefined, level: decided ? 'statistical' : 'undecided', ratio: t.fraction, ratioText: String(t.fraction), at: instance.steps };
  }
  const low = constantThreshold(decimalBackend(precision), card, instance, constant);
  const high = constantThreshold(decimalBackend(Math.min(2 * precision, MAX_DECIMAL_PRECISION)), card, instance, constant);
  const agree = low.fraction === high.fraction || Math.abs(low.fraction - high.fraction) <= 1e-6 * Math.abs(high.fraction);
  return {
    holds: agree ? high.fraction <= 1 : undefined,
    level: agree ? 'verified' : 'undecided',
    ratio: high.fraction,
    ratioText: String(high.fraction),
    at: instance.steps,
  };
}

