/**
 * Checking one card or conjecture with its own budget, timed, and beside what the constructions
 * know of its constants: the task that `samcheck run` and the main job hand to a pool for each of
 * their checks (src/parallel/jobs.ts checkCards, which calls the hooks below in order).
 */
import { knownTightness, type KnownTightness } from '../constructions/tightness.js';
import type { Card } from '../theorems/card.js';
import { rerunCheckCommand } from '../theorems/catalog.js';
import { checkCard, type CardReport } from './check-card.js';
import { powerCitation } from '../power/cite.js';
import { replayFile } from './replay.js';

export const DEFAULT_RUNS = 100;

export interface CheckAllSettings {
  /** Cases per check; when absent, the check's own budget or DEFAULT_RUNS. */
  readonly runs?: number;
  readonly seed: number;
  readonly precision: number;
  /** Constant overrides by name; each card takes those it has. */
  readonly constants?: Readonly<Record<string, string>>;
  /** Where counterexamples are saved; not saved when absent. */
  readonly counterexampleFolder?: string;
}

export interface CheckedCard extends CardReport {
  readonly tightness: KnownTightness[];
  readonly seconds: number;
  /** The command that checks this card alone exactly as it was checked here. */
  readonly rerun: string;
  /**
   * For a claim that survived and is not proved as checked (a conjecture, or a card whose constants
   * were changed): the measured power of the benchmark's nearest false claims (src/power/cite.ts).
   */
  readonly power?: string;
}

export interface CheckAllHooks {
  onStart?(card: Card, runs: number): void;
  onCase?(card: Card, index: number): void;
  onDone?(card: Card, report: CheckedCard): void;
}

export function runsFor(card: Card, asked: number | undefined): number {
  return asked ?? card.search?.runs ?? DEFAULT_RUNS;
}

/** The overrides among `constants` that `card` has. */
export function constantsOf(card: Card, constants: Readonly<Record<string, string>> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(constants).filter(([name]) => name in card.constants));
}

/**
 * One card checked with its own budget and seed (what `--jobs N` hands a worker), timed; `stop`
 * ends it at its next case (status interrupted, unless it had found a counterexample).
 */
export function checkOne(card: Card, settings: CheckAllSettings, onCase?: (index: number) => void, stop?: () => boolean): CheckedCard {
  const started = performance.now();
  const report = checkCard(card, {
    runs: runsFor(card, settings.runs),
    seed: settings.seed,
    precision: settings.precision,
    constants: constantsOf(card, settings.constants),
    counterexampleFolder: settings.counterexampleFolder,
    ...(onCase ? { onCase } : {}),
    ...(stop ? { stop } : {}),
  });
  const constants = constantsOf(card, settings.constants);
  const rerun = rerunCheckCommand(card.id, { ...settings, constants });
  const unproved = card.kind === 'conjecture' || Object.keys(constants).length > 0;
  const survived = report.status === 'no counterexample' || report.status === 'holds' || report.status === 'inconclusive';
  const power = unproved && survived ? powerCitation(card, constants) : undefined;
  return { ...withReplay(report), tightness: knownTightness(card.id), seconds: Number(((performance.now() - started) / 1000).toFixed(2)), rerun, ...(power ? { power } : {}) };
}

/** A saved finding replayed from its file, so that a replay command is offered only for a file that replays. */
function withReplay(report: CardReport): CardReport {
  const found = report.counterexample;
  if (found?.file == null) return report;
  const replay = replayFile(found.file);
  const problem = replay.error ?? (replay.reproduced ? undefined : `the replay (${replay.level ?? 'no level'}) does not see the violation`);
  return { ...report, counterexample: { ...found, replay: { reproduced: replay.reproduced, ...(problem ? { problem } : {}) } } };
}
