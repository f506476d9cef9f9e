/**
 * Audit records: what `samcheck audit` found for a card, kept as JSON (one file per card, the
 * latest audit) so that the main job's report can show the search trace and the best instance.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replaceFile } from '../atomic-write.js';
import type { CaseSpec } from '../algorithms/case.js';
import type { Level } from '../check/verdict.js';
import { filesOf } from '../check/replay.js';
import type { AuditResult, TracePoint } from './audit.js';

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
  readonly seed: number;
  /** The search's time budget; null when it was a number of evaluations only. */
  readonly budgetSeconds: number | null;
  readonly seconds: number;
  /** The counterexample file written when the best case violates the card. */
  readonly counterexample: string | null;
}

export function auditRecord(result: AuditResult, budgetSeconds: number | null, counterexample: string | null): AuditRecord {
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
    budgetSeconds,
    seconds: result.seconds,
    counterexample,
  };
}

/** An audit's key: its card, and its constant when it audited one (its file name and report anchor). */
export function auditKey(a: Pick<AuditRecord, 'id' | 'constant'>): string {
  return a.constant ? `${a.id}.${a.constant}` : a.id;
}

/** Writes `folder/ID.json` (ID.c.json for a constant), replacing the previous such audit; returns the path and whether it replaced one. */
export function saveAuditRecord(folder: string, record: AuditRecord): { file: string; replaced: boolean } {
  const file = join(folder, `${auditKey(record)}.json`);
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
