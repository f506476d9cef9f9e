/**
 * A shard's part of the main job as a file, REPORT/shards/i-of-n.json, which `samcheck report`
 * merges with the other parts into one report. Versioned like the other files samcheck writes
 * (`format` and `version` say what it is; a reader refuses anything else), and written atomically.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replaceFile } from '../atomic-write.js';
import type { CheckedCard } from '../check/check-all.js';
import { filesOf, type ReplayResult } from '../check/replay.js';
import { InputError } from '../errors.js';
import { MAX_SEED } from '../random/seeded.js';
import type { SkippedConjecture } from '../theorems/catalog.js';
import { MAX_SHARDS, shardName, type Shard } from './shard.js';

export const SHARD_FORMAT = 'samcheck-shard';
export const SHARD_VERSION = 1;

/** The whole job's work, not only one shard's: what the shards of one report share. */
export interface JobSelection {
  /** The checks' IDs, in the job's order. */
  readonly checks: readonly string[];
  /** The counterexample files replayed, in the job's order (after the checks). */
  readonly replayFiles: readonly string[];
  /** The constructions charted (by their keys in the report). */
  readonly constructions: readonly string[];
}

export interface ShardPart {
  readonly format: typeof SHARD_FORMAT;
  readonly version: typeof SHARD_VERSION;
  /** The version of samcheck that ran it: another version may check other cases for a seed. */
  readonly samcheck: string;
  readonly shard: Shard;
  readonly seed: number;
  readonly runs: number | null;
  readonly precision: number;
  readonly selection: JobSelection;
  /** The command that reruns the whole job on one machine. */
  readonly command: string;
  /** Node, platform and architecture of the machine that ran it. */
  readonly environment: string;
  /** This shard's results, in the job's order. */
  readonly checks: readonly CheckedCard[];
  readonly replays: readonly ReplayResult[];
  /** The conjecture files this shard could not load (its checks could not include them). */
  readonly skippedConjectures: readonly SkippedConjecture[];
  readonly seconds: number;
}

/** A part as read, with the file it came from (every message about it names the file). */
export interface ReadPart {
  readonly file: string;
  readonly part: ShardPart;
}

/** Where shard i/n of the job whose report goes to `reportFolder` keeps its part. */
export function shardPartFile(reportFolder: string, shard: Shard): string {
  return join(shardsFolder(reportFolder), `${shardName(shard)}.json`);
}

export function shardsFolder(reportFolder: string): string {
  return join(reportFolder, 'shards');
}

/** Writes the part in one step; returns its path and whether it replaced an earlier part of the same shard. */
export function saveShardPart(reportFolder: string, part: ShardPart): { file: string; replaced: boolean } {
  const file = shardPartFile(reportFolder, part.shard);
  return { file, replaced: replaceFile(file, `${encode(part)}\n`) };
}

/**
 * Every part in REPORT/shards/, by file name. A file that cannot be read, or is not a shard
 * part of this version, is bad input: the report would otherwise leave out work silently.
 */
export function readShardParts(reportFolder: string): ReadPart[] {
  const folder = shardsFolder(reportFolder);
  const files = filesOf(folder, (n) => n.endsWith('.json') && !n.startsWith('.'));
  if (files.length === 0) {
    throw new InputError('DIR', reportFolder, `must hold the shards' parts in ${folder}/ (written by npx samcheck --shard i/n --seed S --report ${reportFolder}); there is none`);
  }
  return files.map((file) => ({ file, part: readShardPart(file) }));
}

function readShardPart(file: string): ShardPart {
  let value: unknown;
  try {
    value = decode(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InputError(file, undefined, '', `invalid shard file ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const problem = shapeProblem(value);
  if (problem !== undefined) throw new InputError(file, undefined, '', `invalid shard file ${file}: ${problem}`);
  return value as ShardPart;
}

/** What makes `value` not a part of this format and version, or undefined. */
function shapeProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'not a JSON object';
  const v = value as Record<string, unknown>;
  if (v.format !== SHARD_FORMAT || v.version !== SHARD_VERSION) {
    return `not a ${SHARD_FORMAT} file of version ${SHARD_VERSION} (format ${JSON.stringify(v.format)}, version ${JSON.stringify(v.version)})`;
  }
  const shard = v.shard as Partial<Shard> | undefined;
  const whole = (n: unknown, min: number, max: number) => typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;
  if (!(shard && whole(shard.count, 1, MAX_SHARDS) && whole(shard.index, 1, shard.count!))) return `shard must be { index, count } with 1 <= index <= count <= ${MAX_SHARDS}`;
  if (!whole(v.seed, 0, MAX_SEED)) return `seed must be a whole number from 0 to ${MAX_SEED}`;
  if (!(v.runs === null || whole(v.runs, 1, Infinity))) return 'runs must be a whole number or null';
  if (!whole(v.precision, 1, Infinity)) return 'precision must be a whole number';
  const selection = v.selection as Partial<JobSelection> | undefined;
  const strings = (list: unknown) => Array.isArray(list) && list.every((s) => typeof s === 'string');
  if (!(selection && strings(selection.checks) && strings(selection.replayFiles) && strings(selection.constructions))) return 'selection must list checks, replayFiles and constructions';
  for (const field of ['checks', 'replays', 'skippedConjectures'] as const) if (!Array.isArray(v[field])) return `${field} must be a list`;
  for (const field of ['samcheck', 'command', 'environment'] as const) if (typeof v[field] !== 'string') return `${field} must be a string`;
  if (typeof v.seconds !== 'number') return 'seconds must be a number';
  return undefined;
}

/**
 * JSON has no Infinity or NaN, and a result may hold them (a diverged run's ratio is Infinity):
 * they are written as {"$number": "Infinity"}, an object no result holds otherwise, so that the
 * merged report shows what the shard saw.
 */
const NON_FINITE = '$number';

function encode(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? { [NON_FINITE]: String(v) } : v), 2);
}

function decode(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    const keys = Object.keys(v);
    return keys.length === 1 && keys[0] === NON_FINITE ? Number((v as Record<string, string>)[NON_FINITE]) : v;
  });
}
