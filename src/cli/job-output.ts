/**
 * What the main job and `samcheck report` print and write for a job's result: the verdict table or
 * the JSON, the report page, what could not be written, and the exit code. The main job prints a
 * shard's part the same way.
 */
import { dirname, join } from 'node:path';
import { replaceFile } from '../atomic-write.js';
import { failed } from './run.js';
import type { MainJobResult } from '../job/main-job.js';
import { interruptedText } from './interrupt.js';
import { formatJson } from '../report/json.js';
import { reportPage, type PageContext } from '../report/html/page.js';
import { replayText } from '../report/replay.js';
import { resultsJson } from '../report/results.js';
import { renderTable, showDigits } from '../report/text.js';
import { classWideResults } from '../interpolation/files.js';
import { findingLines, LEVELS_HEADER, LEVELS_LEGEND, levelsText, searchedText, tightnessInterval, worstText } from '../report/verdicts.js';
import { allChecks, type SkippedConjecture } from '../theorems/catalog.js';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK } from './exit-codes.js';
import type { CliIO } from './io.js';

/**
 * Writes the page to `file` and the run's cases, one row each, to results.json beside it, saying
 * so (and that they replaced an earlier report); returns what was not written: the table is
 * printed all the same, nothing computed is lost.
 */
export function writeReport(io: CliIO, file: string, context: PageContext): string[] {
  const results = join(dirname(file), 'results.json');
  const problems: string[] = [];
  const write = (path: string, what: string, text: () => string) => {
    try {
      const replaced = replaceFile(path, text());
      io.err(`${what}: ${path}${replaced ? ` (replaced the previous ${what})` : ''}`);
    } catch (error) {
      problems.push(`the ${what} ${path} (${error instanceof Error ? error.message : String(error)})`);
    }
  };
  write(results, 'results', () => resultsJson(context.result, context.command, context.generated));
  write(file, 'report', () => reportPage(context));
  return problems;
}

/** The counterexamples found but not saved, as "NOT written" items. */
export function unsavedCounterexamples(result: Pick<MainJobResult, 'checks'>): string[] {
  return result.checks.flatMap((c) => (c.counterexample?.notSaved ? [`the counterexample of ${c.id} (${c.counterexample.notSaved})`] : []));
}

/**
 * 1 when a theorem card is violated, a check errs or a file no longer reproduces; else 2 when the
 * job did not check all it was asked (a conjecture file that could not be loaded, a missing shard)
 * or the machine refused to keep a result (a full disk: the table was printed all the same); else 0.
 */
export function jobExitCode(result: Pick<MainJobResult, 'checks' | 'replays'>, notWritten: readonly string[], incomplete: boolean): number {
  if (failed(result.checks) || result.replays.some((r) => !r.reproduced)) return EXIT_FAILED;
  return incomplete || notWritten.length > 0 ? EXIT_BAD_INPUT : EXIT_OK;
}

/** The whole result as JSON, without the charts; `written` says where it went (the report page, a shard's part). */
export function jobJson(result: MainJobResult, skipped: readonly SkippedConjecture[], written: Readonly<Record<string, unknown>>): string {
  const { cardFigures: _c, constructionFigures: _f, auditFigures: _a, classFigures: _w, caseFigures: _s, audits, ...rest } = result;
  // The best search of each card; with the count of searches and their evaluations when there were several.
  const auditSummaries = audits.map(({ best: a, searches, evaluations }) => ({
    id: a.id,
    bestRatio: a.bestRatio,
    level: a.level,
    evaluations: a.evaluations,
    seconds: a.seconds,
    ...(searches > 1 ? { searches, totalEvaluations: evaluations } : {}),
  }));
  // Each case's row is in results.json (written with the report), not here: a whole run has thousands.
  const checks = rest.checks.map(({ rows: _rows, ...check }) => check);
  return formatJson({ ...rest, checks, audits: auditSummaries, classWide: classWideResults(result.replays), skippedConjectures: skipped, ...written });
}

/** The verdict table; `part` says, in its first line, what part of the job it is (a shard, merged shards). */
export function jobTable(result: MainJobResult, skipped: readonly SkippedConjecture[], part?: string): string {
  const classWide = classWideResults(result.replays);
  const rows = result.checks.map((c) => {
    const card = allChecks().find((k) => k.id === c.id)!;
    return [c.id, card.title, c.status, String(c.cases), searchedText(c), worstText(c), levelsText(c), tightnessInterval(c, classWide)];
  });
  const reproduced = result.replays.filter((r) => r.reproduced).length;
  const lines = [
    `samcheck: seed ${result.seed}, ${result.runs ?? 'default'} cases per check, verification at ${result.precision} and ${2 * result.precision} digits, ${result.seconds} s${part ? `; ${part}` : ''}`,
    ...(result.interrupted === undefined ? [] : [`INTERRUPTED: what finished; ${interruptedText(result.interrupted).replace(/^interrupted: /, '')}`]),
    '',
    renderTable(['ID', 'claim', 'status', 'cases', 'searched', 'worst ratio', LEVELS_HEADER, 'tightness'], rows, ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right']),
    '',
    `Counterexample files: ${reproduced} of ${result.replays.length} reproduced.`,
    ...result.replays.filter((r) => !r.reproduced).map((r) => `  ${r.file}: ${replayText(r)}`),
    ...findingLines(result.checks),
    ...(classWide.length === 0 ? [] : ['', 'Worst cases over the whole class (certified lower bounds, from the store; samcheck audit ID --class):', ...classWide.map((r) => `  ${r.card} ${r.constant === null ? 'observed/bound' : `fraction of ${r.constant} needed`} >= ${showDigits(String(r.value), 6)} at ${r.instance}`)]),
    ...(skipped.length === 0 ? [] : ['', 'Conjecture files not checked:', ...skipped.map((p) => `  ${p.message}`)]),
    '',
    ...LEVELS_LEGEND,
    'Tightness: [the largest fraction of the stated constant a construction, or a certified worst case over the class (class, T <= N), reaches, the stated constant];',
    '(class >= v, T <= N): the certified worst case over the class, when a construction reaches more.',
  ];
  return lines.join('\n');
}
