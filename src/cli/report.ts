/**
 * `samcheck report [DIR]`: the report of a job run in shards. Each `samcheck --shard i/n --seed S
 * --report DIR` writes its part to DIR/shards/; with every part (and the shards' counterexamples/
 * and audits/) copied into one DIR, this checks that the parts are of one job, merges them into
 * the job's order, draws the charts, writes DIR/index.html and prints the table (or the JSON) the
 * main job would have printed, with its exit code. Missing shards are named, on stderr and on the
 * page, and the report of the others is written all the same.
 */
import { join } from 'node:path';
import { auditsToShow } from '../audit/record.js';
import { CONSTRUCTIONS } from '../constructions/catalog.js';
import type { ConstructionCase } from '../constructions/construction.js';
import { InputError } from '../errors.js';
import { chartCount, constructionKey, drawCharts } from '../job/charts.js';
import { classWideResults } from '../interpolation/files.js';
import type { MainJobResult } from '../job/main-job.js';
import { shardText } from '../job/shard.js';
import { readShardParts, shardsFolder, type ReadPart } from '../job/shard-file.js';
import { mergeShards, missingPartFiles, requireOneJob, type MergedShards } from '../job/shard-merge.js';
import type { Card } from '../theorems/card.js';
import { allChecks } from '../theorems/catalog.js';
import { requireExistingFolder, requireWritableFolder } from './folders.js';
import { lockFolder } from '../folder-lock.js';
import type { CliIO } from './io.js';
import { jobExitCode, jobJson, jobTable, unsavedCounterexamples, writeReport } from './job-output.js';
import { DEFAULT_REPORT_FOLDER } from './main.js';
import { progressFor, withProgress } from './progress.js';

export interface ReportOptions {
  json?: boolean;
}

/** Returns the main job's exit code for the merged result; 2 as well when shards are missing. */
export async function reportCommand(dir: string | undefined, options: ReportOptions, io: CliIO): Promise<number> {
  const folder = dir ?? DEFAULT_REPORT_FOLDER;
  requireExistingFolder('DIR', folder);
  requireWritableFolder('DIR', folder);
  const lock = lockFolder('DIR', folder, `npx samcheck report ${folder}`);
  try {
    if (lock.tookOver !== undefined) io.err(`samcheck report: ${folder}: took over ${lock.tookOver}`);
    return await mergeAndWrite(folder, options, io);
  } finally {
    lock.release();
  }
}

/** The report of the shards' parts in `folder` (the folder is this process's: lockFolder). */
async function mergeAndWrite(folder: string, options: ReportOptions, io: CliIO): Promise<number> {
  const parts = readShardParts(folder);
  requireOneJob(parts);
  const merged = mergeShards(parts);
  const { job } = merged;
  // Every check and construction must be known here before anything is drawn or written.
  const cards = job.selection.checks.map((id) => knownCheck(id, parts));
  const constructions = job.selection.constructions.map((key) => knownConstruction(key, parts));
  const { audits, problems } = auditsToShow(join(folder, 'audits'), job.selection.checks);
  for (const problem of problems) io.err(`samcheck: skipped an audit record: ${problem}`);
  io.err(`samcheck report: ${parts.length} of ${merged.count} shards of seed ${job.seed} in ${shardsFolder(folder)}/ (rerun in one go: ${job.command})`);
  const incomplete = merged.missing.length === 0 ? undefined : missingText(folder, merged);

  const sources = { checks: merged.checks, cards, constructions, audits: audits.map((a) => a.best), classWide: classWideResults(merged.replays) };
  const figures = await withProgress(progressFor(io, chartCount(sources)), (progress) => drawCharts(sources, progress));
  const result: MainJobResult = {
    seed: job.seed,
    runs: job.runs,
    precision: job.precision,
    checks: merged.checks,
    replays: merged.replays,
    ...figures,
    audits,
    seconds: merged.seconds,
  };
  const file = join(folder, 'index.html');
  const notWritten: string[] = [];
  const reportProblems = writeReport(io, file, {
    result,
    cards: allChecks(),
    constructions,
    command: job.command,
    generated: new Date(),
    environment: merged.environments.join('; '),
    shards: { count: merged.count, present: parts.length, ...(incomplete === undefined ? {} : { incomplete }) },
  });
  notWritten.push(...reportProblems);
  notWritten.push(...unsavedCounterexamples(result));
  const skipped = merged.skippedConjectures;
  const missing = merged.missing.map(shardText);
  const part = `merged from ${parts.length} of ${merged.count} shards${missing.length === 0 ? '' : ` (missing: ${missing.join(', ')})`}`;
  io.out(options.json ? jobJson(result, skipped, { report: file, ...(missing.length === 0 ? {} : { missingShards: missing }) }) : jobTable(result, skipped, part));
  if (notWritten.length > 0) io.err(`samcheck: NOT written: ${notWritten.join('; ')}`);
  for (const p of skipped) io.err(`samcheck: not checked: ${p.message}`);
  if (incomplete !== undefined) io.err(`samcheck report: incomplete: ${incomplete}`);
  return jobExitCode(result, notWritten, skipped.length > 0 || incomplete !== undefined);
}

/** Which shards are missing, where their parts belong, and what the report lacks without them. */
function missingText(folder: string, merged: MergedShards): string {
  const shards = merged.missing.map(shardText);
  const files = merged.missingReplays;
  const lacks = [
    merged.missingChecks.length > 0 ? `the check${merged.missingChecks.length === 1 ? '' : 's'} ${merged.missingChecks.join(', ')}` : '',
    files.length > 0 ? `the replay${files.length === 1 ? '' : 's'} of ${files.length <= 3 ? files.join(', ') : `${files.slice(0, 3).join(', ')} and ${files.length - 3} more counterexample files`}` : '',
  ].filter((s) => s !== '');
  return `shard${shards.length === 1 ? '' : 's'} ${shards.join(', ')} ${shards.length === 1 ? 'is' : 'are'} missing (${missingPartFiles(folder, merged).join(', ')}), so this report lacks ${lacks.join(' and ') || 'no check or file (they had none)'}`;
}

function knownCheck(id: string, parts: readonly ReadPart[]): Card {
  const card = allChecks().find((c) => c.id === id);
  if (card === undefined) {
    throw new InputError('check', id, '', `${parts[0]!.file} names the check ${id}, which this samcheck does not know: a conjecture of your own is loaded with --conjectures DIR, as the shards loaded it`);
  }
  return card;
}

function knownConstruction(key: string, parts: readonly ReadPart[]): ConstructionCase {
  const construction = CONSTRUCTIONS.find((c) => constructionKey(c) === key);
  if (construction === undefined) throw new InputError('construction', key, '', `${parts[0]!.file} names the construction ${key}, which this samcheck does not have`);
  return construction;
}
