/**
 * How sure a verdict is (DESIGN.md, "A verdict says how sure it is"). A case is first evaluated
 * in float64; it is escalated when its margin 1 − observed/bound is small, when float64 cannot be
 * trusted with it (a second float64 run from a start perturbed by 10^-12 moves the ratio by more
 * than a hundredth of the margin), or when float64 sees a violation:
 *
 * - verified: runs at p digits (in the cheapest tier that has them: double-double for p <= 31,
 *   quad-double for p <= 62, decimal above) and at 2p digits in decimal agree on the decisive digits of every margin
 *   bound − observed (the same sign and at least 2 digits in common, or a margin that shrinks with
 *   the precision, i.e. an equality to the working precision);
 * - certified: interval arithmetic encloses every margin on one side of 0. Tried for escalated
 *   cases whose certificates are exact in closed form (quadratics from a spectrum, the cosine and
 *   piecewise-quadratic families), at a precision that grows with the digits the run loses, within
 *   a budget of counted operations (certify.ts);
 * - undecided: neither could be reached; no violation is reported on such a case.
 */
import type { Backend } from '../arith/backend.js';
import { decimalBackend, MAX_DECIMAL_PRECISION } from '../arith/decimal.js';
import { cheapestBackend } from '../arith/select.js';
import { agreedDigits } from '../arith/digits.js';
import { countingBackend } from '../arith/counting.js';
import { float64 } from '../arith/float64.js';
import { activity } from '../activity.js';
import { asOverflow, confirmDivergence, divergenceVerdict, escapeOf } from './divergence.js';
import { sign } from '../arith/scalar.js';
import { isStochasticSpec, type CaseSpec } from '../algorithms/case.js';
import { isStepSizeRule, type RunSpec } from '../algorithms/run-spec.js';
import { InputError, type OverflowError } from '../errors.js';
import { timesText } from '../generators/numbers.js';
import type { Card, Observation, RunCard, StepCard } from '../theorems/card.js';
import { observe, type ObserveOptions } from './observe.js';
import { judgeLimitCase } from './limit.js';
import { judgeStochasticCase } from './statistical.js';
import { certify } from './certify.js';
import { beyondResolution } from './resolution.js';
import type { CaseVerdict, Level } from './case-verdict.js';

export { LEVELS, type CaseVerdict, type Level } from './case-verdict.js';

/** The decimal precision p of verification (runs at p and 2p) unless asked otherwise. */
export const DEFAULT_VERIFY_PRECISION = 40;

/** Margins below this (relative to 1) are always escalated. */
export const NEAR_MISS = 1e-6;
/**
 * The most decimal work one case's verification may take, in weighted operations
 * (src/arith/counting.ts). Measured on a 2-core AMD EPYC (Node 20): the runs at 40 and 80 digits
 * together cost 4.4 to 5.1 µs a unit, so a case at the limit takes about 15 s there. A 1000-step
 * run of a dense 20-dimensional quadratic costs 2.2·10^6 units; the case that made D-SC's check take
 * minutes (seed 11: a 508-step logistic regression with 43 samples, 74 s) 1.45·10^7.
 */
export const MAX_VERIFICATION_UNITS = 3e6;


export interface VerdictOptions extends ObserveOptions {
  /** p: decimal verification runs at p and 2p digits. */
  readonly precision: number;
  /** For stochastic cards: the case's level α (see statistical.ts). */
  readonly alpha?: number;
  /** The decimal work a near-miss may cost (default MAX_VERIFICATION_UNITS; the audit confirms without a cap). */
  readonly maxVerificationUnits?: number;
}

/**
 * The verdict on one case. With `screen`, a violation that float64 sees with a clear margin is
 * reported at level float without confirmation: for steering a shrink, whose result is then
 * judged in full.
 */
export function judgeCase(card: Card, spec: CaseSpec, options: VerdictOptions, screen = false): CaseVerdict {
  if (card.scope === 'limit') return unlessDiverging(spec, options, screen, () => judgeLimitCase(card, spec, options.alpha, screen, options.precision));
  if (card.scope === 'stochastic') {
    if (!isStochasticSpec(spec)) throw new InputError('run', spec, `${card.id} is checked on stochastic runs (an oracle, paths and a seed)`);
    return unlessDiverging(spec, options, screen, () => judgeStochasticCase(card, spec, options));
  }
  if (isStochasticSpec(spec)) throw new InputError('run', spec, `${card.id} is checked on deterministic runs`);
  return judgeDeterministicCase(card, spec, options, screen);
}

/**
 * A limit or stochastic verdict, or, when a float64 run overflows, the verdict of its divergence:
 * a measure that grows without bound tends to no limit, and its expectation exceeds any bound.
 */
function unlessDiverging(spec: CaseSpec, options: VerdictOptions, screen: boolean, judge: () => CaseVerdict): CaseVerdict {
  try {
    return judge();
  } catch (error) {
    const overflow = asOverflow(error);
    if (overflow === undefined) throw error;
    return divergenceVerdict(spec, overflow, options.precision, screen);
  }
}

/**
 * How strongly a verdict speaks against its card: its ratio, or for a statistical verdict the
 * ratio of its lower confidence bound to the bound (a sample mean alone proves nothing).
 */
export function verdictEvidence(verdict: CaseVerdict): number {
  const c = verdict.confidence;
  return c ? Number(c.lower) / Number(c.bound) : verdict.ratio;
}

/**
 * The largest observed/bound of a case in float64 alone, with no verification: what a search
 * (the audit) maximizes. For a stochastic card, the lower confidence bound of the mean over the
 * bound: a search on sample means would climb the noise (a heavy-tailed oracle's lucky paths).
 * A deterministic ratio that a start moved by 10^-12 changes by more than a thousandth is
 * rounding, not mathematics (a search would climb that too): it is reported as NaN.
 */
export function floatRatio(card: Card, spec: CaseSpec, options: ObserveOptions & { readonly alpha?: number } = {}): number {
  if (card.scope === 'limit') throw new InputError('card', card.id, 'is a limit claim: it has no bound to take a ratio to');
  if (card.scope === 'stochastic') {
    if (!isStochasticSpec(spec)) throw new InputError('run', spec, `${card.id} is checked on stochastic runs`);
    const { confidence } = judgeStochasticCase(card, spec, { ...options, recheck: false });
    return Number(confidence!.lower) / Number(confidence!.bound);
  }
  if (isStochasticSpec(spec)) throw new InputError('run', spec, `${card.id} is checked on deterministic runs`);
  const ratio = worstOf(float64, observe(float64, card, spec, options))?.ratio ?? 0;
  const moved = worstOf(float64, observe(float64, card, perturbStart(spec), options))?.ratio ?? 0;
  return stableOrNaN(ratio, moved);
}

function judgeDeterministicCase(card: StepCard | RunCard, spec: RunSpec, options: VerdictOptions, screen: boolean): CaseVerdict {
  let fastObservations: Observation<number>[];
  try {
    fastObservations = observe(float64, card, spec, options);
  } catch (error) {
    const overflow = asOverflow(error);
    if (overflow === undefined) throw error;
    return judgeOverflowedRun(card, spec, options, screen, overflow);
  }
  // A moved start that overflows where the case does not: float64 cannot be trusted with the case.
  const perturbedObservations = observeUnlessOverflow(card, perturbStart(spec), options) ?? [];
  // Which observations float64 cannot decide is asked only of a case it does not decide clearly.
  let unclear: boolean[] | undefined;
  const run = { card, spec, options, screen, fast: fastObservations, perturbed: perturbedObservations, unclear: () => (unclear ??= unclearObservations(fastObservations, perturbedObservations)) };
  const whole = judgeHorizons(run, []);
  if (whole.level !== 'undecided') return whole;
  // A case p and 2p digits cannot decide whole may be one whose bound falls below what p digits
  // resolve (resolution.ts): it is judged on the horizons they do resolve, and says so.
  const { beyond, skipped } = beyondResolution(card, spec, options, fastObservations, run.unclear(), options.precision);
  if (skipped === undefined) return whole;
  const resolvable = judgeHorizons(run, beyond);
  return resolvable.level === 'undecided' ? whole : { ...resolvable, beyondResolution: skipped };
}

interface FloatRun {
  readonly card: StepCard | RunCard;
  readonly spec: RunSpec;
  readonly options: VerdictOptions;
  readonly screen: boolean;
  /** The float64 observations of the case and of the case from the moved start, and (computed once, when asked) which ones float64 cannot decide. */
  readonly fast: readonly Observation<number>[];
  readonly perturbed: readonly Observation<number>[];
  readonly unclear: () => readonly boolean[];
}

/** The verdict on a case from its float64 run, escalated where float64 cannot decide, leaving out the observations `beyond` marks. */
function judgeHorizons(run: FloatRun, beyond: readonly boolean[]): CaseVerdict {
  const { card, spec, options, screen } = run;
  const judged = <T>(observations: readonly T[]) => (observations.length === beyond.length ? observations.filter((_, i) => !beyond[i]) : observations);
  const fast = worstOf(float64, judged(run.fast));
  if (fast === undefined) return { holds: true, level: 'float', ratio: 0, ratioText: '0', at: 0 };
  const perturbed = worstOf(float64, judged(run.perturbed));
  const margin = 1 - fast.ratio;
  const drift = perturbed === undefined ? Infinity : Math.abs(perturbed.ratio - fast.ratio);
  if (isClear(margin, drift) && (margin > 0 || screen)) return { holds: margin > 0, level: 'float', ratio: fast.ratio, ratioText: String(fast.ratio), at: fast.at };

  // Only the horizons float64 could not decide need decimal: a run whose first k observations do
  // not depend on what comes after (checked, in float64) is verified on its first k steps, the
  // later horizons keeping their clear float64 margins. A near-miss at step 1 of a 3000-step
  // logistic run then costs one decimal step, not 3000 (the heavy tail of a check's cost).
  const lastUnclear = run.unclear().reduce((last, u, i) => (u && beyond[i] !== true ? i + 1 : last), 0);
  const prefix = decisivePrefix(card, spec, options, run.fast, lastUnclear);
  const decided = prefix === undefined ? spec : { ...spec, steps: prefix };
  // One case must not dominate a check: a near-miss whose decimal verification would cost more
  // than MAX_VERIFICATION_UNITS (counted in float64 first, so the budget is a count, never a
  // time) is left undecided. A violation float64 sees clearly (stable under the moved start) is
  // always verified: it is a finding; one that rounding makes and unmakes is not.
  const units = verificationUnits(card, decided, options);
  const clearViolation = margin < 0 && isClear(margin, drift);
  if (!clearViolation && units > (options.maxVerificationUnits ?? MAX_VERIFICATION_UNITS)) {
    // float64 cannot be trusted with this case (that is why it was escalated): its ratio is unknown.
    return { holds: undefined, level: 'undecided', ratio: NaN, ratioText: 'NaN', at: fast.at, reason: `decimal verification would cost ${units.toExponential(2)} units, more than the ${(options.maxVerificationUnits ?? MAX_VERIFICATION_UNITS).toExponential(0)} a case may use`, cost: units };
  }
  const inDecimal = verifyInDecimal(card, decided, options, units, beyond);
  const tail = prefix === undefined ? undefined : worstOf(float64, run.fast.slice(inDecimal.observations).filter((_, j) => beyond[inDecimal.observations + j] !== true));
  const worst = tail !== undefined && (inDecimal.worst === undefined || tail.ratio > inDecimal.worst.ratio) ? { ...tail, text: String(tail.ratio) } : inDecimal.worst;
  if (worst === undefined) return { holds: true, level: 'verified', ratio: 0, ratioText: '0', at: 0 };
  return { holds: inDecimal.holds, level: inDecimal.level, ratio: worst.ratio, ratioText: worst.text, at: worst.at, ...(prefix === undefined ? {} : { prefix }) };
}

/**
 * `spec` judged in decimal at p and 2p digits, the observations `beyond` marks left out (and
 * certified in intervals where that applies): whether it holds, at which level, its worst
 * observation, and how many observations there were.
 */
function verifyInDecimal(card: StepCard | RunCard, spec: RunSpec, options: VerdictOptions, units: number, beyond: readonly boolean[]): { holds: boolean | undefined; level: Level; worst: Worst | undefined; observations: number } {
  const p = options.precision;
  // The run at p digits in the cheapest tier that has them; the one at 2p in decimal.js, an
  // independent implementation.
  const fast = cheapestBackend(p);
  activity(`verifying at ${p} digits (${fast.name}) and ${2 * p} (decimal) (${spec.steps} step${spec.steps === 1 ? '' : 's'})`);
  const high = decimalBackend(Math.min(2 * p, MAX_DECIMAL_PRECISION));
  const atHigh = observe(high, card, spec, options);
  // double-double and quad-double have float64's exponent range: a run whose measures leave it
  // (a bound (1 − ημ)^T·Δ0 of 10^-3000) is verified at p digits in decimal.js instead.
  const inRange = fast.name === 'decimal' || atHigh.every(withinFloatRange(high));
  let side = inRange ? compareWithinRange(card, spec, options, fast, high, atHigh, beyond) : compareWithLow(card, spec, options, decimalBackend(p), high, atHigh, beyond);
  // A binary tier does not hold decimal inputs exactly (1.49999999999987587824 − 1.5 keeps 19
  // digits in double-double, all of them in decimal at 30): where it cannot decide, decimal.js at
  // p digits, which can, gets the last word.
  if (side.verified === undefined && side.low.name !== 'decimal') side = compareWithLow(card, spec, options, decimalBackend(p), high, atHigh, beyond);
  const { zero, verified, lost } = side;
  const worst = worstOf(high, atHigh.filter((_, i) => !zero[i])) ?? (zero.some(Boolean) ? { ratio: 0, text: '0/0', at: atHigh[0]!.at } : undefined);
  const margins = atHigh.map((o) => (sign(high, o.bound) === 0 ? NaN : Math.abs(high.toNumber(high.div(high.sub(o.bound, o.observed), o.bound)))));
  const budget = options.maxVerificationUnits === undefined ? {} : { budget: options.maxVerificationUnits };
  const certified = certify(card, spec, { ...options, units, lost, margins, ...budget }).holds;
  const holds = certified ?? verified;
  const level: Level = certified !== undefined ? 'certified' : verified !== undefined ? 'verified' : 'undecided';
  return { holds, level, worst, observations: atHigh.length };
}

/**
 * The p-digit run in `low` set against the 2p-digit observations: which are left out (0 <= 0, or
 * beyond the resolution of p digits: `beyond`, by position), and whether every other margin agrees.
 */
function compareWithLow<T, U>(card: StepCard | RunCard, spec: RunSpec, options: VerdictOptions, low: Backend<T>, high: Backend<U>, atHigh: readonly Observation<U>[], beyond: readonly boolean[]) {
  const atLow = observe(low, card, spec, options);
  // 0 <= 0 (both sides are rounding noise that shrinks with the precision) is an equality whose
  // ratio means nothing: it holds, and is left out of the worst ratio.
  const zero = atHigh.map((o, i) => beyond[i] === true || (atLow.length === atHigh.length && bothVanish(low, atLow[i]!, high, o)));
  return { low: low as Backend<unknown>, zero, ...verify(low, atLow, high, atHigh, options.precision, zero) };
}

/**
 * compareWithLow in the binary tier `low`, or in decimal.js at `low`'s digits when the run leaves
 * the binary tier's range: an iterate whose measures stay in float64's range may still overflow
 * double-double (whose splitting of products overflows near 1e300) on a run that diverges.
 */
function compareWithinRange<U>(card: StepCard | RunCard, spec: RunSpec, options: VerdictOptions, low: Backend<unknown>, high: Backend<U>, atHigh: readonly Observation<U>[], beyond: readonly boolean[]) {
  try {
    return compareWithLow(card, spec, options, low, high, atHigh, beyond);
  } catch (error) {
    if (asOverflow(error) === undefined || low.name === 'decimal') throw error;
    return compareWithLow(card, spec, options, decimalBackend(options.precision), high, atHigh, beyond);
  }
}

/**
 * A run whose float64 iterate overflowed (issue "Conjecture verdicts", item 3: divergence is a
 * finding, not an error): judged in decimal up to the step where float64 overflowed. A bound it
 * exceeds there is violated; a bound it does not exceed is undecided (what comes after is not
 * known), with what decimal says of the divergence.
 */
function judgeOverflowedRun(card: StepCard | RunCard, spec: RunSpec, options: VerdictOptions, screen: boolean, overflow: OverflowError): CaseVerdict {
  if (screen) return { holds: false, level: 'float', ratio: Infinity, ratioText: 'Infinity', at: overflow.step, reason: overflow.message };
  // Cut at the overflow unless η depends on the horizon (then the whole run, in decimal).
  const decided = card.scope === 'run' && overflow.step < spec.steps && !isStepSizeRule(spec.eta) ? { ...spec, steps: overflow.step } : spec;
  const divergence = confirmDivergence(spec, escapeOf(overflow), options.precision);
  // Its operations cannot be counted in float64 (Infinity): no certification is attempted.
  let inDecimal: ReturnType<typeof verifyInDecimal>;
  try {
    inDecimal = verifyInDecimal(card, decided, options, verificationUnits(card, decided, options), []);
  } catch (error) {
    // The run to the horizon (η from a rule of T) left even decimal.js's range: nothing to compare.
    const beyond = asOverflow(error);
    if (beyond === undefined) throw error;
    return { holds: undefined, level: 'undecided', ratio: NaN, ratioText: 'NaN', at: beyond.step, reason: `${divergence.text}; ${beyond.message}` };
  }
  const worst = inDecimal.worst ?? { ratio: NaN, text: 'NaN', at: overflow.step };
  const prefix = decided === spec ? {} : { prefix: decided.steps };
  if (inDecimal.holds === false) return { holds: false, level: inDecimal.level, ratio: worst.ratio, ratioText: worst.text, at: worst.at, ...prefix, reason: divergence.text };
  return { holds: undefined, level: 'undecided', ratio: worst.ratio, ratioText: worst.text, at: worst.at, ...prefix, reason: `${divergence.text}; the bound holds up to step ${decided.steps}, and float64 says nothing past it` };
}

/** The card's float64 observations, or undefined when the run overflows. */
function observeUnlessOverflow(card: StepCard | RunCard, spec: RunSpec, options: VerdictOptions): Observation<number>[] | undefined {
  try {
    return observe(float64, card, spec, options);
  } catch (error) {
    if (asOverflow(error) !== undefined) return undefined;
    throw error;
  }
}

/** The weighted operations of observing `spec` once (in float64, which makes the same operations). */
/** The decimal work (weighted operations, counted in float64) of verifying `spec` on a step or run card: what the budgets count. */
export function verificationUnits(card: StepCard | RunCard, spec: RunSpec, options: ObserveOptions): number {
  const counting = countingBackend(float64);
  try {
    observe(counting.backend, card, spec, options);
  } catch (error) {
    // A run that overflows in float64 cannot be counted there: its cost is unbounded for the budgets.
    if (asOverflow(error) !== undefined) return Infinity;
    throw error;
  }
  return counting.units();
}

/** A float64 margin 1 − ratio that decides: not a near-miss, and rounding (drift) far below it. */
function isClear(margin: number, drift: number): boolean {
  return Math.abs(margin) >= NEAR_MISS && drift <= Math.abs(margin) / 100;
}

/**
 * For each observation, whether float64 cannot decide it on its own: a violation, or a margin that
 * is not clear by itself (against the same observation from the moved start). All of them when the
 * moved start's run does not line up with the case's.
 */
function unclearObservations(fast: readonly Observation<number>[], perturbed: readonly Observation<number>[]): boolean[] {
  if (fast.length !== perturbed.length) return fast.map(() => true);
  return fast.map((o, i) => {
    const ratio = ratioNumber(float64, o);
    const moved = ratioNumber(float64, perturbed[i]!);
    const drift = ratio === moved ? 0 : Math.abs(moved - ratio);
    return !(ratio < 1 && isClear(1 - ratio, Number.isNaN(drift) ? Infinity : drift));
  });
}

/**
 * The number of steps k that decide the first `last` observations, when fewer than the run's and
 * when the card's first observations are the same on the run cut at k (not so when η follows a
 * rule that depends on T, as D-SC-rate's does); undefined when the whole run is needed.
 */
function decisivePrefix(card: StepCard | RunCard, spec: RunSpec, options: VerdictOptions, full: readonly Observation<number>[], last: number): number | undefined {
  if (card.scope !== 'run' || last < 1 || last >= full.length) return undefined;
  const steps = full[last - 1]!.at;
  if (!(steps >= 1 && steps < spec.steps)) return undefined;
  const cut = observe(float64, card, { ...spec, steps }, options);
  const same = cut.length === last && cut.every((o, i) => o.at === full[i]!.at && Object.is(o.observed, full[i]!.observed) && Object.is(o.bound, full[i]!.bound));
  return same ? steps : undefined;
}

interface Worst {
  ratio: number;
  text: string;
  at: number;
}

/** The observation with the largest observed/bound (a non-positive bound counts as 0 or ∞). */
function worstOf<T>(B: Backend<T>, observations: readonly Observation<T>[]): Worst | undefined {
  let worst: { ratio: number; observation: Observation<T> } | undefined;
  for (const observation of observations) {
    const ratio = ratioNumber(B, observation);
    if (worst === undefined || ratio > worst.ratio) worst = { ratio, observation };
  }
  // Only the worst one's digits are written out (a float64 run has an observation per horizon).
  return worst === undefined ? undefined : ratioOf(B, worst.observation);
}

/** Whether both sides of an observation are 0 or within the normal range of float64 (with 53 bits to spare for the lower words). */
function withinFloatRange<T>(B: Backend<T>): (o: Observation<T>) => boolean {
  const [smallest, largest] = [B.fromString('1e-290'), B.fromString('1e300')];
  const inside = (v: T) => sign(B, v) === 0 || (B.cmp(B.abs(v), smallest) > 0 && B.cmp(B.abs(v), largest) < 0);
  return (o) => inside(o.observed) && inside(o.bound);
}

/** ratioOf's number alone. */
function ratioNumber<T>(B: Backend<T>, o: Observation<T>): number {
  if (sign(B, o.bound) > 0) return B.toNumber(B.div(o.observed, o.bound));
  return B.cmp(o.observed, o.bound) <= 0 ? 0 : Infinity;
}

function ratioOf<T>(B: Backend<T>, o: Observation<T>): Worst {
  if (sign(B, o.bound) > 0) {
    const r = B.div(o.observed, o.bound);
    return { ratio: B.toNumber(r), text: B.toString(r), at: o.at };
  }
  const holds = B.cmp(o.observed, o.bound) <= 0;
  return { ratio: holds ? 0 : Infinity, text: holds ? '0' : 'Infinity', at: o.at };
}

/**
 * Whether an observation is 0 <= 0 in exact arithmetic: both its sides shrink by at least half the
 * digits that H carries beyond L (p/2 from p to 2p), or are 0 in H, as rounding noise does (GD
 * with η = 1/β on a quadratic with μ = β reaches x* in one step, and (1 − ημ)^T·Δ0 is 0). The
 * lower run may carry more than p digits (quad-double's 62 for p = 40), hence the two precisions.
 */
function bothVanish<T, U>(L: Backend<T>, low: Observation<T>, H: Backend<U>, high: Observation<U>): boolean {
  // Compared in H (decimal magnitudes below float64's range must not read as 0).
  const factor = H.fromString(`1e-${Math.max(1, Math.ceil((H.precision - L.precision) / 2))}`);
  const vanishes = (a: T, b: U) => sign(H, b) === 0 || H.cmp(H.abs(b), H.mul(factor, H.abs(H.fromString(L.toString(a))))) <= 0;
  return vanishes(low.observed, high.observed) && vanishes(low.bound, high.bound);
}

/**
 * Whether p and 2p agree on the sign of every margin (0 <= 0 observations hold): true or false, or
 * undefined when they do not; and `lost`, the digits of L's precision that the run at L lost on its
 * least accurate margin (agreement with H), which sets where certification starts (certify.ts).
 */
function verify<T, U>(L: Backend<T>, atLow: readonly Observation<T>[], H: Backend<U>, atHigh: readonly Observation<U>[], p: number, zero: readonly boolean[]): { verified: boolean | undefined; lost: number | undefined } {
  if (atLow.length !== atHigh.length) return { verified: undefined, lost: undefined };
  let holds = true;
  let agreed = L.precision;
  for (let i = 0; i < atHigh.length; i++) {
    if (zero[i]) continue;
    const low = L.sub(atLow[i]!.bound, atLow[i]!.observed);
    const high = H.sub(atHigh[i]!.bound, atHigh[i]!.observed);
    const scale = Math.abs(H.toNumber(atHigh[i]!.bound)) || 1;
    // An equality: the margin is within rounding at p and much smaller still at 2p.
    const tie = Math.abs(L.toNumber(low)) <= 10 ** (-p / 2) * scale && Math.abs(H.toNumber(high)) <= 10 ** -p * scale;
    if (tie) continue;
    // Counted up to L's precision (at least p), so the same count gives the 2 digits asked and the loss.
    const digits = agreedDigits(L.toString(low), H.toString(high), L.precision);
    if (sign(L, low) !== sign(H, high) || digits < 2) return { verified: undefined, lost: undefined };
    agreed = Math.min(agreed, digits);
    if (sign(H, high) < 0) holds = false;
  }
  return { verified: holds, lost: L.precision - agreed };
}

/** `value` when a start moved by 10^-12 gives about the same (`moved`); NaN when rounding decides it. */
export function stableOrNaN(value: number, moved: number): number {
  if (!Number.isFinite(value) || !Number.isFinite(moved)) return value === moved ? value : NaN; // e.g. a bound <= 0 on one side only
  return Math.abs(moved - value) <= 1e-3 * Math.max(1, Math.abs(value)) ? value : NaN;
}

/** The case from a start moved by 10^-12 (relatively): what rounding alone would change. */
export function perturbStart(spec: RunSpec): RunSpec {
  return { ...spec, x0: spec.x0.map((x, i) => timesText(x, i % 2 === 0 ? '1.000000000001' : '0.999999999999')) };
}
