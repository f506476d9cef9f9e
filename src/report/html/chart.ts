/**
 * Charts of the report: a chart is described as data (series of points, confidence bands,
 * horizontal levels), compiled to a Vega-Lite spec, and rendered to an SVG string by Vega in
 * Node, so that the page needs no script and no network.
 */
import { compile, type TopLevelSpec } from 'vega-lite';
import { parse, View } from 'vega';

export interface Point {
  readonly t: number;
  readonly value: number;
}

export interface BandPoint {
  readonly t: number;
  readonly lo: number;
  readonly hi: number;
}

export interface Series {
  readonly label: string;
  /** Solid for what was observed, dashed for what a bound or a formula predicts. */
  readonly style: 'observed' | 'predicted';
  readonly points: readonly Point[];
  /** A confidence band drawn under the line (stochastic means). */
  readonly band?: readonly BandPoint[];
}

export interface Level {
  readonly label: string;
  readonly value: number;
  /** The series whose prediction this is: the line takes its colour (and no legend entry of its own). */
  readonly series?: string;
}

export interface Chart {
  readonly title: string;
  readonly xTitle: string;
  readonly yTitle: string;
  readonly series: readonly Series[];
  /** Horizontal lines: floors and limits a construction predicts. */
  readonly levels?: readonly Level[];
  readonly logX: boolean;
  readonly logY: boolean;
}

/** Points drawn per series at most: long runs are thinned to log-spaced (or even) steps. */
export const MAX_POINTS = 300;
const FEW_POINTS = 30;

/** The Vega-Lite spec of a chart; values a log axis cannot show (<= 0, not finite) are left out. */
export function chartSpec(chart: Chart): TopLevelSpec {
  const shown = (t: number, v: number) => Number.isFinite(t) && Number.isFinite(v) && (!chart.logX || t > 0) && (!chart.logY || v > 0);
  const lines = chart.series.flatMap((s) => thin(s.points, chart.logX).filter((p) => shown(p.t, p.value)).map((p) => ({ ...p, series: s.label, style: s.style })));
  const positive = lines.map((p) => p.value).filter((v) => v > 0);
  // A band reaching below 0 is cut at a tenth of the smallest value shown, on a log axis.
  const floor = positive.length > 0 ? Math.min(...positive) / 10 : 1e-300;
  const bands = chart.series.flatMap((s) =>
    thin(s.band ?? [], chart.logX)
      .filter((b) => shown(b.t, b.hi))
      .map((b) => ({ t: b.t, lo: chart.logY ? Math.max(b.lo, floor) : b.lo, hi: b.hi, series: s.label })),
  );
  const levels = (chart.levels ?? []).filter((l) => shown(1, l.value));
  const scale = (log: boolean) => (log ? { type: 'log' as const } : { zero: false });
  // Log axes label a handful of ticks, not every 2..9 of each decade.
  const axis = (log: boolean, format: string) => (log ? { format, tickCount: 6, gridOpacity: 0.5 } : { gridOpacity: 0.5 });
  // Steps and horizons are whole numbers ("1,000", not "1e+3"); values may span many decades.
  const x = { field: 't', type: 'quantitative' as const, title: chart.xTitle, scale: scale(chart.logX), axis: axis(chart.logX, ',~r') };
  const y = { type: 'quantitative' as const, title: chart.yTitle, scale: scale(chart.logY), axis: axis(chart.logY, '.2~g') };
  const color = { field: 'series', type: 'nominal' as const, title: null, legend: { orient: 'bottom' as const, direction: 'vertical' as const, labelLimit: 560 } };
  const layers: object[] = [];
  if (bands.length > 0) {
    layers.push({ data: { values: bands }, mark: { type: 'area', opacity: 0.25 }, encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color } });
  }
  layers.push({
    data: { values: lines },
    // Short series (a sweep over a dozen horizons) show their points too.
    mark: { type: 'line', strokeWidth: 1.6, clip: true, point: lines.length <= FEW_POINTS * chart.series.length },
    encoding: {
      x,
      y: { ...y, field: 'value' },
      color,
      strokeDash: { field: 'style', type: 'nominal', scale: { domain: ['observed', 'predicted'], range: [[1, 0], [6, 4]] }, legend: null },
    },
  });
  if (levels.length > 0) {
    layers.push({
      data: { values: levels.map((l) => ({ value: l.value, series: l.series ?? l.label })) },
      mark: { type: 'rule', strokeDash: [2, 3], strokeWidth: 1.4 },
      encoding: { y: { ...y, field: 'value' }, color },
    });
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: chart.title, anchor: 'start', fontSize: 13 },
    width: 560,
    height: 260,
    background: 'white',
    layer: layers,
  } as TopLevelSpec;
}

/** The chart as a standalone SVG element. */
export async function renderChart(chart: Chart): Promise<string> {
  const view = new View(parse(compile(chartSpec(chart)).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** At most MAX_POINTS of the points: log-spaced indices on a log axis, evenly spaced otherwise; always the last. */
function thin<P extends { t: number }>(points: readonly P[], logX: boolean): readonly P[] {
  if (points.length <= MAX_POINTS) return points;
  const n = points.length;
  const picked = new Set<number>([0, n - 1]);
  for (let i = 1; i < MAX_POINTS - 1; i++) {
    picked.add(logX ? Math.min(n - 1, Math.round(Math.exp((Math.log(n) * i) / (MAX_POINTS - 1))) - 1) : Math.round(((n - 1) * i) / (MAX_POINTS - 1)));
  }
  return [...picked].sort((a, b) => a - b).map((i) => points[i]!);
}
