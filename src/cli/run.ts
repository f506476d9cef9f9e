/**
 * `samcheck run [ID ...]`: check theorem cards over their classes and print how sure each verdict is.
 */
import { randomInt } from 'node:crypto';
import { MAX_DECIMAL_PRECISION, MIN_DECIMAL_PRECISION } from '../arith/decimal.js';
import { float64 } from '../arith/float64.js';
import { checkAll, constantsOf, DEFAULT_RUNS, type CheckedCard } from '../check/check-all.js';
import type { CardReport } from '../check/check-card.js';
import { DEFAULT_VERIFY_PRECISION } from '../check/verdict.js';
import { cardConstants } from '../check/observe.js';
import { InputError } from '../errors.js';
import { MAX_SEED } from '../random/seeded.js';
import { formatJson } from '../report/json.js';
import { renderTable } from '../report/text.js';
import { constructionsText, findingLines, LEVELS_HEADER, LEVELS_LEGEND, levelsText, worstInstanceText, worstText } from '../report/verdicts.js';
import { allChecks, cardById } from '../theorems/catalog.js';
import type { CliIO } from './io.js';
import { wholeOption } from './options.js';

export interface RunOptions {
  runs?: string;
  seed?: string;
  precision?: string;
  json?: boolean;
  constant?: string[];
  counterexamples?: string;
}

export interface RunSummary {
  readonly seed: number;
  /** The cases asked for; a check with a budget of its own uses it when none is asked for. */
  readonly runs: number | null;
  readonly precision: number;
  readonly cards: CheckedCard[];
}

/** Runs the command and returns its exit code: 1 when a theorem card is violated or a check errs. */
export function runCommand(ids: string[], options: RunOptions, io: CliIO): number {
  const cards = ids.length === 0 ? allChecks() : ids.map((id) => cardById(id));
  const asked = options.runs === undefined ? undefined : wholeOption('--runs', options.runs, 1, 1_000_000);
  const seed = seedOption(options.seed);
  const precision = precisionOption(options.precision);
  const constants = parseConstants(options.constant ?? []);
  for (const [name, value] of Object.entries(constants)) {
    if (!cards.some((card) => name in card.constants)) {
      const known = cards.map((card) => `${card.id}: ${Object.keys(card.constants).join(', ') || 'none'}`).join('; ');
      throw new InputError('--constant', `${name}=${value}`, `no selected card has a constant named ${name} (${known})`);
    }
  }
  for (const card of cards) cardConstants(float64, card, constantsOf(card, constants)); // every value is a number, before any search
  const checked = checkAll(
    cards,
    { runs: asked, seed, precision, constants, counterexampleFolder: options.counterexamples ?? 'counterexamples' },
    { onStart: (card, runs) => io.err(`checking ${card.id}: ${runs} cases (seed ${seed})`) },
  );
  const summary: RunSummary = { seed, runs: asked ?? null, precision, cards: checked };
  io.out(options.json ? formatJson(summary) : runTable(summary));
  return failed(summary.cards) ? 1 : 0;
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
    worstText(c),
    c.worst === null ? '-' : String(c.worst.at),
    c.worst === null ? '-' : c.worst.level,
    levelsText(c),
    constructionsText(c),
    worstInstanceText(c),
  ]);
  const lines = [
    `samcheck run: ${summary.runs ?? `${DEFAULT_RUNS} (or the check's own budget)`} cases per check, seed ${summary.seed}, verification at ${summary.precision} and ${2 * summary.precision} digits`,
    '',
    renderTable(['card', 'status', 'cases', 'worst ratio', 'at', 'level', LEVELS_HEADER, 'constructions', 'worst instance'], rows, [
      'left',
      'left',
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
