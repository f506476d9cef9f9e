import { describe, expect, test } from 'vitest';
import { chartCsv, chartSpec, FAMILY_COLOURS, MAX_DECADES, MAX_POINTS, renderChart, ROLE_COLOURS, type Chart } from './chart.js';

const chart: Chart = {
  title: 'a <chart> & more',
  xTitle: 'T',
  yTitle: 'gap',
  series: [
    { label: 'observed', style: 'observed', points: Array.from({ length: 5000 }, (_, i) => ({ t: i, value: i % 7 === 0 ? 0 : 1 / (i + 1) })) },
    { label: 'bound', style: 'predicted', points: [{ t: 1, value: 2 }, { t: 4999, value: 1e-3 }], band: [{ t: 1, lo: -1, hi: 3 }] },
  ],
  levels: [{ label: 'floor', value: 1e-4, series: 'observed' }],
  logX: true,
  logY: true,
};

type Layer = { data: { values: Record<string, number | string>[] }; mark: { type: string }; encoding: { color?: { scale: { domain: string[]; range: string[] } }; y: { scale: { domain?: number[] } } } };

const layersOf = (c: Chart) => (chartSpec(c) as unknown as { layer: Layer[] }).layer;
/** The layer of a mark type that draws values (a band's edges are lines of lo and hi). */
const layer = (c: Chart, type: string) => layersOf(c).find((l) => l.mark.type === type && (type === 'area' || l.data.values.some((v) => 'value' in v)))!;

describe('charts (Vega-Lite, rendered to SVG in Node)', () => {
  test('log axes drop what they cannot show, long series are thinned, bands are cut above 0', () => {
    const [band, lines, levels] = ['area', 'line', 'rule'].map((type) => layer(chart, type).data.values);
    const observed = lines!.filter((p) => p.series === 'observed');
    expect(observed.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(observed.every((p) => (p.value as number) > 0 && (p.t as number) > 0)).toBe(true);
    expect(observed.at(-1)!.t).toBe(4999);
    expect(band![0]!.lo).toBeGreaterThan(0);
    expect(levels).toEqual([{ value: 1e-4, series: 'observed' }]);
  });

  test('a series has its role\'s colour (or its family\'s) on every chart, whatever its place', () => {
    const colourOf = (c: Chart, label: string) => {
      const { domain, range } = layer(c, c.series.some((s) => s.mark === 'points') ? 'point' : 'line').encoding.color!.scale;
      return range[domain.indexOf(label)];
    };
    const one: Chart = { ...chart, series: [{ label: 'bound', style: 'predicted', role: 'bound', points: [{ t: 1, value: 1 }] }, { label: 'observed', style: 'observed', role: 'observed', points: [{ t: 1, value: 2 }] }] };
    const other: Chart = { ...one, series: [...one.series].reverse() };
    for (const c of [one, other]) {
      expect(colourOf(c, 'bound')).toBe(ROLE_COLOURS.bound);
      expect(colourOf(c, 'observed')).toBe(ROLE_COLOURS.observed);
    }
    const scatter: Chart = { ...chart, levels: [], series: ['cosine', 'quadratic'].map((family) => ({ label: family, style: 'observed', mark: 'points', family, points: [{ t: 1, value: 0.5 }] })) };
    expect(colourOf(scatter, 'quadratic')).toBe(FAMILY_COLOURS.quadratic);
    expect(colourOf(scatter, 'cosine')).toBe(FAMILY_COLOURS.cosine);
  });

  test(`a log axis shows a line at most ${MAX_DECADES} decades below its top (a tiny first value does not flatten the rest), and every dot`, () => {
    const line: Chart = { ...chart, levels: [], series: [{ label: 'observed', style: 'observed', points: [{ t: 1, value: 1e-14 }, { t: 2, value: 1 }, { t: 3, value: 2 }] }] };
    // Half a step (a factor 1.5) of room beyond the values at both ends: nothing sits on the frame.
    const [low, high] = layer(line, 'line').encoding.y.scale.domain!;
    expect(low).toBeCloseTo((2 * 10 ** -MAX_DECADES) / 1.5, 20);
    expect(high).toBe(3);
    const dots: Chart = { ...line, series: [{ ...line.series[0]!, mark: 'points' }] };
    expect(layer(dots, 'point').encoding.y.scale.domain![0]).toBeCloseTo(1e-14 / 1.5, 28);
  });

  test("a scatter's dots are not thinned (each is a case), and a log range holds every band top and level", () => {
    const many: Chart = { ...chart, levels: [], series: [{ label: 'cases', style: 'observed', mark: 'points', points: Array.from({ length: 1000 }, (_, i) => ({ t: i + 1, value: 0.5 })) }] };
    expect(layer(many, 'point').data.values).toHaveLength(1000);
    const banded: Chart = { ...chart, levels: [{ label: 'floor', value: 1e-3 }], series: [{ label: 'mean', style: 'observed', points: [{ t: 1, value: 1 }, { t: 2, value: 2 }], band: [{ t: 1, lo: 0.5, hi: 40 }] }] };
    const [low, high] = layer(banded, 'line').encoding.y.scale.domain!;
    expect(high).toBe(40 * 1.5);
    expect(low).toBeCloseTo(1e-3 / 1.5, 12);
  });

  test('the data drawn, as CSV: every point (not thinned), bands, and levels', () => {
    const csv = chartCsv(chart).trim().split('\n');
    expect(csv[0]).toBe('series,T,gap,band low,band high');
    expect(csv).toHaveLength(1 + 5000 + 2 + 1);
    expect(csv).toContain('bound,1,2,-1,3');
    expect(csv.at(-1)).toBe('floor,,0.0001,,');
  });

  test('renders a standalone SVG with its title escaped', async () => {
    const svg = await renderChart(chart);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('a &lt;chart&gt; &amp; more');
    expect(svg).not.toContain('<script');
  });
});
