/**
 * Undecided cases resolved before a conjecture is called inconclusive (issue "Verdict power"): a
 * true claim should not read "inconclusive" because one case sat near x* (float64 cannot see
 * f(x0) − f* there) or on an equality to p digits. Each undecided case is judged once more, within
 * a budget counted in the verdict's own units (never time):
 * - one whose decimal verification was refused for its cost is verified at RESOLUTION_PRECISION
 *   digits if the check's resolution budget (RESOLUTION_UNITS in all, cheapest first) still covers it;
 * - one where p and 2p digits disagreed is judged at 2p and 4p (at most RESOLUTION_CASES of them,
 *   each within the usual per-case cost).
 * What stays undecided keeps the check inconclusive; a case that turns out violated is a finding.
 */
import type { CaseSpec } from '../algorithms/case.js';
import type { Card } from '../theorems/card.js';
import type { CaseVerdict } from './case-verdict.js';
import { MAX_DECIMAL_PRECISION } from '../arith/decimal.js';
import { judgeCase, MAX_VERIFICATION_UNITS, type VerdictOptions } from './verdict.js';

/**
 * The decimal work all the cost-refused cases of one check may spend together, counted as at the
 * check's precision p; a case is verified again at RESOLUTION_PRECISION digits (and twice that),
 * charged (q/p)^1.5 of its units (the cost model of certification, src/check/certify.ts), since a
 * case refused for its cost is most often not a near-equality but a start so close to x* that
 * float64 cannot see f(x0) − f* (GD on a logistic regression 10^-10 from x*: ratios 0.47-0.65,
 * verified at 20/40 digits as at 40/80, three times faster).
 */
export const RESOLUTION_UNITS = 15 * MAX_VERIFICATION_UNITS;
export const RESOLUTION_PRECISION = 20;
/** The cases of one check judged again at twice the precision. */
export const RESOLUTION_CASES = 4;

export interface Undecided {
  readonly instance: CaseSpec;
  readonly verdict: CaseVerdict;
}

/** Each undecided case with its verdict after the resolution (the same verdict when it was not tried or stayed undecided). */
export function resolveUndecided(card: Card, undecided: readonly Undecided[], options: VerdictOptions, stop?: () => boolean): CaseVerdict[] {
  let units = RESOLUTION_UNITS;
  let rejudged = 0;
  const order = undecided.map((u, i) => i).sort((a, b) => (undecided[a]!.verdict.cost ?? 0) - (undecided[b]!.verdict.cost ?? 0));
  const verdicts = undecided.map((u) => u.verdict);
  for (const i of order) {
    if (stop?.()) break;
    const { instance, verdict } = undecided[i]!;
    if (verdict.cost !== undefined) {
      const q = Math.min(options.precision, RESOLUTION_PRECISION);
      const charge = verdict.cost * (q / options.precision) ** 1.5;
      if (charge > units) continue;
      units -= charge;
      verdicts[i] = judgeCase(card, instance, { ...options, precision: q, maxVerificationUnits: verdict.cost });
    } else if (decidedByDigits(card) && rejudged < RESOLUTION_CASES && 2 * options.precision <= MAX_DECIMAL_PRECISION) {
      rejudged++;
      verdicts[i] = judgeCase(card, instance, { ...options, precision: 2 * options.precision });
    }
  }
  return verdicts;
}

/**
 * Whether more digits can decide the card's undecided cases: those of a step or run card (p and 2p
 * disagreed). A limit claim's transient and a statistical verdict's spread do not move with them.
 */
function decidedByDigits(card: Card): boolean {
  return card.scope === 'step' || card.scope === 'run';
}
