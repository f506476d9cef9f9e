/**
 * Undecided cases resolved before a conjecture is called inconclusive (issue "Verdict power"): a
 * true claim should not read "inconclusive" because one case sat near x* (float64 cannot see
 * f(x0) − f* there) or on an equality to p digits. Each undecided case of a step or run card climbs
 * a ladder of precisions until one decides it, every rung charged to one budget counted in the
 * verdict's own units (never time), cheapest cases first:
 * - a case whose decimal verification was refused for its cost: RESOLUTION_PRECISION digits (and
 *   twice that), then p, then 2p, now allowed its cost;
 * - a case where p and 2p digits disagreed: 2p, then 4p.
 * A rung at q digits is charged (q/p)^1.5 of the case's units (the cost model of certification,
 * src/check/certify.ts). What stays undecided keeps the check inconclusive; a case that turns out
 * violated is a finding. A limit claim's transient and a statistical verdict's spread do not move
 * with the digits: their cases are left as they are.
 */
import type { CaseSpec } from '../algorithms/case.js';
import type { RunSpec } from '../algorithms/run-spec.js';
import type { Card } from '../theorems/card.js';
import type { CaseVerdict } from './case-verdict.js';
import { MAX_DECIMAL_PRECISION } from '../arith/decimal.js';
import { judgeCase, MAX_VERIFICATION_UNITS, verificationUnits, type VerdictOptions } from './verdict.js';

/**
 * The decimal work all the undecided cases of one check may spend together, counted as at the
 * check's precision p (about 3.5 minutes of decimal.js on this project's 2-core machine at most).
 */
export const RESOLUTION_UNITS = 15 * MAX_VERIFICATION_UNITS;
/**
 * The first rung of a case refused for its cost: most often not a near-equality but a start so
 * close to x* that float64 cannot see f(x0) − f* (GD on a logistic regression 10^-10 from x*:
 * ratios 0.47-0.65, verified at 20/40 digits as at 40/80, three times faster). Where 20 digits
 * are too few (f(x0) − f* of 10^-34: GD's descent lemma, a logistic regression, power seed 6), p
 * and 2p follow.
 */
export const RESOLUTION_PRECISION = 20;

export interface Undecided {
  readonly instance: CaseSpec;
  readonly verdict: CaseVerdict;
}

/** The precisions a case climbs, in order, from the check's precision p. */
export function resolutionLadder(verdict: CaseVerdict, p: number): number[] {
  const rungs = verdict.cost !== undefined ? [Math.min(p, RESOLUTION_PRECISION), p, 2 * p] : [2 * p, 4 * p];
  return [...new Set(rungs.filter((q) => 2 * q <= MAX_DECIMAL_PRECISION))];
}

/** Each undecided case with its verdict after the resolution (the same verdict when it was not tried or stayed undecided). */
export function resolveUndecided(card: Card, undecided: readonly Undecided[], options: VerdictOptions, stop?: () => boolean): CaseVerdict[] {
  const verdicts = undecided.map((u) => u.verdict);
  if (card.scope !== 'step' && card.scope !== 'run') return verdicts;
  const p = options.precision;
  const costs = undecided.map(({ instance, verdict }) => verdict.cost ?? verificationUnits(card, instance as RunSpec, options));
  const order = costs.map((_, i) => i).sort((a, b) => costs[a]! - costs[b]!);
  let units = RESOLUTION_UNITS;
  for (const i of order) {
    for (const q of resolutionLadder(undecided[i]!.verdict, p)) {
      const charge = costs[i]! * (q / p) ** 1.5;
      if (stop?.() || charge > units) break;
      units -= charge;
      const verdict = judgeCase(card, undecided[i]!.instance, { ...options, precision: q, maxVerificationUnits: Math.max(costs[i]!, options.maxVerificationUnits ?? MAX_VERIFICATION_UNITS) });
      if (verdict.level !== 'undecided') {
        verdicts[i] = verdict;
        break;
      }
    }
  }
  return verdicts;
}
