/**
 * The main job (`samcheck`, `npm start`): every card and conjecture checked over its class, every
 * counterexample file replayed, and the charts of the report computed, with progress reported
 * phase by phase.
 */
import { runsFor, type CheckAllHooks, type CheckedCard } from '../check/check-all.js';
import { readCounterexample } from '../check/counterexamples.js';
import type { ReplayResult } from '../check/replay.js';
import { checkAndReplay, type NotRun } from '../parallel/jobs.js';
import { inlinePool, type JobPool } from '../parallel/pool.js';
import type { ConstructionCase } from '../constructions/construction.js';
import { CONSTRUCTIONS } from '../constructions/catalog.js';
import { unknownId } from '../conjectures/lookup.js';
import { replayOutcome } from '../report/replay.js';
import type { AuditSummary } from '../audit/record.js';
import { chartCount, drawCharts, type Figures, type JobProgress } from './charts.js';
import { classWideChartCount, classWideResults } from '../interpolation/files.js';
import type { Card } from '../theorems/card.js';
import { allChecks } from '../theorems/catalog.js';

export interface MainJobSettings {
  readonly checks: readonly Card[];
  /** Cases per check; the check's own budget (or 100) when absent. */
  readonly runs?: number;
  readonly seed: number;
  readonly precision: number;
  /** Where violations and falsifications found by this run are saved (not saved when absent). */
  readonly counterexampleFolder?: string;
  readonly replayFiles: readonly string[];
  /** The constructions drawn (charts only; their files are among the replays). */
  readonly constructions: readonly ConstructionCase[];
  readonly charts: boolean;
  /** The audits to show (from `samcheck audit`), one per card and constant. */
  readonly audits?: readonly AuditSummary[];
}

export interface MainJobResult extends Figures {
  /**
   * Present when the job was asked to stop (Ctrl-C): the checks and files it did not get to.
   * The rest of the result is what finished; no chart is drawn.
   */
  readonly interrupted?: NotRun;
  readonly seed: number;
  readonly runs: number | null;
  readonly precision: number;
  readonly checks: CheckedCard[];
  readonly replays: ReplayResult[];
  readonly audits: readonly AuditSummary[];
  readonly seconds: number;
}

/** Every ID --only accepts: checks, and constructions. */
export function selectableIds(): string[] {
  return [...allChecks().map((c) => c.id), ...new Set(CONSTRUCTIONS.map((c) => c.construction))];
}

/** The checks, replays and constructions that concern `only` (everything when absent). */
export function selection(only: readonly string[] | undefined, files: readonly string[]): Pick<MainJobSettings, 'checks' | 'replayFiles' | 'constructions'> {
  if (only === undefined) return { checks: allChecks(), replayFiles: files, constructions: CONSTRUCTIONS };
  const known = selectableIds();
  for (const id of only) {
    if (!known.includes(id)) unknownId(id, '--only', known);
  }
  const wanted = new Set(only);
  return {
    checks: allChecks().filter((c) => wanted.has(c.id)),
    replayFiles: files.filter((f) => fileIds(f).some((id) => wanted.has(id))),
    constructions: CONSTRUCTIONS.filter((c) => wanted.has(c.construction) || c.tight.some((t) => wanted.has(t.card))),
  };
}

/** The cards and constructions a file speaks of (none when it cannot be read: the replay says why). */
function fileIds(file: string): string[] {
  try {
    const content = readCounterexample(file);
    return [...(content.kind === 'construction' ? [content.construction] : []), ...content.claims.map((c) => c.card)];
  } catch {
    return [];
  }
}

/** The units of work of a job, for a progress bar: cases, replays, charts. */
export function jobUnits(settings: MainJobSettings): number {
  const cases = settings.checks.reduce((n, card) => n + runsFor(card, settings.runs), 0);
  const charts = settings.charts ? chartCount({ checks: settings.checks, cards: settings.checks, constructions: settings.constructions, audits: settings.audits ?? [] }) + classWideChartCount(settings.replayFiles) : 0;
  return cases + settings.replayFiles.length + charts;
}

/** The hooks of checkCards (src/parallel/jobs.ts) that drive a progress display: a phase per check, a unit per case. */
export function checkProgress(progress: JobProgress): CheckAllHooks {
  return {
    onStart: (card, runs) => progress.begin(card.id, runs),
    onCase: () => progress.advance(),
    onDone: (card, report) => progress.end(`${card.id} ${report.status}: ${report.cases} cases in ${report.seconds} s${report.counterexample?.file ? ` (${report.counterexample.file})` : ''}`),
  };
}

/**
 * The job on `pool` (this thread by default): checks and replays are tasks, spread over the pool's
 * workers with the results and progress of one thread; the charts are drawn here after.
 */
export async function runMainJob(settings: MainJobSettings, progress: JobProgress, pool: JobPool = inlinePool()): Promise<MainJobResult> {
  const started = performance.now();
  const { checks, replays, notRun } = await checkAndReplay(
    pool,
    settings.checks,
    { runs: settings.runs, seed: settings.seed, precision: settings.precision, counterexampleFolder: settings.counterexampleFolder },
    settings.replayFiles,
    {
      ...checkProgress(progress),
      start: (file) => progress.begin(`replay ${file}`, 1),
      done(file, result) {
        progress.advance();
        progress.end(`replay ${file}: ${replayOutcome(result)}`);
      },
    },
  );
  const interrupted = pool.stop.requested();
  const audits = settings.audits ?? [];
  const classWide = classWideResults(replays);
  // An interrupted job draws no chart: Ctrl-C asks for what is known, now.
  const figures: Figures = settings.charts && !interrupted
    ? await drawCharts({ checks, cards: settings.checks, constructions: settings.constructions, audits: audits.map((a) => a.best), classWide }, progress)
    : { cardFigures: [], constructionFigures: [], auditFigures: [], classFigures: [] };
  return {
    ...(interrupted ? { interrupted: notRun } : {}),
    seed: settings.seed,
    runs: settings.runs ?? null,
    precision: settings.precision,
    checks,
    replays,
    ...figures,
    audits,
    seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
  };
}
