/**
 * The charts of the report, drawn in the main thread from the checks' results: one per card or
 * conjecture, one per construction shown, one per audit. The main job draws them after its checks,
 * and `samcheck report` after merging the shards' results, with this one function.
 */
import type { CheckedCard } from '../check/check-all.js';
import type { ConstructionCase } from '../constructions/construction.js';
import { CONSTRUCTIONS } from '../constructions/catalog.js';
import { auditKey, type AuditRecord } from '../audit/record.js';
import { chartCsv, renderChart } from '../report/html/chart.js';
import { auditChart, cardChart, casesChart, classWideChart, constructionChart } from '../report/html/figures.js';
import type { ClassWideResult } from '../interpolation/files.js';
import type { Card } from '../theorems/card.js';

/** What a job step reports to the progress display. */
export interface JobProgress {
  begin(label: string, units: number): void;
  advance(units?: number): void;
  end(result: string): void;
}

export interface Figure {
  readonly id: string;
  /** The chart as SVG; null when there was nothing to draw, with the reason. */
  readonly svg: string | null;
  readonly note?: string;
  /** The data drawn, as CSV (chartCsv), for the page's download link. */
  readonly csv?: string;
}

export interface Figures {
  /** One per card whose worst case is drawn along a trajectory or horizons (not the lemmas: their scatter says it). */
  readonly cardFigures: Figure[];
  /** One per card: every case drawn, against the parameter that governs its bound. */
  readonly caseFigures?: Figure[];
  readonly constructionFigures: Figure[];
  readonly auditFigures: Figure[];
  /** One per card with certified worst cases over its class (from the store's interpolated files). */
  readonly classFigures: Figure[];
}

export interface ChartSources {
  /** The checks' results, each with its card (a card the results do not name is not drawn). */
  readonly checks: readonly CheckedCard[];
  readonly cards: readonly Card[];
  readonly constructions: readonly ConstructionCase[];
  readonly audits: readonly AuditRecord[];
  readonly classWide?: readonly ClassWideResult[];
}

/** Whether a card has a chart of its worst case besides its scatter: not a lemma (its scatter says it all). */
function hasWorstCaseChart(card: Pick<Card, 'scope'>): boolean {
  return card.scope !== 'step';
}

/** How many charts drawCharts draws (a unit each, for a progress bar). */
export function chartCount(sources: {
  readonly checks: readonly { readonly id: string }[];
  readonly cards: readonly Pick<Card, 'id' | 'scope'>[];
  readonly constructions: readonly unknown[];
  readonly audits: readonly unknown[];
  readonly classWide?: readonly ClassWideResult[];
}): number {
  const caseCharts = sources.checks.filter((c) => hasWorstCaseChart(sources.cards.find((card) => card.id === c.id)!)).length;
  return sources.checks.length + caseCharts + sources.constructions.length + sources.audits.length + classWideCards(sources.classWide ?? []).length;
}

/** The cards (with their constant, or null for a ratio) that have class-wide results, in order. */
function classWideCards(results: readonly ClassWideResult[]): { card: string; constant: string | null }[] {
  const keys = [...new Set(results.map((r) => `${r.card}\u0000${r.constant ?? ''}`))];
  return keys.map((k) => {
    const [card, constant] = k.split('\u0000') as [string, string];
    return { card, constant: constant === '' ? null : constant };
  });
}

/** Every chart of the report, one progress phase each; a chart that cannot be drawn says why instead. */
export async function drawCharts(sources: ChartSources, progress: JobProgress): Promise<Figures> {
  const cardFigures: Figure[] = [];
  const constructionFigures: Figure[] = [];
  const auditFigures: Figure[] = [];
  const caseFigures: Figure[] = [];
  for (const report of sources.checks) {
    const card = sources.cards.find((c) => c.id === report.id)!;
    caseFigures.push(await figure(`chart of ${card.id}'s cases`, casesKey(card.id), progress, () => casesChart(card, report)));
    if (hasWorstCaseChart(card)) cardFigures.push(await figure(`chart ${card.id}`, card.id, progress, () => cardChart(card, report)));
  }
  for (const c of sources.constructions) {
    const key = constructionKey(c);
    constructionFigures.push(await figure(`chart ${key}`, key, progress, () => constructionChart(c)));
  }
  for (const record of sources.audits) {
    const key = auditKey(record);
    auditFigures.push(await figure(`chart of the audit of ${key}`, key, progress, () => auditChart(record)));
  }
  const classFigures: Figure[] = [];
  for (const { card, constant } of classWideCards(sources.classWide ?? [])) {
    const key = classKey(card, constant);
    const results = (sources.classWide ?? []).filter((r) => r.card === card && r.constant === constant);
    classFigures.push(await figure(`chart of ${card} over its class`, key, progress, () => classWideChart(card, constant, results)));
  }
  return { cardFigures, caseFigures, constructionFigures, auditFigures, classFigures };
}

/** The anchor of a card's scatter of cases. */
export function casesKey(card: string): string {
  return `cases-${card}`;
}

/** The anchor of a card's class-wide chart: class-ID, with its constant when it has one. */
export function classKey(card: string, constant: string | null): string {
  return `class-${card}${constant === null ? '' : `.${constant}`}`;
}

/** A construction's key in the report: its ID, with its run's parameters when several share it. */
export function constructionKey(c: ConstructionCase): string {
  const siblings = CONSTRUCTIONS.filter((o) => o.construction === c.construction);
  return siblings.length === 1 ? c.construction : `${c.construction}-${siblings.indexOf(c) + 1}`;
}

async function figure(label: string, id: string, progress: JobProgress, chart: () => ReturnType<typeof cardChart>): Promise<Figure> {
  progress.begin(label, 1);
  try {
    const data = chart();
    const svg = data === undefined ? null : await renderChart(data);
    progress.advance();
    progress.end(`${label}: ${svg === null ? 'nothing to draw' : 'drawn'}`);
    return svg === null || data === undefined ? { id, svg: null, note: 'no case claimed anything to draw' } : { id, svg, csv: chartCsv(data) };
  } catch (error) {
    // A chart that cannot be drawn is reported on the page; it does not undo the verdicts.
    const note = `could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
    progress.advance();
    progress.end(`${label}: ${note}`);
    return { id, svg: null, note };
  }
}
