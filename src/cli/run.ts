/**
 * `samcheck run [ID ...]`: check theorem cards over their classes and print how sure each verdict is.
 */
import { randomInt } from 'node:crypto';
import { MAX_DECIMAL_PRECISION, MIN_DECIMAL_PRECISION } from '../arith/decimal.js';
import { float64 } from '../arith/float64.js';
import { join } from 'node:path';
import { constantsOf, DEFAULT_RUNS, runsFor, type CheckedCard } from '../check/check-all.js';
import { checkCards } from '../parallel/jobs.js';
import { jobsOption, withPool } from '../parallel/pool.js';
import { checkProgress } from '../job/main-job.js';
import { requireConstantValues } from '../check/admissible.js';
import type { CardReport } from '../check/check-card.js';
import { DEFAULT_VERIFY_PRECISION } from '../check/verdict.js';
import { cardConstants } from '../check/observe.js';
import { InputError } from '../errors.js';
import { MAX_SEED } from '../random/seeded.js';
import { formatJson } from '../report/json.js';
import { renderTable } from '../report/text.js';
import { constructionsText, findingLines, LEVELS_HEADER, LEVELS_LEGEND, levelsText, searchedText, worstInstanceText, worstText } from '../report/verdicts.js';
import { allChecks, conjectureSources, skippedFor, type SkippedConjecture } from '../theorems/catalog.js';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK } from './exit-codes.js';
import { interruptedText, interruptible } from './interrupt.js';
import { checkById } from '../conjectures/lookup.js';
import { requireWritableFolder } from './folders.js';
import { progressFor, withProgress } from './progress.js';
import type { CliIO } from './io.js';
import { shardOption, wholeOption } from './options.js';
import { shardText, tasksOf, type Shard } from '../job/shard.js';

export interface RunOptions {
  runs?: string;
  seed?: string;
  precision?: string;
  json?: boolean;
  constant?: string[];
  saveTo?: string;
  jobs?: string;
  shard?: string;
}

/** Where `run`, `audit` and the main job save what they find, unless told otherwise (not the regression store). */
export const DEFAULT_FINDINGS_FOLDER = join('report', 'counterexamples');

export interface RunSummary {
  readonly seed: number;
  /** The cases asked for; a check with a budget of its own uses it when none is asked for. */
  readonly runs: number | null;
  readonly precision: number;
  /** The part of the named checks this run made (--shard), absent when it made all. */
  readonly shard?: Shard;
  /** Present when the run was asked to stop (Ctrl-C): the checks it did not get to; `cards` are those that finished. */
  readonly interrupted?: { readonly checks: readonly string[] };
  readonly cards: CheckedCard[];
  readonly skippedConjectures?: readonly SkippedConjecture[];
}

/**
 * Runs the command and returns its exit code: 1 when a theorem card is violated or a check errs;
 * 2 when a conjecture file named could not be loaded or a finding could not be saved (the table
 * has it); 130 when interrupted.
 */
export async function runCommand(ids: string[], options: RunOptions, io: CliIO): Promise<number> {
  const named = ids.length === 0 ? allChecks() : ids.map((id) => checkById(id));
  const shard = options.shard === undefined ? undefined : shardOption(options.shard);
  // Every shard is given the same command line: the options are checked against all the named
  // cards, so that every shard accepts or refuses a command line alike.
  const cards = shard === undefined ? named : tasksOf(named, shard);
  const asked = options.runs === undefined ? undefined : wholeOption('--runs', options.runs, 1, 1_000_000);
  const seed = seedOption(options.seed);
  const precision = precisionOption(options.precision);
  const jobs = jobsOption(options.jobs);
  const constants = parseConstants(options.constant ?? []);
  for (const [name, value] of Object.entries(constants)) {
    if (!named.some((card) => name in card.constants)) {
      const known = named.map((card) => `${card.id}: ${Object.keys(card.constants).join(', ') || 'none'}`).join('; ');
      throw new InputError('--constant', `${name}=${value}`, `no selected card has a constant named ${name} (${known})`);
    }
  }
  // Every value is a number and obeys its card's rule (positive unless the card says otherwise), before any search.
  for (const card of named) {
    const own = constantsOf(card, constants);
    cardConstants(float64, card, own);
    requireConstantValues(card, own, (name) => `--constant ${name}`);
  }
  const saveTo = options.saveTo ?? DEFAULT_FINDINGS_FOLDER;
  requireWritableFolder('--save-to', saveTo);
  const units = cards.reduce((n, card) => n + runsFor(card, asked), 0);
  const which = shard === undefined ? `${cards.length} check${cards.length === 1 ? '' : 's'}` : `shard ${shardText(shard)}: ${cards.length} of ${named.length} checks${cards.length === 0 ? '' : ` (${cards.map((c) => c.id).join(', ')})`}`;
  io.err(`samcheck run: ${which}, seed ${seed}; findings go to ${saveTo}`);
  const {
    result: { checks: checked, notRun },
    interrupted,
  } = await interruptible(io, 'the running checks end their current case', (stop) =>
    withProgress(progressFor(io, units), (progress) =>
      withPool(jobs, { conjectureFolders: conjectureSources(), stop }, (pool) => checkCards(pool, cards, { runs: asked, seed, precision, constants, counterexampleFolder: saveTo }, checkProgress(progress))),
    ),
  );
  // With no IDs every conjecture was asked for: the files that could not be loaded were not checked.
  const skipped = skippedFor(ids.length === 0);
  const summary: RunSummary = {
    seed,
    runs: asked ?? null,
    precision,
    ...(shard === undefined ? {} : { shard }),
    ...(interrupted ? { interrupted: { checks: notRun.checks } } : {}),
    cards: checked,
    ...(skipped.length > 0 ? { skippedConjectures: skipped } : {}),
  };
  io.out(options.json ? formatJson(summary) : runTable(summary));
  const notSaved = checked.flatMap((c) => (c.counterexample?.notSaved ? [`the counterexample of ${c.id} (${c.counterexample.notSaved})`] : []));
  if (notSaved.length > 0) io.err(`samcheck: NOT written: ${notSaved.join('; ')}`);
  for (const problem of skipped) io.err(`samcheck: not checked: ${problem.message}`);
  if (interrupted) {
    io.err(`samcheck: ${interruptedText(notRun)}`);
    return EXIT_INTERRUPTED;
  }
  if (failed(summary.cards)) return EXIT_FAILED;
  return skipped.length > 0 || notSaved.length > 0 ? EXIT_BAD_INPUT : EXIT_OK;
}


/** Whether a theorem card was violated or a check erred (a falsified conjecture is a finding, not a failure). */
export function failed(cards: readonly CardReport[]): boolean {
  return cards.some((c) => c.status === 'violated' || c.status === 'error');
}

/** --seed, or a random one (printed by the callers). */
export function seedOption(text: string | undefined): number {
  return text === undefined ? randomInt(0, MAX_SEED) : wholeOption('--seed', text, 0, MAX_SEED);
}

export function precisionOption(text: string | undefined): number {
  return wholeOption('--precision', text ?? String(DEFAULT_VERIFY_PRECISION), MIN_DECIMAL_PRECISION, MAX_DECIMAL_PRECISION / 2);
}

/** "--constant c=0.5" (repeatable): applies to every named card that has a constant of that name. */
function parseConstants(assignments: readonly string[]): Record<string, string> {
  const constants: Record<string, string> = {};
  for (const assignment of assignments) {
    const match = /^([A-Za-z][A-Za-z0-9_]*)=(.+)$/.exec(assignment);
    if (!match) throw new InputError('--constant', assignment, 'must be NAME=VALUE, e.g. c=0.5');
    constants[match[1]!] = match[2]!;
  }
  return constants;
}

function runTable(summary: RunSummary): string {
  const rows = summary.cards.map((c) => [
    c.id,
    c.status,
    String(c.cases),
    searchedText(c),
    worstText(c),
    c.worst === null ? '-' : String(c.worst.at),
    c.worst === null ? '-' : c.worst.level,
    levelsText(c),
    constructionsText(c),
    worstInstanceText(c),
  ]);
  const lines = [
    `samcheck run: ${summary.runs ?? `${DEFAULT_RUNS} (or the check's own budget)`} cases per check, seed ${summary.seed}, verification at ${summary.precision} and ${2 * summary.precision} digits${summary.shard ? `, shard ${shardText(summary.shard)}` : ''}`,
    ...(summary.interrupted === undefined ? [] : [`INTERRUPTED: what finished; ${interruptedText({ checks: summary.interrupted.checks, files: [] }).replace(/^interrupted: /, '')}`]),
    '',
    renderTable(['card', 'status', 'cases', 'searched', 'worst ratio', 'at', 'level', LEVELS_HEADER, 'constructions', 'worst instance'], rows, [
      'left',
      'left',
      'right',
      'right',
      'right',
      'right',
      'left',
      'right',
      'right',
      'left',
    ]),
  ];
  lines.push(...findingLines(summary.cards), '', ...LEVELS_LEGEND);
  return lines.join('\n');
}
