/**
 * `samcheck audit ID [--budget 60s] [--seed S] [--json]`: search for the case that comes closest
 * to (or beyond) a card's bound (src/audit/audit.ts), and keep what was found: a counterexample
 * file when the confirmed best case violates the card, an audit record otherwise (both when it
 * does, so the report can show the trace). An audit is one search and cannot be split: with
 * --shard i/n it is shard i's own search, from a seed derived from (--seed, i), kept in a record
 * of its own; the report shows the best of a card's searches.
 */
import { join } from 'node:path';
import { isStochasticSpec } from '../algorithms/case.js';
import { conjectureSources, replayCommandFor, skippedFor } from '../theorems/catalog.js';
import { auditOn } from '../parallel/jobs.js';
import { classAuditCommand } from './audit-class.js';
import { jobsOption, withPool } from '../parallel/pool.js';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK } from './exit-codes.js';
import { interruptible } from './interrupt.js';
import type { AuditResult, Phase } from '../audit/audit.js';
import { auditRecord, saveAuditRecord, type AuditShard } from '../audit/record.js';
import { shardSeed, shardText } from '../job/shard.js';
import { saveCounterexample } from '../check/counterexamples.js';
import { InputError } from '../errors.js';
import { describeRun } from '../report/describe.js';
import { formatJson } from '../report/json.js';
import { showRatio } from '../report/text.js';
import { checkById } from '../conjectures/lookup.js';
import { requireWritableFolder } from './folders.js';
import { requireConstant } from '../check/observe.js';
import type { CliIO } from './io.js';
import { DEFAULT_REPORT_FOLDER } from './main.js';
import { shardOption, wholeOption } from './options.js';
import { DEFAULT_FINDINGS_FOLDER, precisionOption, seedOption } from './run.js';

export interface AuditOptions {
  budget?: string;
  seed?: string;
  evaluations?: string;
  precision?: string;
  json?: boolean;
  audits?: string;
  saveTo?: string;
  constant?: string;
  jobs?: string;
  shard?: string;
  /** The class-wide search (audit-class.ts) and its instance. */
  class?: boolean;
  steps?: string;
  kappa?: string;
  etaBeta?: string;
  dim?: string;
}

export const DEFAULT_BUDGET = '60s';
export const DEFAULT_AUDIT_FOLDER = join(DEFAULT_REPORT_FOLDER, 'audits');
const MAX_BUDGET_MS = 24 * 3600 * 1000;

/** "60s", "2m", "1h" or "500ms", as milliseconds; a number without its unit is refused (60 what?). */
export function parseBudget(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)\s*$/.exec(text);
  const unit = match?.[2];
  const ms = match ? Number(match[1]) * (unit === 'ms' ? 1 : unit === 'm' ? 60_000 : unit === 'h' ? 3_600_000 : 1000) : NaN;
  if (!(ms > 0 && ms <= MAX_BUDGET_MS)) {
    const hint = /^\s*\d+(?:\.\d+)?\s*$/.test(text) ? ` (a unit is required: ${text.trim()}s?)` : '';
    throw new InputError('--budget', text, `must be a duration with its unit, such as 60s, 2m or 500ms, at most 24 hours${hint}`);
  }
  return ms;
}

/** Returns the exit code: 1 when the best case violates a theorem card. */
export async function auditCommand(id: string, options: AuditOptions, io: CliIO): Promise<number> {
  const card = checkById(id);
  if (options.class) {
    for (const [option, given] of [['--budget', options.budget], ['--jobs', options.jobs], ['--shard', options.shard]] as const) {
      if (given !== undefined) throw new InputError(option, given, 'does not apply to --class (a class-wide search runs in one thread for a number of --evaluations, and saves a certified file)');
    }
    return classAuditCommand(card, options, io);
  }
  for (const [option, given] of [['--steps', options.steps], ['--kappa', options.kappa], ['--eta-beta', options.etaBeta], ['--dim', options.dim]] as const) {
    if (given !== undefined) throw new InputError(option, given, 'applies to a class-wide audit: add --class');
  }
  if (card.scope === 'limit') throw new InputError('ID', id, 'is a limit claim; an audit needs a bound (observed/bound)');
  const maxEvaluations = options.evaluations === undefined ? undefined : wholeOption('--evaluations', options.evaluations, 1, 1e9);
  // --evaluations alone is a budget that is a count: the audit then repeats exactly on any machine.
  const budgetMs = options.budget === undefined && maxEvaluations !== undefined ? undefined : parseBudget(options.budget ?? DEFAULT_BUDGET);
  const shard = options.shard === undefined ? undefined : shardOption(options.shard);
  const baseSeed = seedOption(options.seed);
  // Not baseSeed + i: the shards of seed S and of seed S + 1 would repeat each other's searches.
  const seed = shard === undefined ? baseSeed : shardSeed(baseSeed, shard.index);
  const precision = precisionOption(options.precision);
  const jobs = jobsOption(options.jobs);
  if (options.constant !== undefined) requireConstant(card, options.constant, '--constant'); // now, not after the search
  const saveTo = options.saveTo ?? DEFAULT_FINDINGS_FOLDER;
  const auditsFolder = options.audits ?? DEFAULT_AUDIT_FOLDER;
  requireWritableFolder('--audits', auditsFolder);
  requireWritableFolder('--save-to', saveTo);
  const budgetText = [budgetMs === undefined ? undefined : `${budgetMs / 1000} s`, maxEvaluations === undefined ? undefined : `${maxEvaluations} evaluations`].filter(Boolean).join(' or ');
  const ofShard = shard === undefined ? '' : ` (shard ${shardText(shard)}: derived from --seed ${baseSeed})`;
  io.err(`samcheck audit ${id}${options.constant ? ` (constant ${options.constant})` : ''}: budget ${budgetText}, seed ${seed}${ofShard}`);
  const status = statusLine(io, id, budgetMs, maxEvaluations);
  const constant = options.constant;
  const auditOptions = { budgetMs, seed, maxEvaluations, precision, onProgress: status.update, ...(constant === undefined ? {} : { constant }) };
  // Its evaluations spread over the workers (one or more), with the same result for any number.
  const { result } = await interruptible(io, 'the search ends now and its best case is confirmed', (stop) =>
    withPool(jobs, { conjectureFolders: conjectureSources(), stop }, (pool) => auditOn(pool, card, { ...auditOptions, stop: stop.requested })),
  );
  status.done(result);

  let counterexample: string | null = null;
  // A threshold above the stated constant is a violation of the card itself: saved as such.
  if (result.verdict.holds === false && result.constant === undefined) {
    const c = result.verdict.confidence;
    counterexample = saveCounterexample(saveTo, {
      kind: 'found',
      claims: [{ card: card.id, relation: 'violates' }],
      run: result.instance,
      arithmetic: isStochasticSpec(result.instance) ? { backend: 'float64' } : { backend: 'decimal', precision },
      observed: { ratio: result.verdict.ratioText, at: result.verdict.at, level: result.verdict.level, ...(c ? { alpha: c.alpha } : {}) },
    });
  }
  const record = auditRecord(result, budgetMs === undefined ? null : budgetMs / 1000, counterexample, shard === undefined ? undefined : { ...shard, baseSeed });
  const saved = saveAuditRecord(auditsFolder, record);
  io.err(`audit record: ${saved.file}${saved.replaced ? ` (replaced the previous audit of this ${shard === undefined ? 'card' : 'shard'})` : ''}`);
  if (options.json) {
    const { format: _f, version: _v, ...fields } = record;
    io.out(formatJson({ ...fields, record: saved.file }));
  } else {
    io.out(auditText(result, counterexample, saved.file, record.shard));
  }
  const skipped = skippedFor(false);
  for (const problem of skipped) io.err(`samcheck: not loaded: ${problem.message}`);
  if (result.interrupted) {
    io.err(`samcheck: interrupted: the search stopped after ${result.evaluations} evaluations; its best case is recorded`);
    return EXIT_INTERRUPTED;
  }
  if (result.verdict.holds === false && card.kind !== 'conjecture') return EXIT_FAILED;
  return skipped.length > 0 ? EXIT_BAD_INPUT : EXIT_OK;
}

function auditText(r: AuditResult, counterexample: string | null, record: string, shard: AuditShard | undefined): string {
  const c = r.verdict.confidence;
  const [constructed] = r.tightness;
  const what = r.constant === undefined ? 'best ratio' : `the constant ${r.constant}: the most demanding case needs a fraction`;
  const lines = [
    ...(r.interrupted ? [`INTERRUPTED after ${r.evaluations} evaluations: the best case of the search so far`] : []),
    `${r.id}: ${what} ${showRatio(String(r.bestRatio))} (${r.verdict.level}${c ? `, lower confidence bound ${showRatio(String(Number(c.lower) / Number(c.bound)))} on ${c.paths} fresh paths` : ''}); the float64 search saw ${showRatio(String(r.searchRatio))}`,
    `  ${r.verdict.holds === false ? 'VIOLATES the card' : r.verdict.holds === undefined ? 'undecided' : 'the card holds on it'}; ${r.evaluations} evaluations in ${r.seconds} s (seed ${r.seed})`,
    `  instance: ${describeRun(r.instance)}`,
    `  tightness: [${constructed === null ? 'no construction' : Number(constructed.toPrecision(6))}, 1]; this audit reaches ${showRatio(String(r.bestRatio))} of the stated constant`,
    `  trace (evaluation: best ratio): ${thinTrace(r).map((t) => `${t.evaluation}: ${Number.isFinite(t.ratio) ? showRatio(String(t.ratio)) : 'none scorable'}`).join(', ')}`,
    `  record: ${record}`,
  ];
  if (shard) lines.push(`  shard ${shardText(shard)}: an independent search, its seed ${r.seed} derived from --seed ${shard.baseSeed}; the report shows the best of a card's searches`);
  if (counterexample) lines.push(`  counterexample: ${counterexample}`, `  replay: ${replayCommandFor(counterexample, r.id)}`);
  return lines.join('\n');
}

function thinTrace(r: AuditResult) {
  const t = r.trace;
  return t.length <= 8 ? t : [...t.slice(0, 3), ...t.slice(-5)];
}

/** Progress: a line redrawn in place on a terminal; otherwise a line at each phase and each tenth of the budget. */
function statusLine(io: CliIO, id: string, budgetMs: number | undefined, maxEvaluations: number | undefined) {
  const started = performance.now();
  let lastDraw = 0;
  let lastTenth = 0;
  let lastPhase: Phase | undefined;
  const text = (evaluations: number, best: number, phase: Phase) => {
    const share = budgetMs === undefined ? evaluations / maxEvaluations! : (performance.now() - started) / budgetMs;
    const percent = Math.min(100, Math.floor(share * 100));
    return `audit ${id}: ${percent}% of the budget, ${evaluations} evaluations, best ${Number.isFinite(best) ? showRatio(String(best)) : best} (${phase})`;
  };
  return {
    update({ evaluations, best, phase }: { evaluations: number; best: number; phase: Phase }) {
      const now = performance.now();
      if (io.terminal) {
        if (now - lastDraw < 100) return;
        lastDraw = now;
        io.terminal.write(`\r\x1b[K${text(evaluations, best, phase)}`);
        return;
      }
      const tenth = Math.floor((budgetMs === undefined ? evaluations / maxEvaluations! : (now - started) / budgetMs) * 10);
      if (phase !== lastPhase || tenth > lastTenth) io.err(text(evaluations, best, phase));
      lastPhase = phase;
      lastTenth = tenth;
    },
    done(result: AuditResult) {
      if (io.terminal) io.terminal.write('\r\x1b[K');
      io.err(`audit ${id}: ${result.evaluations} evaluations in ${result.seconds} s, confirmation included`);
    },
  };
}

