/**
 * Verdicts on limit claims ("the measure tends to 0", THEOREMS.md §5 C3 and C4), made
 * operational: the case runs to the horizons T, 4T and 16T (separately, each with its own step size
 * when η follows a rule) and compares the measures m_T, m_4T, m_16T.
 *
 * - falsified on the case when the measure fails to lose a quarter over two successive
 *   quadruplings of the horizon: m_4T > max(3/4·m_T, ε) and m_16T > max(3/4·m_4T, ε) (any
 *   convergence like T^-p with p > 0.21 would lose it, and one quadrupling alone can be fooled by
 *   a transient that rises before it falls);
 * - holds on the case when the last quadrupling lost it: m_16T <= max(3/4·m_4T, ε);
 * - inconclusive otherwise;
 * with ε = 10^-9·max(1, Δ0) so that a measure already at rounding level does not count as stuck.
 * For a stochastic method m is an expectation over the paths and each comparison uses one-sided
 * Student-t bounds: "stuck" when the lower bound of the later mean exceeds 3/4 of the upper bound
 * of the earlier one, "lost" when the upper bound of the later is below 3/4 of the lower bound of
 * the earlier. Showing a floor is stuck takes many paths (means a quarter apart, with bounds at
 * z ≈ 4), so a stochastic case is sampled in stages of growing size (see judgeLimitCase).
 */
import { float64 } from '../arith/float64.js';
import { OverflowError } from '../errors.js';
import { confirmDivergence } from './divergence.js';
import { isStochasticSpec, type CaseSpec } from '../algorithms/case.js';
import { executeRun } from '../algorithms/run-spec.js';
import { executeStochasticRun, measureMean, measureStep, type StochasticRunSpec } from '../algorithms/stochastic.js';
import { measureAt } from '../algorithms/run.js';
import { MAX_SEED } from '../random/seeded.js';
import { lowerBound, upperBound, type RunningMean } from '../stats/mean.js';
import type { LimitCard } from '../theorems/card.js';
import { CONFIDENCE_METHOD, FAMILYWISE_ALPHA } from './statistical.js';
import type { CaseVerdict } from './case-verdict.js';

export const HORIZON_FACTOR = 4;
/** How far a deterministic case's window of horizons may slide past 16T, and its longest run. */
export const MAX_SLIDES = 2;
export const MAX_LIMIT_STEPS = 2 ** 20;
export const REQUIRED_DECAY = 0.75;

/** The horizons a limit claim is judged at, from the case's T. */
export function limitHorizons(steps: number): [number, number, number] {
  return [steps, HORIZON_FACTOR * steps, HORIZON_FACTOR * HORIZON_FACTOR * steps];
}

/** The measure at one horizon with its lower and upper bounds (all equal for a deterministic run). */
interface Estimate {
  readonly mean: number;
  readonly lower: number;
  readonly upper: number;
}

/** A stochastic case is sampled in up to three stages of N, 4N and 16N paths, each from a fresh seed. */
export const STAGES = 3;
const STAGE_GROWTH = 4;
/** The lenient level at which a stage must still see "stuck" before the next, larger one is drawn. */
const SCREEN_ALPHA = 0.05;

/**
 * The verdict on one case. Each stage is a test of its own, on its own paths, at the case's α
 * shared among the stages and the four bounds; a stage is only drawn while the previous one's
 * bounds still show the measure stuck at the lenient 95%, so clearly decaying cases cost N paths.
 * With `screen` (while fast-check shrinks a falsification) a case the first stage sees stuck at the
 * lenient level counts as falsified; the shrunk case is then judged in full.
 */
export function judgeLimitCase(card: LimitCard, spec: CaseSpec, alpha: number = FAMILYWISE_ALPHA, screen = false, precision?: number): CaseVerdict {
  let horizons = limitHorizons(spec.steps);
  if (!isStochasticSpec(spec)) {
    const runs = horizons.map((steps) => deterministicEstimate(card, spec, steps));
    const delta0 = runs[0]!.delta0;
    let estimates = runs.map((r) => r.estimate) as [Estimate, Estimate, Estimate];
    let holds = decide(estimates, delta0);
    // A transient that outlasts T, 4T and 16T (SAM with ρ_t = ρ0/(t+1) and a large ρ0 on a
    // logistic regression: gap 1.0e-4, 2.7e-4, 2.6e-4 at 72, 288 and 1152 steps, then 2.4e-5 at
    // 4608) can look stuck over two quadruplings, or be neither stuck nor decaying. The window of
    // three horizons then slides by quadruplings, each a run of its own, up to MAX_SLIDES times
    // and a longest run of MAX_LIMIT_STEPS steps (counts): a case is said to hold once a window's
    // last quadrupling loses its quarter, and a falsification stands only if every slid window is
    // stuck as well (not while screening a shrink, whose result is judged in full).
    const confirming = holds === false && !screen;
    const own = horizons[2];
    for (let slide = 0; (holds === undefined || confirming) && slide < MAX_SLIDES && HORIZON_FACTOR * horizons[2]! <= MAX_LIMIT_STEPS; slide++) {
      horizons = [horizons[1]!, horizons[2]!, HORIZON_FACTOR * horizons[2]!];
      estimates = [estimates[1], estimates[2], deterministicEstimate(card, spec, horizons[2]).estimate];
      const later = decide(estimates, delta0);
      if (later === true) {
        holds = true;
        break;
      }
      if (later === undefined) holds = undefined; // a plateau that ended: only a later loss decides now
    }
    const verdict: CaseVerdict = { ...verdictFields(estimates, delta0, horizons, holds), level: holds === undefined ? 'undecided' : 'float' };
    // A measure that is stuck because it grows: when decimal shows the run diverging, the
    // falsification is verified, not a float64 judgement of a slow transient.
    if (holds === false && !screen && precision !== undefined) {
      // On the case's own longest horizon: decimal runs are dear, and a divergence shows there.
      const divergence = confirmDivergence(spec, { step: own, horizon: own }, precision);
      if (divergence.diverged) return { holds: false, level: 'verified', ratio: Infinity, ratioText: 'Infinity', at: divergence.step, reason: divergence.text };
    }
    return verdict;
  }
  const each = alpha / (4 * STAGES);
  let sample = spec;
  let measured = stochasticMeans(card, sample, horizons);
  let estimates = bounded(measured.means, each);
  let holds = decide(estimates, measured.delta0);
  for (let stage = 1; holds === undefined && stage < STAGES && decide(bounded(measured.means, SCREEN_ALPHA), measured.delta0) === false; stage++) {
    if (screen) {
      holds = false;
      break;
    }
    sample = { ...spec, paths: spec.paths * STAGE_GROWTH ** stage, seed: (spec.seed + stage) % (MAX_SEED + 1) };
    measured = stochasticMeans(card, sample, horizons);
    estimates = bounded(measured.means, each);
    holds = decide(estimates, measured.delta0);
  }
  const [, at4T, at16T] = estimates;
  const confidence = { method: CONFIDENCE_METHOD, alpha, paths: sample.paths, mean: String(at16T.mean), lower: String(at16T.lower), bound: String(REQUIRED_DECAY * at4T.upper) };
  const level = holds === undefined ? 'undecided' : screen && holds === false ? 'float' : 'statistical';
  return { ...verdictFields(estimates, measured.delta0, horizons, holds), level, confidence };
}

/** false when stuck over both quadruplings, true when the last one lost a quarter, else undecided. */
function decide(estimates: [Estimate, Estimate, Estimate], delta0: number): boolean | undefined {
  const floor = 1e-9 * Math.max(1, delta0);
  const stuck = (earlier: Estimate, later: Estimate) => later.lower > Math.max(REQUIRED_DECAY * earlier.upper, floor);
  const lost = (earlier: Estimate, later: Estimate) => later.upper <= Math.max(REQUIRED_DECAY * earlier.lower, floor);
  const [atT, at4T, at16T] = estimates;
  return stuck(atT, at4T) && stuck(at4T, at16T) ? false : lost(at4T, at16T) ? true : undefined;
}

/** The means at the three horizons with one-sided bounds at level α each. */
function bounded(means: RunningMean<number>[], alpha: number): [Estimate, Estimate, Estimate] {
  return means.map((m) => ({ mean: m.mean, lower: lowerBound(float64, m, alpha), upper: upperBound(float64, m, alpha) })) as [Estimate, Estimate, Estimate];
}

function verdictFields(estimates: [Estimate, Estimate, Estimate], delta0: number, horizons: number[], holds: boolean | undefined) {
  const floor = 1e-9 * Math.max(1, delta0);
  const ratio = estimates[2].mean / Math.max(REQUIRED_DECAY * estimates[1].mean, floor);
  const undecided = holds === undefined ? { reason: `the measure neither stalled over both quadruplings of the horizon nor lost a quarter over the last (${horizons.join(', ')}): a transient the horizons do not outlast` } : {};
  return { holds, ratio, ratioText: String(ratio), at: horizons[2]!, ...undecided };
}

/** The deterministic measure at one horizon (a run of its own: η may follow a rule in T), and Δ0. */
function deterministicEstimate(card: LimitCard, spec: Exclude<CaseSpec, StochasticRunSpec>, steps: number): { estimate: Estimate; delta0: number } {
  const { trajectory } = atHorizon(steps, () => executeRun(float64, { ...spec, steps }));
  const value = measureAt(trajectory, card.measure, steps);
  // The measure can leave float64's range before the iterate does (f ~ ‖x‖²).
  if (!Number.isFinite(value)) throw new OverflowError(`the ${card.measure} at step ${steps}`, steps, 'float64', 'the measure grows without bound', { horizon: steps });
  return { estimate: { mean: value, lower: value, upper: value }, delta0: trajectory.gap[0]! };
}

function stochasticMeans(card: LimitCard, spec: StochasticRunSpec, horizons: number[]): { means: RunningMean<number>[]; delta0: number } {
  let delta0 = 0;
  const means = horizons.map((steps) => {
    const step = measureStep(card.measure, steps);
    const run = atHorizon(steps, () => executeStochasticRun(float64, { ...spec, steps }, [step]));
    delta0 = run.f.gap(run.x0);
    return measureMean(run.at.get(step)!, card.measure);
  });
  return { means, delta0 };
}

/** `run()`, with an overflow said to have happened in the run to `horizon` (so that decimal reruns the same run). */
function atHorizon<R>(horizon: number, run: () => R): R {
  try {
    return run();
  } catch (error) {
    throw error instanceof OverflowError ? error.at({ horizon }) : error;
  }
}
