/**
 * Checking a card over its class: fast-check draws the instances, each gets a verdict with its
 * level, and a violation confirmed at `verified` or above is shrunk by fast-check and saved as a
 * counterexample file. `samcheck run` and the property suites both call this.
 */
import fc from 'fast-check';
import type { RunSpec } from '../algorithms/run-spec.js';
import { arbCardCase, DEFAULT_SHAPE, type CaseShape } from '../generators/cases.js';
import type { Card } from '../theorems/card.js';
import { saveCounterexample } from './counterexamples.js';
import { judgeCase, LEVELS, type CaseVerdict, type Level, type VerdictOptions } from './verdict.js';

export type CardStatus = 'holds' | 'violated' | 'error';

export interface CardCheckOptions extends VerdictOptions {
  readonly runs: number;
  /** The seed of the whole check; each card draws from its own stream derived from it. */
  readonly seed: number;
  readonly shape?: CaseShape;
  /** Where to save counterexamples; nothing is saved when absent. */
  readonly counterexampleFolder?: string;
  /** Shrink a violation to a small instance before reporting it (default true). */
  readonly shrink?: boolean;
  /** Called after each case of the search (not during shrinking), for progress. */
  readonly onCase?: (index: number, verdict: CaseVerdict) => void;
}

export interface CardReport {
  readonly id: string;
  readonly title: string;
  readonly status: CardStatus;
  readonly cases: number;
  /** The largest observed/bound over all cases, null when no case claimed anything. */
  readonly worstRatio: number | null;
  readonly worst: { readonly ratio: string; readonly at: number; readonly level: Level; readonly instance: RunSpec } | null;
  readonly levels: Readonly<Record<Level, number>>;
  /** The seed of this card's fast-check run (replay it with FC_SEED). */
  readonly seed: number;
  readonly counterexample?: { readonly file: string | null; readonly path: string; readonly instance: RunSpec; readonly ratio: string; readonly level: Level };
  readonly error?: string;
}

export function checkCard(card: Card, options: CardCheckOptions): CardReport {
  const seed = cardSeed(options.seed, card.id);
  const levels = Object.fromEntries(LEVELS.map((level) => [level, 0])) as Record<Level, number>;
  let cases = 0;
  let worst: CardReport['worst'] = null;
  let searching = true; // false once fast-check has a failure and is shrinking it
  let lastFailure: { instance: RunSpec; verdict?: CaseVerdict; error?: unknown } | undefined;
  let lastConfirmed: { instance: RunSpec; verdict: CaseVerdict } | undefined;

  const property = fc.property(arbCardCase(card, options.shape ?? DEFAULT_SHAPE), (instance) => {
    let verdict: CaseVerdict;
    try {
      // While shrinking, a clear float64 violation steers; the shrunk case is confirmed below.
      verdict = judgeCase(card, instance, options, !searching);
    } catch (error) {
      searching = false;
      lastFailure = { instance, error };
      throw error;
    }
    if (searching) {
      options.onCase?.(cases, verdict);
      cases++;
      levels[verdict.level]++;
      if (worst === null || verdict.ratio > Number(worst.ratio)) worst = { ratio: verdict.ratioText, at: verdict.at, level: verdict.level, instance };
    }
    if (verdict.holds !== false) return true;
    if (verdict.level !== 'float') lastConfirmed = { instance, verdict };
    searching = false;
    lastFailure = { instance, verdict };
    return false;
  });
  const details = fc.check(property, { numRuns: options.runs, seed, endOnFailure: options.shrink === false });
  const base = { id: card.id, title: card.title, cases, worstRatio: worst === null ? null : Number((worst as { ratio: string }).ratio), worst, levels, seed };
  if (!details.failed || lastFailure === undefined) return { ...base, status: 'holds' };
  const path = details.counterexamplePath ?? '';
  if (lastFailure.error !== undefined) {
    const message = lastFailure.error instanceof Error ? lastFailure.error.message : String(lastFailure.error);
    return { ...base, status: 'error', error: message, counterexample: { file: null, path, instance: lastFailure.instance, ratio: 'NaN', level: 'undecided' } };
  }
  const { instance, verdict } = confirmed(lastFailure as { instance: RunSpec; verdict: CaseVerdict }, lastConfirmed, card, options);
  // fast-check's path leads to the shrunk case; it describes the saved one only if that is it.
  const searchPath = instance === lastFailure.instance ? path : '';
  const file =
    options.counterexampleFolder === undefined
      ? null
      : saveCounterexample(options.counterexampleFolder, {
          kind: 'found',
          claims: [{ card: card.id, relation: 'violates' }],
          run: instance,
          ...(options.constants && Object.keys(options.constants).length > 0 ? { constants: options.constants } : {}),
          arithmetic: { backend: 'decimal', precision: options.precision },
          search: { seed, path: searchPath, runs: options.runs },
          observed: { ratio: verdict.ratioText, at: verdict.at, level: verdict.level },
        });
  return { ...base, status: 'violated', counterexample: { file, path: searchPath, instance, ratio: verdict.ratioText, level: verdict.level } };
}

/** The shrunk violation judged in full; the last confirmed one if float64 misled the shrink. */
function confirmed(
  shrunk: { instance: RunSpec; verdict: CaseVerdict },
  lastConfirmed: { instance: RunSpec; verdict: CaseVerdict } | undefined,
  card: Card,
  options: VerdictOptions,
): { instance: RunSpec; verdict: CaseVerdict } {
  if (shrunk.verdict.level !== 'float') return shrunk;
  const verdict = judgeCase(card, shrunk.instance, options);
  if (verdict.holds === false) return { instance: shrunk.instance, verdict };
  return lastConfirmed!;
}

/** A card's own seed: the user's seed mixed with the card ID, so adding a card changes no other. */
export function cardSeed(seed: number, id: string): number {
  let h = seed | 0;
  for (const ch of id) h = Math.imul(h ^ ch.charCodeAt(0), 0x9e3779b1);
  h ^= h >>> 16;
  return Math.imul(h, 0x85ebca6b) | 0;
}
