/**
 * `samcheck` with no command (what `npm start` runs): the main job. Prints the verdict table (or
 * JSON), writes the HTML report, and exits 1 when a theorem card is violated, a check errs or a
 * counterexample file no longer reproduces (a falsified conjecture is a finding, not a failure).
 * With --shard i/n it runs one part of the job and writes that part for `samcheck report`.
 */
import { join } from 'node:path';
import { counterexampleFiles, requireReadable } from '../check/replay.js';
import { InputError } from '../errors.js';
import { auditsToShow } from '../audit/record.js';
import { jobUnits, runMainJob, selectableIds, selection, type MainJobResult, type MainJobSettings } from '../job/main-job.js';
import { constructionKey } from '../job/charts.js';
import { shardName, shardText, tasksOf, type Shard } from '../job/shard.js';
import { saveShardPart, SHARD_FORMAT, SHARD_VERSION, shardPartFile, shardsFolder } from '../job/shard-file.js';
import { allChecks, skippedFor, type SkippedConjecture, conjectureSources } from '../theorems/catalog.js';
import { jobExitCode, jobJson, jobTable, unsavedCounterexamples, writeReport } from './job-output.js';
import { EXIT_INTERRUPTED } from './exit-codes.js';
import { interruptedText, interruptible } from './interrupt.js';
import { packageVersion } from './version.js';
import { requireExistingFolder, requireWritableFolder } from './folders.js';
import { DEFAULT_STORE } from './replay.js';
import { lockFolder } from '../folder-lock.js';
import type { CliIO } from './io.js';
import { shardOption, wholeOption } from './options.js';
import { progressFor, withProgress } from './progress.js';
import { jobsOption, withPool } from '../parallel/pool.js';
import { precisionOption, seedOption } from './run.js';

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
  shard?: string;
}

export const DEFAULT_REPORT_FOLDER = 'report';

export async function mainCommand(options: MainOptions, io: CliIO): Promise<number> {
  // Every input is checked before the work starts: a job of minutes must not fail at its end.
  const only = options.only === undefined ? undefined : onlyOption(options.only);
  const runs = options.runs === undefined ? undefined : wholeOption('--runs', options.runs, 1, 1_000_000);
  const shard = options.shard === undefined ? undefined : shardOption(options.shard);
  // The shards' results make up one run only when every shard draws from the same seed.
  if (shard !== undefined && options.seed === undefined) {
    throw new InputError('--seed', undefined, `is required with --shard: the shards' parts make up one run only when every shard checks with the same seed (give every shard of the job the same --seed S)`);
  }
  if (shard !== undefined && options.report === false) {
    throw new InputError('--shard', options.shard, `needs a report folder: a shard writes its part to REPORT/shards/${shardName(shard)}.json for samcheck report (drop --no-report)`);
  }
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
  const command = rerunCommand(options, seed);
  // One job at a time writes a report's page (shards write parts of their own, side by side).
  const lock = reportFolder === null || shard !== undefined ? undefined : lockFolder('--report', reportFolder, command);
  try {
    if (lock?.tookOver !== undefined) io.err(`samcheck: ${reportFolder}: took over ${lock.tookOver}`);
    return await runAndWrite();
  } finally {
    lock?.release();
  }

  async function runAndWrite(): Promise<number> {
    const selected = selection(only, storeFiles);
    // A shard draws no chart and shows no audit: samcheck report does both, for the merged job.
    const audits = reportFolder === null || shard !== undefined ? { audits: [], problems: [] } : auditsToShow(join(reportFolder, 'audits'), selected.checks.map((c) => c.id));
    for (const problem of audits.problems) io.err(`samcheck: skipped an audit record: ${problem}`);
    const part = shard === undefined ? selected : shardOfJob(selected, shard);
    const skipped = skippedFor(only === undefined);
    const settings: MainJobSettings = {
      ...part,
      audits: audits.audits,
      runs,
      seed,
      precision,
      // New findings go beside the report, not into the store: a conjecture falsified on every run
      // would otherwise add a file to the regression suite each time. Move a file to keep it.
      ...(findings === undefined ? {} : { counterexampleFolder: findings }),
      charts: reportFolder !== null && shard === undefined,
    };
    const work =
      shard === undefined
        ? `${settings.checks.length} checks, ${settings.replayFiles.length} counterexample files`
        : `shard ${shardText(shard)}: ${settings.checks.length} of ${selected.checks.length} checks, ${settings.replayFiles.length} of ${selected.replayFiles.length} counterexample files`;
    io.err(`samcheck: ${work}, seed ${seed} (rerun: ${shard === undefined ? command : `${command} --shard ${shardText(shard)}`})`);
    const { result } = await interruptible(io, 'the running checks end their current case and the running replays finish', (stop) =>
      withProgress(progressFor(io, jobUnits(settings)), (progress) => withPool(jobs, { conjectureFolders: conjectureSources(), stop }, (pool) => runMainJob(settings, progress, pool))),
    );
    const environment = `Node ${process.version} on ${process.platform}/${process.arch}`;
    // What could not be written is said, and the table is printed all the same: nothing computed is lost.
    const notWritten: string[] = [];
    let written: Record<string, unknown> = { report: null };
    if (shard !== undefined && reportFolder !== null && result.interrupted !== undefined) {
      // samcheck report merges whole parts: a part with checks missing would read as a finished shard.
      notWritten.push(`the part of shard ${shardText(shard)} (interrupted: a shard's part must hold every check of the shard; rerun the shard)`);
    } else if (shard !== undefined && reportFolder !== null) {
      const saved = saveShard(io, reportFolder, shard, { selected, command, environment, result, skipped }, notWritten);
      written = { report: null, shard: { ...shard, file: saved } };
    } else if (reportFolder !== null) {
      const file = join(reportFolder, 'index.html');
      written = { report: file };
      notWritten.push(...writeReport(io, file, { result, cards: allChecks(), constructions: settings.constructions, command, generated: new Date(), environment }));
    }
    notWritten.push(...unsavedCounterexamples(result));
    const partText = shard === undefined ? undefined : `shard ${shardText(shard)}: ${result.checks.length} of ${selected.checks.length} checks, ${result.replays.length} of ${selected.replayFiles.length} counterexample files`;
    io.out(options.json ? jobJson(result, skipped, written) : jobTable(result, skipped, partText));
    if (notWritten.length > 0) io.err(`samcheck: NOT written: ${notWritten.join('; ')}`);
    for (const problem of skipped) io.err(`samcheck: not checked: ${problem.message}`);
    if (result.interrupted !== undefined) {
      io.err(`samcheck: ${interruptedText(result.interrupted)}`);
      return EXIT_INTERRUPTED;
    }
    return jobExitCode(result, notWritten, skipped.length > 0);
  }
}

/**
 * The checks and files of `shard`: the job's tasks are its checks, then its files replayed, and
 * the shard takes every n-th from the i-th. Its constructions are charted by samcheck report.
 */
function shardOfJob(selected: JobParts, shard: Shard): JobParts {
  const tasks = [...selected.checks.map((card) => ({ card })), ...selected.replayFiles.map((file) => ({ file }))];
  const own = tasksOf(tasks, shard);
  return {
    checks: own.flatMap((t) => ('card' in t ? [t.card] : [])),
    replayFiles: own.flatMap((t) => ('file' in t ? [t.file] : [])),
    constructions: [],
  };
}

type JobParts = Pick<MainJobSettings, 'checks' | 'replayFiles' | 'constructions'>;

/** Writes the shard's part (saying where, and whether it replaced an earlier one) and says how to build the report; returns the file. */
function saveShard(
  io: CliIO,
  reportFolder: string,
  shard: Shard,
  job: { selected: JobParts; command: string; environment: string; result: MainJobResult; skipped: readonly SkippedConjecture[] },
  notWritten: string[],
): string {
  const { selected, result } = job;
  const file = shardPartFile(reportFolder, shard);
  try {
    const saved = saveShardPart(reportFolder, {
      format: SHARD_FORMAT,
      version: SHARD_VERSION,
      samcheck: packageVersion(),
      shard,
      seed: result.seed,
      runs: result.runs,
      precision: result.precision,
      selection: { checks: selected.checks.map((c) => c.id), replayFiles: selected.replayFiles, constructions: selected.constructions.map(constructionKey) },
      command: job.command,
      environment: job.environment,
      checks: result.checks,
      replays: result.replays,
      skippedConjectures: job.skipped,
      seconds: result.seconds,
    });
    io.err(`shard ${shardText(shard)}: ${saved.file}${saved.replaced ? ' (replaced the earlier part of this shard)' : ''}`);
    io.err(
      `samcheck: no index.html for a shard (its page would be a partial report): with every shard's part in ${shardsFolder(reportFolder)}/, and the counterexamples/ and audits/ they found beside it, build the report with: npx samcheck report ${reportFolder}`,
    );
  } catch (error) {
    notWritten.push(`the part of shard ${shardText(shard)} ${file} (${error instanceof Error ? error.message : String(error)})`);
  }
  return file;
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
