/**
 * `samcheck` with no command (what `npm start` runs): the main job. Prints the verdict table (or
 * JSON), writes the HTML report, and exits 1 when a theorem card is violated, a check errs or a
 * counterexample file no longer reproduces (a falsified conjecture is a finding, not a failure).
 */
import { join } from 'node:path';
import { replaceFile } from '../atomic-write.js';
import { counterexampleFiles, requireReadable } from '../check/replay.js';
import { InputError } from '../errors.js';
import { readAuditRecords } from '../audit/record.js';
import { jobUnits, runMainJob, selectableIds, selection, type MainJobResult, type MainJobSettings } from '../job/main-job.js';
import { formatJson } from '../report/json.js';
import { reportPage } from '../report/html/page.js';
import { replayText } from '../report/replay.js';
import { renderTable } from '../report/text.js';
import { findingLines, LEVELS_HEADER, LEVELS_LEGEND, levelsText, searchedText, tightnessInterval, worstText } from '../report/verdicts.js';
import { allChecks, skippedFor, type SkippedConjecture, conjectureSources } from '../theorems/catalog.js';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK } from './exit-codes.js';
import { requireExistingFolder, requireWritableFolder } from './folders.js';
import { DEFAULT_STORE } from './replay.js';
import type { CliIO } from './io.js';
import { wholeOption } from './options.js';
import { progressFor, withProgress } from './progress.js';
import { jobsOption, withPool } from '../parallel/pool.js';
import { failed, precisionOption, seedOption } from './run.js';

export interface MainOptions {
  only?: string;
  runs?: string;
  seed?: string;
  precision?: string;
  json?: boolean;
  /** The report folder, or false (--no-report). */
  report?: string | false;
  counterexamples?: string;
  saveTo?: string;
  jobs?: string;
}

export const DEFAULT_REPORT_FOLDER = 'report';

export async function mainCommand(options: MainOptions, io: CliIO): Promise<number> {
  // Every input is checked before the work starts: a job of minutes must not fail at its end.
  const only = options.only === undefined ? undefined : onlyOption(options.only);
  const runs = options.runs === undefined ? undefined : wholeOption('--runs', options.runs, 1, 1_000_000);
  const seed = seedOption(options.seed);
  const precision = precisionOption(options.precision);
  const jobs = jobsOption(options.jobs);
  if (options.counterexamples !== undefined) requireExistingFolder('--counterexamples', options.counterexamples);
  const store = options.counterexamples ?? DEFAULT_STORE;
  const storeFiles = counterexampleFiles(store);
  requireReadable(storeFiles); // the whole store, selected or not: a broken file is never passed over silently
  const reportFolder = options.report === false ? null : (options.report ?? DEFAULT_REPORT_FOLDER);
  const findings = options.saveTo ?? (reportFolder === null ? undefined : join(reportFolder, 'counterexamples'));
  if (reportFolder !== null) requireWritableFolder('--report', reportFolder);
  if (findings !== undefined) requireWritableFolder('--save-to', findings);
  const audits = reportFolder === null ? { records: [], problems: [] } : readAuditRecords(join(reportFolder, 'audits'));
  for (const problem of audits.problems) io.err(`samcheck: skipped an audit record: ${problem}`);
  const selected = selection(only, storeFiles);
  const skipped = skippedFor(only === undefined);
  const settings: MainJobSettings = {
    ...selected,
    audits: audits.records.filter((r) => selected.checks.some((c) => c.id === r.id)),
    runs,
    seed,
    precision,
    // New findings go beside the report, not into the store: a conjecture falsified on every run
    // would otherwise add a file to the regression suite each time. Move a file to keep it.
    ...(findings === undefined ? {} : { counterexampleFolder: findings }),
    charts: reportFolder !== null,
  };
  const command = rerunCommand(options, seed);
  io.err(`samcheck: ${settings.checks.length} checks, ${settings.replayFiles.length} counterexample files, seed ${seed} (rerun: ${command})`);
  const result = await withProgress(progressFor(io, jobUnits(settings)), (progress) =>
    withPool(jobs, { conjectureFolders: conjectureSources() }, (pool) => runMainJob(settings, progress, pool)),
  );
  // What could not be written is said, and the table is printed all the same: nothing computed is lost.
  const notWritten: string[] = [];
  if (reportFolder !== null) {
    const page = reportPage({
      result,
      cards: allChecks(),
      constructions: settings.constructions,
      command,
      generated: new Date(),
      environment: `Node ${process.version} on ${process.platform}/${process.arch}`,
    });
    const file = join(reportFolder, 'index.html');
    try {
      const replaced = replaceFile(file, page);
      io.err(`report: ${file}${replaced ? ' (replaced the previous report)' : ''}`);
    } catch (error) {
      notWritten.push(`the report ${file} (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  for (const c of result.checks) if (c.counterexample?.notSaved) notWritten.push(`the counterexample of ${c.id} (${c.counterexample.notSaved})`);
  io.out(options.json ? jobJson(result, reportFolder, skipped) : jobTable(result, skipped));
  for (const what of notWritten) io.err(`samcheck: NOT written: ${what}`);
  for (const problem of skipped) io.err(`samcheck: not checked: ${problem.message}`);
  if (failed(result.checks) || result.replays.some((r) => !r.reproduced) || notWritten.length > 0) return EXIT_FAILED;
  return skipped.length > 0 ? EXIT_BAD_INPUT : EXIT_OK;
}

/** --only: a non-empty comma-separated list (an empty one would quietly check nothing). */
function onlyOption(text: string): string[] {
  const ids = text.split(',').map((id) => id.trim()).filter((id) => id !== '');
  if (ids.length === 0) throw new InputError('--only', text, `must name at least one check or construction: ${selectableIds().join(', ')}`);
  return ids;
}

/** The command that reruns this job (same selection, budget and seed). */
function rerunCommand(options: MainOptions, seed: number): string {
  const parts = ['npx samcheck'];
  if (options.only !== undefined) parts.push(`--only ${options.only}`);
  if (options.runs !== undefined) parts.push(`--runs ${options.runs}`);
  parts.push(`--seed ${seed}`);
  if (options.precision !== undefined) parts.push(`--precision ${options.precision}`);
  return parts.join(' ');
}

function jobJson(result: MainJobResult, reportFolder: string | null, skipped: readonly SkippedConjecture[]): string {
  const { cardFigures: _c, constructionFigures: _f, auditFigures: _a, audits, ...rest } = result;
  const auditSummaries = audits.map((a) => ({ id: a.id, bestRatio: a.bestRatio, level: a.level, evaluations: a.evaluations, seconds: a.seconds }));
  return formatJson({ ...rest, audits: auditSummaries, skippedConjectures: skipped, report: reportFolder === null ? null : join(reportFolder, 'index.html') });
}

function jobTable(result: MainJobResult, skipped: readonly SkippedConjecture[]): string {
  const rows = result.checks.map((c) => {
    const card = allChecks().find((k) => k.id === c.id)!;
    return [c.id, card.title, c.status, String(c.cases), searchedText(c), worstText(c), levelsText(c), tightnessInterval(c)];
  });
  const reproduced = result.replays.filter((r) => r.reproduced).length;
  const lines = [
    `samcheck: seed ${result.seed}, ${result.runs ?? 'default'} cases per check, verification at ${result.precision} and ${2 * result.precision} digits, ${result.seconds} s`,
    '',
    renderTable(['ID', 'claim', 'status', 'cases', 'searched', 'worst ratio', LEVELS_HEADER, 'tightness'], rows, ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right']),
    '',
    `Counterexample files: ${reproduced} of ${result.replays.length} reproduced.`,
    ...result.replays.filter((r) => !r.reproduced).map((r) => `  ${r.file}: ${replayText(r)}`),
    ...findingLines(result.checks),
    ...(skipped.length === 0 ? [] : ['', 'Conjecture files not checked:', ...skipped.map((p) => `  ${p.message}`)]),
    '',
    ...LEVELS_LEGEND,
    'Tightness: [the largest fraction of the stated constant a construction reaches, the stated constant].',
  ];
  return lines.join('\n');
}
