import { describe, expect, test } from 'vitest';
import { chartSpec, MAX_POINTS, renderChart, type Chart } from './chart.js';

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

type Layer = { data: { values: Record<string, number | string>[] } };

describe('charts (Vega-Lite, rendered to SVG in Node)', () => {
  test('log axes drop what they cannot show, long series are thinned, bands are cut above 0', () => {
    const layers = (chartSpec(chart) as unknown as { layer: Layer[] }).layer;
    const [band, lines, levels] = layers.map((l) => l.data.values);
    const observed = lines!.filter((p) => p.series === 'observed');
    expect(observed.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(observed.every((p) => (p.value as number) > 0 && (p.t as number) > 0)).toBe(true);
    expect(observed.at(-1)!.t).toBe(4999);
    expect(band![0]!.lo).toBeGreaterThan(0);
    expect(levels).toEqual([{ value: 1e-4, series: 'observed' }]);
  });

  test('renders a standalone SVG with its title escaped', async () => {
    const svg = await renderChart(chart);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('a &lt;chart&gt; &amp; more');
    expect(svg).not.toContain('<script');
  });
});
