/**
 * `samcheck` with no command (what `npm start` runs): the main job. Prints the verdict table (or
 * JSON), writes the HTML report, and exits 1 when a theorem card is violated, a check errs or a
 * counterexample file no longer reproduces (a falsified conjecture is a finding, not a failure).
 */
import { join } from 'node:path';
import { replaceFile } from '../atomic-write.js';
import { counterexampleFiles } from '../check/replay.js';
import { readAuditRecords } from '../audit/record.js';
import { jobUnits, runMainJob, selection, type MainJobResult, type MainJobSettings } from '../job/main-job.js';
import { formatJson } from '../report/json.js';
import { reportPage } from '../report/html/page.js';
import { replayText } from '../report/replay.js';
import { renderTable } from '../report/text.js';
import { findingLines, LEVELS_HEADER, LEVELS_LEGEND, levelsText, tightnessInterval, worstText } from '../report/verdicts.js';
import { allChecks } from '../theorems/catalog.js';
import type { CliIO } from './io.js';
import { wholeOption } from './options.js';
import { barProgress, lineProgress } from './progress.js';
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
}

export const DEFAULT_REPORT_FOLDER = 'report';

export async function mainCommand(options: MainOptions, io: CliIO): Promise<number> {
  const only = options.only === undefined ? undefined : options.only.split(',').map((id) => id.trim()).filter((id) => id !== '');
  const runs = options.runs === undefined ? undefined : wholeOption('--runs', options.runs, 1, 1_000_000);
  const seed = seedOption(options.seed);
  const precision = precisionOption(options.precision);
  const store = options.counterexamples ?? 'counterexamples';
  const reportFolder = options.report === false ? null : (options.report ?? DEFAULT_REPORT_FOLDER);
  const audits = reportFolder === null ? { records: [], problems: [] } : readAuditRecords(join(reportFolder, 'audits'));
  for (const problem of audits.problems) io.err(`samcheck: skipped an audit record: ${problem}`);
  const selected = selection(only, counterexampleFiles(store));
  const settings: MainJobSettings = {
    ...selected,
    audits: audits.records.filter((r) => selected.checks.some((c) => c.id === r.id)),
    runs,
    seed,
    precision,
    // New findings go beside the report, not into the store: a conjecture falsified on every run
    // would otherwise add a file to the regression suite each time. Move a file to keep it.
    ...(reportFolder === null ? {} : { counterexampleFolder: join(reportFolder, 'counterexamples') }),
    charts: reportFolder !== null,
  };
  const command = rerunCommand(options, seed);
  io.err(`samcheck: ${settings.checks.length} checks, ${settings.replayFiles.length} counterexample files, seed ${seed} (rerun: ${command})`);
  const progress = io.terminal ? barProgress(io.terminal, jobUnits(settings)) : lineProgress(io);
  let result: MainJobResult;
  try {
    result = await runMainJob(settings, progress);
  } finally {
    progress.close();
  }
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
    const replaced = replaceFile(file, page);
    io.err(`report: ${file}${replaced ? ' (replaced the previous report)' : ''}`);
  }
  io.out(options.json ? jobJson(result, reportFolder) : jobTable(result));
  return failed(result.checks) || result.replays.some((r) => !r.reproduced) ? 1 : 0;
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

function jobJson(result: MainJobResult, reportFolder: string | null): string {
  const { cardFigures: _c, constructionFigures: _f, auditFigures: _a, audits, ...rest } = result;
  const auditSummaries = audits.map((a) => ({ id: a.id, bestRatio: a.bestRatio, level: a.level, evaluations: a.evaluations, seconds: a.seconds }));
  return formatJson({ ...rest, audits: auditSummaries, report: reportFolder === null ? null : join(reportFolder, 'index.html') });
}

function jobTable(result: MainJobResult): string {
  const rows = result.checks.map((c) => {
    const card = allChecks().find((k) => k.id === c.id)!;
    return [c.id, card.title, c.status, String(c.cases), worstText(c), levelsText(c), tightnessInterval(c)];
  });
  const reproduced = result.replays.filter((r) => r.reproduced).length;
  const lines = [
    `samcheck: seed ${result.seed}, ${result.runs ?? 'default'} cases per check, verification at ${result.precision} and ${2 * result.precision} digits, ${result.seconds} s`,
    '',
    renderTable(['ID', 'claim', 'status', 'cases', 'worst ratio', LEVELS_HEADER, 'tightness'], rows, ['left', 'left', 'left', 'right', 'right', 'right', 'right']),
    '',
    `Counterexample files: ${reproduced} of ${result.replays.length} reproduced.`,
    ...result.replays.filter((r) => !r.reproduced).map((r) => `  ${r.file}: ${replayText(r)}`),
    ...findingLines(result.checks),
    '',
    ...LEVELS_LEGEND,
    'Tightness: [the largest fraction of the stated constant a construction reaches, the stated constant].',
  ];
  return lines.join('\n');
}
