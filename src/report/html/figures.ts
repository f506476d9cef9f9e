/**
 * The data behind the report's charts, recomputed from exact specs: for a card, its worst case (or
 * its counterexample) with the observed measure beside the bound; for a construction, its run
 * beside the values THEOREMS.md predicts. Charts are drawn from float64 reruns except for the
 * deterministic constructions, which rerun at the precision of their files.
 */
import type { Backend } from '../../arith/backend.js';
import { decimalBackend } from '../../arith/decimal.js';
import { float64 } from '../../arith/float64.js';
import { isStochasticSpec, type CaseSpec } from '../../algorithms/case.js';
import { executeRun, isStepSizeRule, type RunSpec } from '../../algorithms/run-spec.js';
import { measureAt } from '../../algorithms/run.js';
import { executeStochasticRun, measureMean, measureStep, type StepStatistics, type StochasticRunSpec } from '../../algorithms/stochastic.js';
import type { CardReport } from '../../check/check-card.js';
import { cardConstants, observe } from '../../check/observe.js';
import { checkedHorizons, stochasticQuantities } from '../../check/statistical.js';
import { limitHorizons } from '../../check/limit.js';
import { isStochasticConstruction, observableName, observeQuantity, type ConstructionCase, type Observable } from '../../constructions/construction.js';
import { interval, lowerBound, type RunningMean } from '../../stats/mean.js';
import type { Card, LimitCard, RunCard, StochasticCard } from '../../theorems/card.js';
import type { AuditRecord } from '../../audit/record.js';
import { knownTightness } from '../../constructions/tightness.js';
import type { ClassWideResult } from '../../interpolation/files.js';
import { PARAMETER_TITLES, type CaseRow, type ParameterName } from '../../check/case-row.js';
import type { BandPoint, Chart, Point, Series } from './chart.js';

/** The level of the bands drawn around stochastic means (two-sided, pointwise). */
export const BAND_LEVEL = 0.99;
/** Horizons of a sweep (rate cards and limits), log-spaced, up to at least SWEEP_REACH. */
const SWEEP_POINTS = 12;
const SWEEP_REACH = 1000;

/** The case a card's chart shows: its counterexample if it has one, else its worst case. */
export function shownCase(report: CardReport): CaseSpec | undefined {
  return report.counterexample?.instance ?? report.worst?.instance ?? undefined;
}

export function cardChart(card: Card, report: CardReport, constants: Readonly<Record<string, string>> = {}): Chart | undefined {
  const spec = shownCase(report);
  if (spec === undefined) return undefined;
  const which = report.counterexample ? 'its counterexample' : 'its worst case';
  const title = `${card.id} on ${which}`;
  switch (card.scope) {
    case 'step':
      // A lemma is drawn by its scatter of cases alone (casesChart; charts.ts does not ask for
      // this one): its two sides along one trajectory were two flat lines that overlapped.
      return undefined;
    case 'run':
      return isStochasticSpec(spec) ? undefined : runChart(card, spec, constants, title);
    case 'stochastic':
      return isStochasticSpec(spec) ? stochasticChart(card, spec, constants, title, report.worst?.alpha) : undefined;
    case 'limit':
      return limitChart(card, spec, title);
  }
}

/**
 * The parameter each kind of card is drawn against in its scatter of cases, and why: the one its
 * bound's tightness turns on.
 * - A lemma (one step) compares SAM's ascent ρ∇f/‖∇f‖ with the gradient it perturbs: its two
 *   sides meet where the perturbation is small or large against ‖∇f‖, so βρ/‖∇f(x0)‖ (log).
 * - A run or stochastic card's constants multiply terms in η (2Δ0/(ηT), floors in ηρ², βηρ²):
 *   βη, where the step size moves the bound's balance.
 * - A limit claim is about T → ∞: the horizon.
 */
export const GOVERNING: Readonly<Record<Card['scope'], { readonly parameter: ParameterName; readonly log: boolean }>> = {
  step: { parameter: 'betaRhoOverGrad', log: true },
  run: { parameter: 'betaEta', log: false },
  stochastic: { parameter: 'betaEta', log: false },
  limit: { parameter: 'steps', log: true },
};

/** Below this margin 1 − ratio, a case is drawn at it (equal to the bound to float64's rounding). */
export const SMALLEST_MARGIN = 1e-16;

/**
 * Every case the card's sampling drew, at once: against its governing parameter, the ratio
 * observed/bound (for a stochastic card, the lower confidence bound's, which the verdict uses),
 * coloured by family, the worst case ringed. When the cases come close to 1, the margin 1 − ratio
 * on a log axis shows the approach; otherwise the ratio itself.
 */
export function casesChart(card: Card, report: CardReport): Chart | undefined {
  const { parameter, log } = GOVERNING[card.scope];
  const evidence = (r: CaseRow) => r.lowerRatio ?? r.ratio;
  // A shard part written before rows were kept has none: no scatter, as results.json has no rows.
  const all = report.rows ?? [];
  const rows = all.filter((r) => Number.isFinite(evidence(r)) && r.parameters[parameter] !== null);
  if (rows.length === 0) return undefined;
  const worst = Math.max(...rows.map(evidence));
  // The margin shows how close cases come to a bound they all respect; a ratio above 1 (a
  // violation, a conjecture's counterexample) or far from 1 is shown as it is.
  const margin = worst <= 1 && worst > 0.5;
  const y = (v: number) => (margin ? Math.max(1 - v, SMALLEST_MARGIN) : v);
  const families = [...new Set(rows.map((r) => r.family))].sort();
  const series: Series[] = families.map((family) => ({
    label: family,
    style: 'observed',
    mark: 'points',
    family,
    points: rows.filter((r) => r.family === family).map((r) => ({ t: r.parameters[parameter]!, value: y(evidence(r)) })),
  }));
  const topIndex = all.findIndex((r) => rows.includes(r) && evidence(r) === worst);
  const top = all[topIndex]!;
  // The instance under the chart (page.ts cardSection) is the card's worst case or counterexample;
  // when that is this dot, a click on it opens it. A worst case the targeted search found, or a
  // shrunk counterexample, is not a dot: the dot is then only the worst the sampling drew.
  const shown = report.counterexample === undefined && report.worst?.row === topIndex;
  series.push({
    label: shown ? `worst case (${top.family}; its instance is below)` : `worst case the sampling drew (${top.family})`,
    style: 'observed',
    mark: 'points',
    role: 'worst',
    ...(shown ? { href: `#instance-${card.id}` } : {}),
    points: [{ t: top.parameters[parameter]!, value: y(worst) }],
  });
  // Short axis titles: a rotated title longer than the plot pushes the plot down.
  const what = all.some((r) => r.lowerRatio !== undefined) ? 'lower bound/bound' : 'observed/bound';
  return {
    title: rows.length === all.length ? `${card.id}: all ${rows.length} cases drawn` : `${card.id}: ${rows.length} of the ${all.length} cases drawn (the others have no ${PARAMETER_TITLES[parameter]}, or no ratio)`,
    xTitle: PARAMETER_TITLES[parameter],
    yTitle: margin ? `margin 1 − ${what}` : what,
    series,
    levels: margin ? [] : [{ label: 'the bound (ratio 1)', value: 1, role: 'bound' }],
    logX: log,
    logY: margin,
  };
}

/** A run card at every horizon; a card whose η depends on T is swept over horizons instead. */
function runChart(card: RunCard, spec: RunSpec, constants: Readonly<Record<string, string>>, title: string): Chart {
  const B = float64;
  let observations = observe(B, card, spec, { constants });
  // A card whose η depends on T (D-SC-rate) sees one horizon per run: swept over horizons, reaching
  // past the case's own T (at least SWEEP_REACH) so that a rate shows. A claim pinned to its
  // horizons (a one-step conjecture) is not: what it says of other horizons is not its claim.
  const swept = observations.length === 1 && isStepSizeRule(spec.eta) && card.horizon === undefined;
  if (swept) observations = horizons(Math.max(spec.steps, SWEEP_REACH)).flatMap((T) => observe(B, card, { ...spec, steps: T }, { constants }));
  return {
    title,
    xTitle: swept ? 'horizon T (each with its own η_T)' : 'horizon T',
    // The measure as the claim names it (its left side).
    yTitle: card.claim.split(' <= ')[0]!,
    series: [
      { label: 'observed', style: 'observed', role: 'observed', points: observations.map((o) => ({ t: o.at, value: o.observed })) },
      { label: 'bound', style: 'predicted', role: 'bound', points: observations.map((o) => ({ t: o.at, value: o.bound })) },
    ],
    logX: true,
    logY: true,
  };
}

/**
 * The mean over the case's paths with its band, beside the card's bound, at every horizon; and, at
 * the horizons the verdict checks, the one-sided lower confidence bound it compares with the bound
 * (at the verdict's level α per horizon, `alpha`): the verdict holds where those dots stay below.
 */
function stochasticChart(card: StochasticCard, spec: StochasticRunSpec, constants: Readonly<Record<string, string>>, title: string, alpha: number | undefined): Chart {
  const B = float64;
  const run = executeStochasticRun(B, spec);
  const q = stochasticQuantities(run);
  const c = cardConstants(B, card, constants);
  const mean: Point[] = [];
  const band: BandPoint[] = [];
  const bound: Point[] = [];
  for (let t = 1; t <= spec.steps; t++) {
    const m = measureMean(run.at.get(measureStep(card.measure, t))!, card.measure);
    mean.push({ t, value: m.mean });
    band.push(bandAt(t, m));
    bound.push({ t, value: card.bound(B, q, t, c) });
  }
  const lower: Point[] =
    alpha === undefined ? [] : checkedHorizons(spec.steps).map((t) => ({ t, value: lowerBound(B, measureMean(run.at.get(measureStep(card.measure, t))!, card.measure), alpha) }));
  return {
    title: `${title} (${spec.paths} paths)`,
    xTitle: 'horizon T',
    yTitle: card.measure === 'gap' ? 'E f(x_T) − f*' : '(1/T) Σ E‖∇f(x_t)‖²',
    series: [
      { label: `mean over paths, ${BAND_LEVEL * 100}% band`, style: 'observed', role: 'observed', points: mean, band },
      { label: 'bound', style: 'predicted', role: 'bound', points: bound },
      ...(lower.length === 0 ? [] : [{ label: `the verdict's one-sided lower bound (α = ${alpha!.toPrecision(2)} per horizon)`, style: 'observed' as const, role: 'lower' as const, mark: 'points' as const, points: lower }]),
    ],
    logX: true,
    logY: true,
  };
}

/** A limit claim: the measure at log-spaced horizons up to 16T, each run with its own step size. */
function limitChart(card: LimitCard, spec: CaseSpec, title: string): Chart {
  const last = limitHorizons(spec.steps)[2];
  const points: Point[] = [];
  const band: BandPoint[] = [];
  for (const T of horizons(last)) {
    if (isStochasticSpec(spec)) {
      const step = measureStep(card.measure, T);
      const m = measureMean(executeStochasticRun(float64, { ...spec, steps: T }, [step]).at.get(step)!, card.measure);
      points.push({ t: T, value: m.mean });
      band.push(bandAt(T, m));
    } else {
      const { trajectory } = executeRun(float64, { ...spec, steps: T });
      points.push({ t: T, value: measureAt(trajectory, card.measure, T) });
    }
  }
  const stochastic = isStochasticSpec(spec);
  return {
    title: stochastic ? `${title} (${spec.paths} paths)` : title,
    xTitle: 'horizon T (each run with its own step size)',
    yTitle: `${card.measure === 'gap' ? 'f(x_T) − f*' : '(1/T) Σ ‖∇f(x_t)‖²'}${stochastic ? ', mean over paths' : ''}`,
    series: [{ label: stochastic ? `mean over paths, ${BAND_LEVEL * 100}% band` : 'observed', style: 'observed', role: 'observed', points, ...(stochastic ? { band } : {}) }],
    logX: true,
    logY: true,
  };
}

export function constructionChart(c: ConstructionCase): Chart {
  if (isStochasticConstruction(c)) {
    const B = float64;
    const shown = drawable(c.tests);
    const run = executeStochasticRun(B, c.run, horizons(c.run.steps, 120));
    const at = [...run.at.keys()].filter((t) => t > 0);
    return {
      title: `${c.construction}: ${c.run.paths} paths`,
      xTitle: 'step t',
      yTitle: 'value',
      series: shown.map((o) => ({
        label: `mean ${observableName({ ...o, at: 't' })}, ${BAND_LEVEL * 100}% band; dotted: ${o.formula}`,
        style: 'observed' as const,
        points: at.map((t) => ({ t, value: quantityMean(run.at.get(t)!, o).mean })),
        band: at.map((t) => bandAt(t, quantityMean(run.at.get(t)!, o))),
      })),
      levels: shown.map((o) => ({
        label: o.formula,
        value: o.value(B),
        series: `mean ${observableName({ ...o, at: 't' })}, ${BAND_LEVEL * 100}% band; dotted: ${o.formula}`,
      })),
      logX: true,
      logY: true,
    };
  }
  const B = decimalBackend(c.precision);
  const shown = drawable(c.expectations);
  const { trajectory } = executeRun(B, c.run);
  const steps = Array.from({ length: c.run.steps }, (_, i) => i + 1);
  return {
    title: `${c.construction}: SAM at ${c.precision} digits`,
    xTitle: 'step t',
    yTitle: 'value',
    series: shown.map((o) => ({
      label: `${observableName({ ...o, at: 't' })}; dotted: ${o.formula}`,
      style: 'observed' as const,
      points: steps.map((t) => ({ t, value: B.toNumber(observeQuantity(B, trajectory, { ...o, at: t })) })),
    })),
    levels: shown.map((o) => ({ label: o.formula, value: B.toNumber(o.value(B)), series: `${observableName({ ...o, at: 't' })}; dotted: ${o.formula}` })),
    logX: true,
    logY: true,
  };
}

/** The observables worth drawing: one per quantity and coordinate, predicted nonzero (log axes). */
function drawable<O extends Observable & { value<T>(B: Backend<T>): T }>(observables: readonly O[]): O[] {
  const seen = new Set<string>();
  return observables.filter((o) => {
    const key = `${o.quantity}:${o.coordinate ?? 1}`;
    if (seen.has(key) || o.value(float64) === 0) return false;
    seen.add(key);
    return true;
  });
}

function quantityMean(stats: StepStatistics<number>, o: Observable): RunningMean<number> {
  switch (o.quantity) {
    case 'x':
      return stats.iterates[(o.coordinate ?? 1) - 1]!;
    case 'gap':
      return stats.gap;
    case 'gradNormSq':
      return stats.gradNormSq;
    case 'avgGradNormSq':
      return stats.avgGradNormSq;
    default:
      throw new RangeError(`a stochastic construction cannot test ${o.quantity}`);
  }
}

function bandAt(t: number, m: RunningMean<number>): BandPoint {
  const [lo, hi] = interval(float64, m, BAND_LEVEL);
  return { t, lo, hi };
}

/** About `count` log-spaced whole horizons from 1 to T, always T. */
function horizons(T: number, count = SWEEP_POINTS): number[] {
  const set = new Set<number>([T]);
  for (let i = 0; i < count; i++) set.add(Math.max(1, Math.round(T ** (i / (count - 1)))));
  return [...set].sort((a, b) => a - b);
}

/** An audit's search: the best ratio so far against the evaluations, beside the known tightness. */
export function auditChart(record: AuditRecord): Chart {
  const [constructed] = record.tightness;
  const points = record.trace.filter((t) => t.ratio > 0 && Number.isFinite(t.ratio)).map((t) => ({ t: t.evaluation, value: t.ratio }));
  // The best so far is a step function: carry it to the last evaluation.
  const last = points.at(-1);
  if (last && last.t < record.evaluations) points.push({ t: record.evaluations, value: last.value });
  return {
    title: `audit of ${record.id}${record.constant ? `, constant ${record.constant}` : ''}: ${record.evaluations} evaluations in ${record.seconds} s`,
    xTitle: 'evaluations',
    yTitle: record.constant ? `fraction of ${record.constant} needed, best so far` : 'observed/bound, best so far',
    series: [{ label: 'best ratio so far', style: 'observed', role: 'best', points }],
    levels: [
      { label: 'the stated constant (1)', value: 1, role: 'bound' },
      ...(constructed === null ? [] : [{ label: `best construction (${Number(constructed.toPrecision(3))})`, value: constructed, role: 'construction' as const }]),
    ],
    logX: true,
    // Linear: the interesting part is near 1, where a log axis has no room.
    logY: false,
  };
}

/**
 * A card's worst cases over its whole class (certified, from the store's interpolated files):
 * the value at each horizon T searched (the fraction of the constant needed, or observed/bound),
 * with the stated constant and the best fraction a construction reaches as levels.
 */
export function classWideChart(card: string, constant: string | null, results: readonly ClassWideResult[]): Chart {
  const known = knownTightness(card);
  const constructed = known.length === 0 ? undefined : Math.max(...known.map((k) => k.constant));
  const best = new Map<number, number>();
  for (const r of results) best.set(r.steps, Math.max(best.get(r.steps) ?? -Infinity, r.value));
  const points = [...best].sort(([a], [b]) => a - b).map(([t, value]) => ({ t, value }));
  return {
    // The instance without what changes with T (the horizon, and the dimension the data need).
    title: `${card} over its whole class: certified worst case per horizon (${results[0]?.instance.replace(/, T = \d+/, '').replace(/, d = \d+/, '') ?? ''})`,
    xTitle: 'horizon T',
    // Short: a rotated title longer than the plot pushes it down (the caption says "certified").
    yTitle: constant === null ? 'observed/bound' : `fraction of ${constant} needed`,
    // Points, not a line: a horizon not searched has no value, and a line would invent one.
    series: [{ label: 'worst case over the class', style: 'observed', role: 'class', mark: 'points', points }],
    levels: [
      { label: 'the stated constant (1)', value: 1, role: 'bound' },
      ...(constructed === undefined || constant === null ? [] : [{ label: `best construction (${Number(constructed.toPrecision(3))})`, value: constructed, role: 'construction' as const }]),
    ],
    logX: false,
    logY: false,
    xWhole: true,
  };
}
