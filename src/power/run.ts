/**
 * One run of the power benchmark: a claim of the corpus checked from one seed at a multiple of its
 * default budget, exactly as `samcheck run ID --seed S [--constant ...]` checks it (the same cases,
 * the same search, the same verdicts), reduced to what the benchmark counts.
 */
import { runsFor } from '../check/check-all.js';
import { checkCard, type CardStatus } from '../check/check-card.js';
import { DEFAULT_VERIFY_PRECISION } from '../check/verdict.js';
import { powerClaim } from './corpus.js';

export interface PowerRun {
  readonly claim: string;
  readonly seed: number;
  /** The budget as a multiple of the claim's default cases (and so of its search's evaluations). */
  readonly factor: number;
  readonly status: CardStatus;
  /** Cases drawn: up to and with the one that found the counterexample, when the sampling found it. */
  readonly cases: number;
  /** Evaluations of the targeted search (0 when the sampling found the counterexample). */
  readonly evaluations: number;
  /** Cases and search finalists no arithmetic could decide. */
  readonly undecided: number;
  /** Decided cases judged only on the horizons their precision resolves (src/check/resolution.ts). */
  readonly partlyJudged: number;
  readonly worstRatio: number | null;
  readonly seconds: number;
  readonly error?: string;
}

/** The cases a claim draws at `factor` times its default budget. */
export function powerRuns(id: string, factor: number): number {
  return Math.max(1, Math.round(factor * runsFor(powerClaim(id).card, undefined)));
}

export function runPowerClaim(id: string, seed: number, factor: number, stop?: () => boolean): PowerRun {
  const claim = powerClaim(id);
  const started = performance.now();
  const report = checkCard(claim.card, {
    runs: powerRuns(id, factor),
    seed,
    precision: DEFAULT_VERIFY_PRECISION,
    ...(claim.constants ? { constants: claim.constants } : {}),
    ...(stop ? { stop } : {}),
  });
  return {
    claim: id,
    seed,
    factor,
    status: report.status,
    cases: report.cases,
    evaluations: report.search?.evaluations ?? 0,
    undecided: report.levels.undecided + (report.search?.undecided ?? 0),
    partlyJudged: report.beyondResolution?.cases ?? 0,
    worstRatio: report.worstRatio,
    seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
    ...(report.error ? { error: report.error } : {}),
  };
}
