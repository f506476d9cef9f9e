/**
 * `samcheck audit ID [--budget 60s] [--seed S] [--json]`: search for the case that comes closest
 * to (or beyond) a card's bound (src/audit/audit.ts), and keep what was found: a counterexample
 * file when the confirmed best case violates the card, an audit record otherwise (both when it
 * does, so the report can show the trace).
 */
import { join } from 'node:path';
import { isStochasticSpec } from '../algorithms/case.js';
import { auditCard, type AuditResult, type Phase } from '../audit/audit.js';
import { auditRecord, saveAuditRecord } from '../audit/record.js';
import { saveCounterexample } from '../check/counterexamples.js';
import { InputError } from '../errors.js';
import { describeRun } from '../report/describe.js';
import { formatJson } from '../report/json.js';
import { showRatio } from '../report/text.js';
import { cardById } from '../theorems/catalog.js';
import { requireConstant } from '../check/observe.js';
import type { CliIO } from './io.js';
import { DEFAULT_REPORT_FOLDER } from './main.js';
import { wholeOption } from './options.js';
import { precisionOption, seedOption } from './run.js';

export interface AuditOptions {
  budget?: string;
  seed?: string;
  evaluations?: string;
  precision?: string;
  json?: boolean;
  audits?: string;
  counterexamples?: string;
  constant?: string;
}

export const DEFAULT_BUDGET = '60s';
export const DEFAULT_AUDIT_FOLDER = join(DEFAULT_REPORT_FOLDER, 'audits');
const MAX_BUDGET_MS = 24 * 3600 * 1000;

/** "60s", "2m", "500ms" or "90" (seconds), as milliseconds. */
export function parseBudget(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/.exec(text);
  const ms = match ? Number(match[1]) * (match[2] === 'ms' ? 1 : match[2] === 'm' ? 60_000 : 1000) : NaN;
  if (!(ms > 0 && ms <= MAX_BUDGET_MS)) throw new InputError('--budget', text, 'must be a duration such as 60s, 2m or 500ms, at most 24 hours');
  return ms;
}

/** Returns the exit code: 1 when the best case violates a theorem card. */
export function auditCommand(id: string, options: AuditOptions, io: CliIO): number {
  const card = cardById(id);
  if (card.scope === 'limit') throw new InputError('ID', id, 'is a limit claim; an audit needs a bound (observed/bound)');
  const budgetMs = parseBudget(options.budget ?? DEFAULT_BUDGET);
  const seed = seedOption(options.seed);
  const maxEvaluations = options.evaluations === undefined ? undefined : wholeOption('--evaluations', options.evaluations, 1, 1e9);
  const precision = precisionOption(options.precision);
  if (options.constant !== undefined) requireConstant(card, options.constant, '--constant'); // now, not after the search
  io.err(`samcheck audit ${id}${options.constant ? ` (constant ${options.constant})` : ''}: budget ${budgetMs / 1000} s${maxEvaluations ? ` or ${maxEvaluations} evaluations` : ''}, seed ${seed}`);
  const status = statusLine(io, id, budgetMs);
  const constant = options.constant;
  const result = auditCard(card, { budgetMs, seed, maxEvaluations, precision, onProgress: status.update, ...(constant === undefined ? {} : { constant }) });
  status.done(result);

  let counterexample: string | null = null;
  // A threshold above the stated constant is a violation of the card itself: saved as such.
  if (result.verdict.holds === false && result.constant === undefined) {
    const c = result.verdict.confidence;
    counterexample = saveCounterexample(options.counterexamples ?? 'counterexamples', {
      kind: 'found',
      claims: [{ card: card.id, relation: 'violates' }],
      run: result.instance,
      arithmetic: isStochasticSpec(result.instance) ? { backend: 'float64' } : { backend: 'decimal', precision },
      observed: { ratio: result.verdict.ratioText, at: result.verdict.at, level: result.verdict.level, ...(c ? { alpha: c.alpha } : {}) },
    });
  }
  const record = auditRecord(result, budgetMs / 1000, counterexample);
  const saved = saveAuditRecord(options.audits ?? DEFAULT_AUDIT_FOLDER, record);
  io.err(`audit record: ${saved.file}${saved.replaced ? ' (replaced the previous audit of this card)' : ''}`);
  if (options.json) {
    const { format: _f, version: _v, ...fields } = record;
    io.out(formatJson({ ...fields, record: saved.file }));
  } else {
    io.out(auditText(result, counterexample, saved.file));
  }
  return result.verdict.holds === false && card.kind !== 'conjecture' ? 1 : 0;
}

function auditText(r: AuditResult, counterexample: string | null, record: string): string {
  const c = r.verdict.confidence;
  const [constructed] = r.tightness;
  const what = r.constant === undefined ? 'best ratio' : `the constant ${r.constant}: the most demanding case needs a fraction`;
  const lines = [
    `${r.id}: ${what} ${showRatio(String(r.bestRatio))} (${r.verdict.level}${c ? `, lower confidence bound ${showRatio(String(Number(c.lower) / Number(c.bound)))} on ${c.paths} fresh paths` : ''}); the float64 search saw ${showRatio(String(r.searchRatio))}`,
    `  ${r.verdict.holds === false ? 'VIOLATES the card' : r.verdict.holds === undefined ? 'undecided' : 'the card holds on it'}; ${r.evaluations} evaluations in ${r.seconds} s (seed ${r.seed})`,
    `  instance: ${describeRun(r.instance)}`,
    `  tightness: [${constructed === null ? 'no construction' : Number(constructed.toPrecision(6))}, 1]; this audit reaches ${showRatio(String(r.bestRatio))} of the stated constant`,
    `  trace (evaluation: best ratio): ${thinTrace(r).map((t) => `${t.evaluation}: ${showRatio(String(t.ratio))}`).join(', ')}`,
    `  record: ${record}`,
  ];
  if (counterexample) lines.push(`  counterexample: ${counterexample}`, `  replay: npx samcheck replay ${counterexample}`);
  return lines.join('\n');
}

function thinTrace(r: AuditResult) {
  const t = r.trace;
  return t.length <= 8 ? t : [...t.slice(0, 3), ...t.slice(-5)];
}

/** Progress: a line redrawn in place on a terminal; otherwise a line at each phase and each tenth of the budget. */
function statusLine(io: CliIO, id: string, budgetMs: number) {
  const started = performance.now();
  let lastDraw = 0;
  let lastTenth = 0;
  let lastPhase: Phase | undefined;
  const text = (evaluations: number, best: number, phase: Phase) => {
    const percent = Math.min(100, Math.floor(((performance.now() - started) / budgetMs) * 100));
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
      const tenth = Math.floor(((now - started) / budgetMs) * 10);
      if (phase !== lastPhase || tenth > lastTenth) io.err(text(evaluations, best, phase));
      lastPhase = phase;
      lastTenth = tenth;
    },
    done(result: AuditResult) {
      if (io.terminal) io.terminal.write('\r\x1b[K');
      io.err(`audit ${id}: ${result.evaluations} evaluations; confirming the best cases took ${(result.seconds - budgetMs / 1000).toFixed(1)} s more`);
    },
  };
}

