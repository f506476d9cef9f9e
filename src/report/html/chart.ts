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

/**
 * What a series is, which fixes its colour on every chart of the report (the observed measure is
 * always the same blue, a bound always red, ...). Series without a role (a construction's several
 * quantities) take the palette's other colours in order.
 */
export type SeriesRole = 'observed' | 'bound' | 'lower' | 'best' | 'construction' | 'class' | 'worst';

export const ROLE_COLOURS: Readonly<Record<SeriesRole, string>> = {
  observed: '#1f5fa8',
  bound: '#c62828',
  lower: '#2e7d32',
  best: '#6a3d9a',
  construction: '#8c564b',
  class: '#e07b00',
  worst: '#111111',
};

/** The colours of the families in scatters of cases, the same on every chart. */
export const FAMILY_COLOURS: Readonly<Record<string, string>> = {
  quadratic: '#1f77b4',
  logistic: '#ff7f0e',
  cosine: '#2ca02c',
  'piecewise-quadratic': '#9467bd',
};

/** Colours for what has no role or family of its own: distinct from those above. */
const PALETTE = ['#17becf', '#bcbd22', '#e377c2', '#7f7f7f', '#8c6d31', '#393b79', '#637939', '#843c39'];

export interface Series {
  readonly label: string;
  /** Solid for what was observed, dashed for what a bound or a formula predicts. */
  readonly style: 'observed' | 'predicted';
  readonly points: readonly Point[];
  /** A confidence band drawn under the line (stochastic means). */
  readonly band?: readonly BandPoint[];
  readonly role?: SeriesRole;
  /** A line (default), or points alone (a scatter of cases, coloured by family when `family` is set). */
  readonly mark?: 'line' | 'points';
  readonly family?: string;
  /** Points: where a click on one leads (the page's section on the case it shows). */
  readonly href?: string;
}

export interface Level {
  readonly label: string;
  readonly value: number;
  /** The series whose prediction this is: the line takes its colour (and no legend entry of its own). */
  readonly series?: string;
  readonly role?: SeriesRole;
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
  /** x takes whole values only (horizons): a linear axis labels no fractions. */
  readonly xWhole?: boolean;
}

/** Points drawn per series at most: long runs are thinned to log-spaced (or even) steps. */
export const MAX_POINTS = 300;
const FEW_POINTS = 30;

/** A log axis spans at most this many decades below the largest value: a tiny first value does not flatten the rest. */
export const MAX_DECADES = 8;
/** The room a log axis leaves beyond its extreme values (a factor). */
const LOG_MARGIN = 1.5;

/** Each label's colour: its role's or family's, else the palette's next. */
function colours(chart: Chart): { domain: string[]; range: string[] } {
  const domain: string[] = [];
  const range: string[] = [];
  let next = 0;
  const add = (label: string, role: SeriesRole | undefined, family: string | undefined) => {
    if (domain.includes(label)) return;
    domain.push(label);
    range.push(role !== undefined ? ROLE_COLOURS[role] : family !== undefined && FAMILY_COLOURS[family] ? FAMILY_COLOURS[family] : PALETTE[next++ % PALETTE.length]!);
  };
  for (const s of chart.series) add(s.label, s.role, s.family);
  for (const l of chart.levels ?? []) if (l.series === undefined) add(l.label, l.role, undefined);
  return { domain, range };
}

/** The Vega-Lite spec of a chart; values a log axis cannot show (<= 0, not finite) are left out. */
export function chartSpec(chart: Chart): TopLevelSpec {
  const shown = (t: number, v: number) => Number.isFinite(t) && Number.isFinite(v) && (!chart.logX || t > 0) && (!chart.logY || v > 0);
  const isPoints = (s: Series) => s.mark === 'points';
  // Lines are thinned (a run of 10⁴ steps); a scatter's dots are not (each is a case).
  const drawn = (s: Series) => (isPoints(s) ? s.points : thin(s.points, chart.logX)).filter((p) => shown(p.t, p.value)).map((p) => ({ ...p, series: s.label, style: s.style }));
  const lines = chart.series.filter((s) => !isPoints(s)).flatMap(drawn);
  const dots = chart.series.filter(isPoints).flatMap((s) => drawn(s).map((p) => ({ ...p, role: s.role ?? 'case', ...(s.href === undefined ? {} : { href: s.href }) })));
  const levels = (chart.levels ?? []).filter((l) => shown(1, l.value));
  const positive = [...lines, ...dots].map((p) => p.value).filter((v) => v > 0);
  // The top of the range: the highest value, band top or level drawn.
  const bandTops = chart.series.flatMap((s) => (s.band ?? []).filter((b) => shown(b.t, b.hi)).map((b) => b.hi));
  const tops = [...positive, ...bandTops, ...levels.map((l) => l.value)].filter((v) => v > 0);
  const top = tops.length > 0 ? Math.max(...tops) : 1;
  // On a log axis: lines reach at most MAX_DECADES below the top (a tiny first value of a run is
  // clipped at the frame); every dot and every level is shown (a scatter's lowest margin is its point).
  const linesPositive = lines.map((p) => p.value).filter((v) => v > 0);
  const always = [...dots.map((p) => p.value), ...levels.map((l) => l.value)].filter((v) => v > 0);
  const bottom = positive.length === 0 ? 1e-300 : Math.min(...always, Math.max(Math.min(...(linesPositive.length > 0 ? linesPositive : positive)), top * 10 ** -MAX_DECADES));
  // A band reaching below 0 is cut at a tenth of the smallest value shown, on a log axis.
  const floor = bottom / 10;
  const bands = chart.series.flatMap((s) =>
    thin(s.band ?? [], chart.logX)
      .filter((b) => shown(b.t, b.hi))
      .map((b) => ({ t: b.t, lo: chart.logY ? Math.max(b.lo, floor) : b.lo, hi: b.hi, series: s.label })),
  );
  // Padding keeps a line off the frame on a linear axis (a constant at the top edge, a floor at
  // the bottom); a log axis is rounded out to whole decades, which leaves room already (padding
  // there would add a decade on each side).
  const scale = (log: boolean) => (log ? { type: 'log' as const } : { zero: false, padding: 8 });
  // A log axis gets its own domain, half a step beyond the values at each end: rounded out to
  // whole decades, a value just below one (0.99997) would sit on the frame, hidden by it.
  const yDomain = chart.logY && positive.length > 0 ? { domain: [bottom / LOG_MARGIN, top * LOG_MARGIN], nice: false } : {};
  // Log axes label a handful of ticks, not every 2..9 of each decade.
  const axis = (log: boolean, format: string) => (log ? { format, tickCount: 6, gridOpacity: 0.5 } : { gridOpacity: 0.5 });
  // Steps and horizons are whole numbers ("1,000", not "1e+3"; on a linear axis no "2.5"); a
  // parameter spanning many decades is not.
  const xs = [...lines, ...dots].map((p) => p.t).filter((t) => t > 0);
  const wide = xs.length > 0 && Math.max(...xs) / Math.min(...xs) > 1e6;
  const xAxis = chart.xWhole && !chart.logX ? { gridOpacity: 0.5, tickMinStep: 1, format: 'd' } : axis(chart.logX, wide ? '.2~g' : ',~r');
  const x = { field: 't', type: 'quantitative' as const, title: chart.xTitle, scale: scale(chart.logX), axis: xAxis };
  const y = { type: 'quantitative' as const, title: chart.yTitle, scale: { ...scale(chart.logY), ...yDomain }, axis: axis(chart.logY, '.2~g') };
  const color = { field: 'series', type: 'nominal' as const, title: null, scale: colours(chart), legend: { orient: 'bottom' as const, direction: 'vertical' as const, labelLimit: 560 } };
  const layers: object[] = [];
  if (bands.length > 0) {
    // A band that shows: its series' colour at 0.35, edged by thin lines of the same colour.
    layers.push({ data: { values: bands }, mark: { type: 'area', opacity: 0.35, clip: true }, encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color } });
    for (const edge of ['lo', 'hi']) {
      layers.push({ data: { values: bands }, mark: { type: 'line', strokeWidth: 0.8, opacity: 0.8, clip: true }, encoding: { x, y: { ...y, field: edge }, color, detail: { field: 'series' } } });
    }
  }
  if (lines.length > 0) {
    const lineCount = chart.series.filter((s) => !isPoints(s)).length;
    layers.push({
      data: { values: lines },
      // Short series (a sweep over a dozen horizons) show their points too.
      mark: { type: 'line', strokeWidth: 1.6, clip: true, point: lines.length <= FEW_POINTS * lineCount },
      encoding: {
        x,
        y: { ...y, field: 'value' },
        color,
        strokeDash: { field: 'style', type: 'nominal', scale: { domain: ['observed', 'predicted'], range: [[1, 0], [6, 4]] }, legend: null },
      },
    });
  }
  if (dots.length > 0) {
    // Cases as dots; the worst one (role "worst") as a larger ringed dot drawn last, on top.
    layers.push({
      data: { values: dots },
      mark: { type: 'point', filled: true, clip: true },
      encoding: {
        x,
        y: { ...y, field: 'value' },
        color,
        // Cases small and translucent (hundreds overlap); a marked point (the worst, a verdict's
        // statistic) large and opaque.
        size: { condition: [{ test: "datum.role === 'worst'", value: 150 }, { test: "datum.role !== 'case'", value: 60 }], value: 22 },
        opacity: { condition: { test: "datum.role !== 'case'", value: 1 }, value: 0.6 },
        order: { condition: { test: "datum.role === 'worst'", value: 1 }, value: 0 },
        ...(dots.some((d) => 'href' in d) ? { href: { field: 'href', type: 'nominal' } } : {}),
      },
    });
  }
  if (levels.length > 0) {
    layers.push({
      data: { values: levels.map((l) => ({ value: l.value, series: l.series ?? l.label })) },
      mark: { type: 'rule', strokeDash: [2, 3], strokeWidth: 1.4, clip: true },
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

/**
 * The chart's data as CSV, one row per point drawn: series, x, y, and a band's lower and upper
 * ends where the series has one; horizontal levels as rows with an empty x. Not thinned: every
 * point the chart was given.
 */
export function chartCsv(chart: Chart): string {
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const rows = [['series', chart.xTitle, chart.yTitle, 'band low', 'band high'].map(quote).join(',')];
  for (const s of chart.series) {
    const band = new Map((s.band ?? []).map((b) => [b.t, b]));
    for (const p of s.points) {
      const b = band.get(p.t);
      rows.push([quote(s.label), p.t, p.value, b?.lo ?? '', b?.hi ?? ''].join(','));
    }
  }
  for (const l of chart.levels ?? []) rows.push([quote(l.label), '', l.value, '', ''].join(','));
  return `${rows.join('\n')}\n`;
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
