/**
 * The shards' parts of one job put back together (`samcheck report`): the parts must be of one
 * job (same samcheck, seed, runs, precision, number of shards and selection; no shard twice),
 * and their results are merged into the unsharded job's order. Missing shards are named, with
 * the checks and files they would have brought; what the others brought is merged all the same.
 */
import type { CheckedCard } from '../check/check-all.js';
import type { ReplayResult } from '../check/replay.js';
import { InputError } from '../errors.js';
import type { SkippedConjecture } from '../theorems/catalog.js';
import { inShard, shardText, unshard, type Shard } from './shard.js';
import { shardPartFile, type ReadPart, type ShardPart } from './shard-file.js';

export interface MergedShards {
  /** The first part (by shard): the seed, runs, precision, selection and command all parts share. */
  readonly job: ShardPart;
  readonly count: number;
  readonly missing: readonly Shard[];
  /** The checks and files of the missing shards, which the merged results lack. */
  readonly missingChecks: readonly string[];
  readonly missingReplays: readonly string[];
  readonly checks: CheckedCard[];
  readonly replays: ReplayResult[];
  /** The conjecture files any shard could not load, once each. */
  readonly skippedConjectures: SkippedConjecture[];
  /** The parts' times added: what the job took on one machine of theirs, about. */
  readonly seconds: number;
  /** The machines the parts ran on, once each. */
  readonly environments: string[];
}

const SAME_JOB = 'every shard of a report is run with the same --seed, --runs, --precision and --only, on the same counterexample store, by the same samcheck';

/** What two parts of one job must share: how it reads in a message, for a value or for a list. */
const SHARED: readonly { readonly what: string; readonly value: (p: ShardPart) => number | string | null | readonly string[] }[] = [
  { what: 'samcheck', value: (p) => p.samcheck },
  { what: 'seed', value: (p) => p.seed },
  { what: '--runs', value: (p) => p.runs },
  { what: '--precision', value: (p) => p.precision },
  { what: 'number of shards', value: (p) => p.shard.count },
  { what: 'checks', value: (p) => p.selection.checks },
  { what: 'counterexample files', value: (p) => p.selection.replayFiles },
  { what: 'constructions', value: (p) => p.selection.constructions },
];

/** Refuses parts that are not of one job, or a shard given twice, naming the two files and what differs. */
export function requireOneJob(parts: readonly ReadPart[]): void {
  const [first, ...others] = parts;
  if (first === undefined) return;
  for (const other of others) {
    for (const { what, value } of SHARED) {
      const a = value(first.part);
      const b = value(other.part);
      if (sameValue(a, b)) continue;
      const differs = Array.isArray(a)
        ? `the shards ${first.file} and ${other.file} are not parts of one job: their ${what} differ (${listDifference(a, b as readonly string[])})`
        : `the shards are not parts of one job: ${first.file} has ${what} ${show(a)} and ${other.file} has ${what} ${show(b)}`;
      throw new InputError('shards', [first.file, other.file], SAME_JOB, `${differs}; ${SAME_JOB}`);
    }
  }
  const byShard = new Map<number, string>();
  for (const { file, part } of parts) {
    const earlier = byShard.get(part.shard.index);
    if (earlier !== undefined) {
      throw new InputError('shards', [earlier, file], 'no shard twice', `${earlier} and ${file} both hold shard ${shardText(part.shard)}: a shard counts once; remove the file that should not`);
    }
    byShard.set(part.shard.index, file);
  }
}

/**
 * The parts (of one job: requireOneJob) merged into the job's order: task k (the checks, then the
 * files replayed) is the next result of shard (k mod n) + 1. Refuses a part whose results are not
 * its shard's tasks.
 */
export function mergeShards(parts: readonly ReadPart[]): MergedShards {
  const sorted = [...parts].sort((a, b) => a.part.shard.index - b.part.shard.index);
  const job = sorted[0]!.part;
  const count = job.shard.count;
  const { checks: checkIds, replayFiles } = job.selection;
  const tasks = checkIds.length + replayFiles.length;
  const taskName = (k: number) => (k < checkIds.length ? `the check ${checkIds[k]}` : `the replay of ${replayFiles[k - checkIds.length]}`);
  const results = new Map<number, readonly (CheckedCard | ReplayResult)[]>();
  for (const { file, part } of sorted) {
    const own = [...part.checks, ...part.replays];
    const expected = Array.from({ length: tasks }, (_, k) => k).filter((k) => inShard(k, part.shard));
    const expectedChecks = expected.filter((k) => k < checkIds.length).length;
    const sizesMatch = part.checks.length === expectedChecks && part.replays.length === expected.length - expectedChecks;
    const isTask = (k: number, result: CheckedCard | ReplayResult) =>
      k < checkIds.length ? (result as CheckedCard).id === checkIds[k] : (result as ReplayResult).file === replayFiles[k - checkIds.length];
    const misplaced = sizesMatch ? expected.findIndex((k, j) => !isTask(k, own[j]!)) : -1;
    if (!sizesMatch || misplaced !== -1) {
      const tasksText = `shard ${shardText(part.shard)} of this job has ${expectedChecks} checks and ${expected.length - expectedChecks} replays (${expected.map(taskName).join(', ') || 'none'})`;
      const found = sizesMatch ? `the file holds another result in place of ${taskName(expected[misplaced]!)}` : `the file holds ${part.checks.length} checks and ${part.replays.length} replays`;
      throw new InputError(file, undefined, tasksText, `invalid shard file ${file}: ${tasksText}; ${found}`);
    }
    results.set(part.shard.index, own);
  }
  const merged = unshard(tasks, count, results);
  const missing = Array.from({ length: count }, (_, i) => ({ index: i + 1, count })).filter((s) => !results.has(s.index));
  const absent = Array.from({ length: tasks }, (_, k) => k).filter((k) => merged[k] === undefined);
  const skipped = new Map<string, SkippedConjecture>();
  for (const { part } of sorted) for (const s of part.skippedConjectures) skipped.set(`${s.file}\n${s.message}`, s);
  return {
    job,
    count,
    missing,
    missingChecks: absent.filter((k) => k < checkIds.length).map((k) => checkIds[k]!),
    missingReplays: absent.filter((k) => k >= checkIds.length).map((k) => replayFiles[k - checkIds.length]!),
    checks: merged.slice(0, checkIds.length).filter((r) => r !== undefined) as CheckedCard[],
    replays: merged.slice(checkIds.length).filter((r) => r !== undefined) as ReplayResult[],
    skippedConjectures: [...skipped.values()],
    seconds: Number(sorted.reduce((sum, { part }) => sum + part.seconds, 0).toFixed(1)),
    environments: [...new Set(sorted.map(({ part }) => part.environment))],
  };
}

/** The files the missing shards would have written, for a message. */
export function missingPartFiles(reportFolder: string, merged: MergedShards): string[] {
  return merged.missing.map((shard) => shardPartFile(reportFolder, shard));
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function show(value: unknown): string {
  return value === null ? 'default' : String(value);
}

/** What two lists do not share, briefly; or that they differ in order only. */
function listDifference(a: readonly string[], b: readonly string[]): string {
  const onlyA = a.filter((x) => !b.includes(x));
  const onlyB = b.filter((x) => !a.includes(x));
  if (onlyA.length === 0 && onlyB.length === 0) return 'the same, in another order';
  const few = (list: readonly string[]) => (list.length <= 4 ? list.join(', ') : `${list.slice(0, 4).join(', ')} and ${list.length - 4} more`);
  return [onlyA.length > 0 ? `${few(onlyA)} only in the first` : '', onlyB.length > 0 ? `${few(onlyB)} only in the second` : ''].filter((s) => s !== '').join('; ');
}
