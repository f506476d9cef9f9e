/**
 * Audit records: what `samcheck audit` found for a card, kept as JSON (one file per card and
 * constant, the latest audit) so that the main job's report can show the search trace and the
 * best instance. A shard's search (--shard i/n) has a file of its own, ID.shard-i-of-n.json, so
 * that the shards never overwrite each other; the report shows the best search of a card and what
 * all of them did.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replaceFile } from '../atomic-write.js';
import type { CaseSpec } from '../algorithms/case.js';
import type { Level } from '../check/verdict.js';
import { filesOf } from '../check/replay.js';
import type { AuditResult, TracePoint } from './audit.js';
import { shardName, type Shard } from '../job/shard.js';

export const AUDIT_FORMAT = 'samcheck-audit';
export const AUDIT_VERSION = 1;

export interface AuditRecord {
  readonly format: typeof AUDIT_FORMAT;
  readonly version: typeof AUDIT_VERSION;
  readonly id: string;
  /** The constant audited (its needed fraction is bestRatio), or null for the ratio observed/bound. */
  readonly constant: string | null;
  readonly bestRatio: number;
  readonly searchRatio: number;
  readonly level: Level;
  /** Whether the card held on the best case (null: undecided). */
  readonly holds: boolean | null;
  /** For a statistical verdict: the mean, its lower confidence bound and the bound. */
  readonly confidence: { readonly paths: number; readonly mean: string; readonly lower: string; readonly bound: string } | null;
  readonly instance: CaseSpec;
  readonly evaluations: number;
  readonly trace: readonly TracePoint[];
  readonly tightness: readonly [number | null, 1];
  /** The seed of the search (for a shard's, the one derived from --seed and the shard). */
  readonly seed: number;
  /** For a shard's search only: which shard, and the --seed its own seed was derived from. */
  readonly shard?: AuditShard;
  /** The search's time budget; null when it was a number of evaluations only. */
  readonly budgetSeconds: number | null;
  readonly seconds: number;
  /** The counterexample file written when the best case violates the card. */
  readonly counterexample: string | null;
  /** Set when the search was stopped (Ctrl-C) before its budget was spent: `evaluations` says how far it got. */
  readonly interrupted?: true;
}

export interface AuditShard extends Shard {
  readonly baseSeed: number;
}

export function auditRecord(result: AuditResult, budgetSeconds: number | null, counterexample: string | null, shard?: AuditShard): AuditRecord {
  const c = result.verdict.confidence;
  return {
    format: AUDIT_FORMAT,
    version: AUDIT_VERSION,
    id: result.id,
    constant: result.constant ?? null,
    bestRatio: result.bestRatio,
    searchRatio: result.searchRatio,
    level: result.verdict.level,
    holds: result.verdict.holds ?? null,
    confidence: c ? { paths: c.paths, mean: c.mean, lower: c.lower, bound: c.bound } : null,
    instance: result.instance,
    evaluations: result.evaluations,
    trace: result.trace,
    tightness: result.tightness,
    seed: result.seed,
    ...(shard === undefined ? {} : { shard }),
    budgetSeconds,
    seconds: result.seconds,
    counterexample,
    ...(result.interrupted ? { interrupted: true as const } : {}),
  };
}

/** An audit's key: its card, and its constant when it audited one (its file name and report anchor). */
export function auditKey(a: Pick<AuditRecord, 'id' | 'constant'>): string {
  return a.constant ? `${a.id}.${a.constant}` : a.id;
}

/**
 * Writes `folder/ID.json` (ID.c.json for a constant; ID.shard-i-of-n.json for a shard's search),
 * replacing the previous such audit; returns the path and whether it replaced one.
 */
export function saveAuditRecord(folder: string, record: AuditRecord): { file: string; replaced: boolean } {
  const file = join(folder, `${auditKey(record)}${record.shard === undefined ? '' : `.shard-${shardName(record.shard)}`}.json`);
  return { file, replaced: replaceFile(file, `${JSON.stringify(record, null, 2)}\n`) };
}

/** The audit records of a folder (none when it does not exist); unreadable files are skipped and named. */
export function readAuditRecords(folder: string): { records: AuditRecord[]; problems: string[] } {
  const records: AuditRecord[] = [];
  const problems: string[] = [];
  for (const file of filesOf(folder, (n) => n.endsWith('.json') && !n.startsWith('.'))) {
    try {
      const record = JSON.parse(readFileSync(file, 'utf8')) as AuditRecord;
      if (record.format !== AUDIT_FORMAT || record.version !== AUDIT_VERSION) throw new Error(`not a ${AUDIT_FORMAT} file of version ${AUDIT_VERSION}`);
      records.push(record);
    } catch (error) {
      problems.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { records, problems };
}

/** A card's audits (of one constant, or of its ratio) as a report shows them. */
export interface AuditSummary {
  /** The search that came closest: the highest bestRatio. */
  readonly best: AuditRecord;
  /** How many searches there were (shards' and others'), and their evaluations added. */
  readonly searches: number;
  readonly evaluations: number;
}

/** The records grouped by card and constant (in the order first met), each group's best kept. */
export function summarizeAudits(records: readonly AuditRecord[]): AuditSummary[] {
  const groups = new Map<string, AuditRecord[]>();
  for (const record of records) groups.set(auditKey(record), [...(groups.get(auditKey(record)) ?? []), record]);
  return [...groups.values()].map((group) => ({
    best: group.reduce((best, r) => (rankOf(r) > rankOf(best) ? r : best)),
    searches: group.length,
    evaluations: group.reduce((sum, r) => sum + r.evaluations, 0),
  }));
}

/** A record's bestRatio for ranking; one JSON could not hold (null: Infinity or NaN when written) ranks last. */
function rankOf(record: AuditRecord): number {
  return typeof record.bestRatio === 'number' && !Number.isNaN(record.bestRatio) ? record.bestRatio : -Infinity;
}

/**
 * The audits a job's report shows, from `folder`: those of its checks, summarized per card and
 * constant; with the files that could not be read, to be named.
 */
export function auditsToShow(folder: string, checks: readonly string[]): { audits: AuditSummary[]; problems: string[] } {
  const { records, problems } = readAuditRecords(folder);
  return { audits: summarizeAudits(records.filter((r) => checks.includes(r.id))), problems };
}
