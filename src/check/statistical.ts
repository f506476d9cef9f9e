/**
 * Statistical verdicts for stochastic cards (DESIGN.md, "Expectations are estimated honestly").
 *
 * A case runs N independent paths in float64. At each checked horizon t (at most 8, spread
 * logarithmically up to T and including T) the expectation E[measure_t] is estimated by the mean
 * over the paths, with a one-sided Student-t lower confidence bound. The card is violated on the
 * case only when some lower bound exceeds the card's bound. Each horizon is tested at level
 * α/|horizons| (Bonferroni), where α is the case's share of the check's familywise 1% (0.01 divided
 * by the number of cases), so that a whole `samcheck run` of a card raises a false alarm with
 * probability at most 1% (the t-bound relies on the CLT; the oracles have finite fourth moments).
 */
import { float64 } from '../arith/float64.js';
import type { StochasticRunSpec } from '../algorithms/stochastic.js';
import { executeStochasticRun, type StochasticRun } from '../algorithms/stochastic.js';
import { lowerBound, type RunningMean } from '../stats/mean.js';
import type { StochasticCard, StochasticQuantities } from '../theorems/card.js';
import { cardConstants } from './observe.js';
import type { CaseVerdict } from './verdict.js';

export const CONFIDENCE_METHOD = 'one-sided Student-t bound on the mean over independent paths, Bonferroni over horizons and cases';
export const FAMILYWISE_ALPHA = 0.01;
const MAX_HORIZONS = 8;

/** Up to 8 horizons in 1..T, roughly logarithmically spaced, always with T. */
export function checkedHorizons(steps: number): number[] {
  const horizons = new Set<number>([steps]);
  for (let i = 1; i < MAX_HORIZONS; i++) horizons.add(Math.max(1, Math.round(steps ** (i / MAX_HORIZONS))));
  return [...horizons].sort((a, b) => a - b);
}

export interface StatisticalOptions {
  /** The case's level α (its share of the familywise level); FAMILYWISE_ALPHA by default. */
  readonly alpha?: number;
  readonly constants?: Readonly<Record<string, string>>;
}

/** What a stochastic card's bound is written in, for one run. */
export function stochasticQuantities<T>(run: StochasticRun<T>): StochasticQuantities<T> {
  const { beta, mu } = run.f.certificate;
  return { beta, mu, rho: run.rho, eta: run.eta, sigmaSq: run.oracle.certificate.sigmaSq, delta0: run.f.gap(run.x0) };
}

export function judgeStochasticCase(card: StochasticCard, spec: StochasticRunSpec, options: StatisticalOptions): CaseVerdict {
  const B = float64;
  const horizons = checkedHorizons(spec.steps);
  // f(x_t) − f* is recorded at step t; the average (1/t) Σ_{s<t} at step t − 1.
  const stepOf = (t: number) => (card.measure === 'gap' ? t : t - 1);
  const run = executeStochasticRun(B, spec, horizons.map(stepOf));
  const q = stochasticQuantities(run);
  const constants = cardConstants(B, card, options.constants);
  const alpha = (options.alpha ?? FAMILYWISE_ALPHA) / horizons.length;
  let worst: { ratio: number; at: number; mean: number; lower: number; bound: number } | undefined;
  let holds = true;
  for (const t of horizons) {
    const stats = run.at.get(stepOf(t))!;
    const estimate: RunningMean<number> = card.measure === 'gap' ? stats.gap : stats.avgGradNormSq;
    const bound = card.bound(B, q, t, constants);
    const lower = lowerBound(B, estimate, alpha);
    if (lower > bound) holds = false;
    const ratio = bound > 0 ? estimate.mean / bound : estimate.mean <= bound ? 0 : Infinity;
    if (worst === undefined || ratio > worst.ratio) worst = { ratio, at: t, mean: estimate.mean, lower, bound };
  }
  return {
    holds,
    level: 'statistical',
    ratio: worst!.ratio,
    ratioText: String(worst!.ratio),
    at: worst!.at,
    confidence: { method: CONFIDENCE_METHOD, alpha, paths: spec.paths, mean: String(worst!.mean), lower: String(worst!.lower), bound: String(worst!.bound) },
  };
}
