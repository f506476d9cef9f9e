/**
 * `samcheck run [ID ...]`: check theorem cards over their classes and print how sure each verdict is.
 */
import { randomInt } from 'node:crypto';
import { MAX_DECIMAL_PRECISION, MIN_DECIMAL_PRECISION } from '../arith/decimal.js';
import { float64 } from '../arith/float64.js';
import { checkCard, type CardReport } from '../check/check-card.js';
import { CONFIDENCE_METHOD } from '../check/statistical.js';
import { DEFAULT_VERIFY_PRECISION } from '../check/verdict.js';
import { cardConstants } from '../check/observe.js';
import { InputError } from '../errors.js';
import { MAX_SEED } from '../random/seeded.js';
import { knownTightness, tightnessRange, type KnownTightness } from '../constructions/tightness.js';
import { describeRun } from '../report/describe.js';
import { formatJson } from '../report/json.js';
import { renderTable, showDigits, showRatio } from '../report/text.js';
import type { Card } from '../theorems/card.js';
import { CHECKS, cardById } from '../theorems/catalog.js';
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

export const DEFAULT_RUNS = 100;

export interface RunSummary {
  readonly seed: number;
  /** The cases asked for; a check with a budget of its own uses it when none is asked for. */
  readonly runs: number | null;
  readonly precision: number;
  readonly cards: (CardReport & { readonly tightness: KnownTightness[]; readonly seconds: number })[];
}

/** Runs the command and returns its exit code: 1 when a theorem card is violated or a check errs. */
export function runCommand(ids: string[], options: RunOptions, io: CliIO): number {
  const cards = ids.length === 0 ? CHECKS : ids.map((id) => cardById(id));
  const asked = options.runs === undefined ? undefined : wholeOption('--runs', options.runs, 1, 1_000_000);
  const seed = options.seed === undefined ? randomInt(0, MAX_SEED) : wholeOption('--seed', options.seed, 0, MAX_SEED);
  const precision = wholeOption('--precision', options.precision ?? String(DEFAULT_VERIFY_PRECISION), MIN_DECIMAL_PRECISION, MAX_DECIMAL_PRECISION / 2);
  const constants = parseConstants(options.constant ?? []);
  for (const [name, value] of Object.entries(constants)) {
    if (!cards.some((card) => name in card.constants)) {
      const known = cards.map((card) => `${card.id}: ${Object.keys(card.constants).join(', ') || 'none'}`).join('; ');
      throw new InputError('--constant', `${name}=${value}`, `no selected card has a constant named ${name} (${known})`);
    }
  }
  const constantsOf = (card: Card) => Object.fromEntries(Object.entries(constants).filter(([name]) => name in card.constants));
  for (const card of cards) cardConstants(float64, card, constantsOf(card)); // every value is a number, before any search
  const summary: RunSummary = { seed, runs: asked ?? null, precision, cards: [] };
  for (const card of cards) {
    const runs = asked ?? card.search?.runs ?? DEFAULT_RUNS;
    io.err(`checking ${card.id}: ${runs} cases (seed ${seed})`);
    const ownConstants = constantsOf(card);
    const started = performance.now();
    const report = checkCard(card, { runs, seed, precision, constants: ownConstants, counterexampleFolder: options.counterexamples ?? 'counterexamples' });
    summary.cards.push({ ...report, tightness: knownTightness(card.id), seconds: Number(((performance.now() - started) / 1000).toFixed(2)) });
  }
  io.out(options.json ? formatJson(summary) : runTable(summary));
  return summary.cards.some((c) => c.status === 'violated' || c.status === 'error') ? 1 : 0;
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
    c.worst === null ? '-' : `${showRatio(c.worst.ratio)}${c.worst.lowerRatio === undefined ? '' : ` (>= ${showRatio(c.worst.lowerRatio)})`}`,
    c.worst === null ? '-' : String(c.worst.at),
    c.worst === null ? '-' : c.worst.level,
    `${c.levels.certified}/${c.levels.verified}/${c.levels.float}/${c.levels.statistical}/${c.levels.undecided}`,
    tightnessRange(c.tightness),
    c.worst === null ? '' : describeRun(c.worst.instance),
  ]);
  const lines = [
    `samcheck run: ${summary.runs ?? `${DEFAULT_RUNS} (or the check's own budget)`} cases per check, seed ${summary.seed}, verification at ${summary.precision} and ${2 * summary.precision} digits`,
    '',
    renderTable(['card', 'status', 'cases', 'worst ratio', 'at', 'level', 'cert/ver/float/stat/undec', 'constructions', 'worst instance'], rows, [
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
  for (const c of summary.cards.filter((card) => card.tightness.length > 0)) {
    const known = c.tightness.map((t) => `${t.construction} ${Number(t.constant.toPrecision(6))}${t.robust ? '' : ' (exact start only)'}`);
    lines.push(`${c.id}: constructions reach ${known.join(', ')} of the bound's constant.`);
  }
  for (const c of summary.cards.filter((card) => card.status === 'inconclusive')) {
    lines.push('', `${c.id} inconclusive: ${c.levels.undecided} of ${c.cases} cases undecided, none contradicts it at 99%.`);
  }
  for (const c of summary.cards.filter((card) => card.counterexample !== undefined)) {
    const found = c.counterexample!;
    lines.push('', `${c.id} ${c.status}: ${c.error ?? `observed/bound = ${showDigits(found.ratio, 12)} (${found.level})`}`);
    lines.push(`  instance: ${JSON.stringify(found.instance)}`);
    if (found.file) lines.push(`  saved: ${found.file}`, `  replay: npx samcheck replay ${found.file}`);
    lines.push(`  fast-check: seed ${c.seed}, path "${found.path}"`);
  }
  lines.push(
    '',
    'Levels: certified (intervals), verified (two decimal precisions agree), float (float64, clear margin),',
    `statistical (${CONFIDENCE_METHOD}; 99% familywise per card; the worst case is the one whose lower bound is highest: its mean's ratio, then that bound's), undecided.`,
  );
  return lines.join('\n');
}
