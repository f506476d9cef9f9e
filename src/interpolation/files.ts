/**
 * Class-wide worst cases as counterexample files of kind `interpolated` (src/check/counterexamples.ts):
 * what a file holds, and its replay, which certifies the stored data again from scratch
 * (certify.ts) and reproduces when the proven value is at least the recorded one.
 */
import { Decimal } from 'decimal.js';
import { basename } from 'node:path';
import { methodOf } from '../algorithms/methods.js';
import { classContains } from '../functions/classes.js';
import { contentHash, readCounterexample, type CounterexampleContent, type InterpolatedFile } from '../check/counterexamples.js';
import { InputError } from '../errors.js';
import { cardById } from '../theorems/catalog.js';
import type { Card } from '../theorems/card.js';
import { certifyData, type Certification } from './certify.js';
import { cardGoal, deterministicCard, type GoalMode } from './goals.js';
import type { Setting } from './problem.js';
import type { WorstCase } from './worst-case.js';

/** The setting of a file, with its method found by name. */
export function settingOf(file: InterpolatedFile): Setting {
  const s = file.setting;
  return { cls: s.class, beta: s.beta, ...(s.mu === undefined ? {} : { mu: s.mu }), eta: s.eta, rho: s.rho, steps: s.steps, dim: s.dim, method: methodOf('setting.algorithm', s.algorithm, 'deterministic') };
}

export function modeOf(file: InterpolatedFile): GoalMode {
  return file.goal.constant === undefined ? { kind: 'ratio' } : { kind: 'constant', name: file.goal.constant };
}

/** The file of a certified worst case. */
export function interpolatedContent(card: Card, mode: GoalMode, setting: Setting, worst: WorstCase, search: { seed: number; epsilon: number }): CounterexampleContent {
  const certified = worst.certified;
  if (certified === undefined) throw new InputError('worst case', card.id, 'has no certified data to save');
  const c = certified.certification;
  return {
    kind: 'interpolated',
    claims: [{ card: card.id, relation: 'tight', constant: c.value! }],
    setting: {
      class: setting.cls,
      beta: setting.beta,
      ...(setting.mu === undefined ? {} : { mu: setting.mu }),
      eta: setting.eta,
      rho: setting.rho,
      steps: setting.steps,
      dim: setting.dim,
      algorithm: setting.method.name,
    },
    goal: { card: card.id, ...(mode.kind === 'constant' ? { constant: mode.name } : {}) },
    data: certified.data,
    certified: { value: c.value!, precision: c.precision },
    search: { seed: search.seed, evaluations: worst.search.evaluations, epsilon: search.epsilon, value: certified.searchValue },
    ...(c.explicit === undefined ? {} : { explicit: c.explicit }),
  };
}

/**
 * Why a readable interpolated file proves nothing about its card: the card is unknown, its class is
 * not inside the card's, the method is not the card's, or η lies outside the card's range.
 */
export function interpolatedInvalidity(path: string, file: InterpolatedFile): string | undefined {
  const name = basename(path);
  let card: Card;
  try {
    card = deterministicCard(cardById(file.goal.card));
  } catch (error) {
    if (error instanceof InputError) return new InputError(`${name}: goal.card`, file.goal.card, error.rule).message;
    throw error;
  }
  const s = file.setting;
  if (!classContains(card.requires, s.class)) return new InputError(`${name}: setting.class`, s.class, `must be inside ${card.id}'s class (${card.requires})`).message;
  if (s.algorithm !== card.algorithm) return new InputError(`${name}: setting.algorithm`, s.algorithm, `must be ${card.id}'s method (${card.algorithm})`).message;
  if (card.scope === 'step' && s.steps !== 1) return new InputError(`${name}: setting.steps`, s.steps, `must be 1 for the one-step claim ${card.id}`).message;
  if ('rule' in card.eta) return new InputError(`${name}: goal.card`, card.id, 'chooses η by a rule; the class-wide search takes a fixed η').message;
  const etaBeta = new Decimal(fraction(s.eta)).times(fraction(s.beta));
  const max = new Decimal(fraction(card.eta.max));
  if (!(etaBeta.gt(0) && (card.eta.includeMax ? etaBeta.lte(max) : etaBeta.lt(max)))) {
    return new InputError(`${name}: setting.eta`, s.eta, `must have βη in (0, ${card.eta.max}${card.eta.includeMax ? ']' : ')'} for ${card.id}`).message;
  }
  if (file.goal.constant !== undefined && !(file.goal.constant in card.constants)) return new InputError(`${name}: goal.constant`, file.goal.constant, `is not a constant of ${card.id}`).message;
  return undefined;
}

/**
 * The replay: the stored data certified again; reproduced when every condition is proven, the
 * value is at least the recorded one, and the content is the one its id was made from (changed
 * data that still certify are a different case, not this file's).
 */
export function replayInterpolated(file: InterpolatedFile): { reproduced: boolean; certification: Certification; changed?: string } {
  const card = deterministicCard(cardById(file.goal.card));
  const certification = certifyData(settingOf(file), cardGoal(card, modeOf(file)), file.data, file.certified.precision);
  const hash = contentHash(file);
  const changed = file.id.endsWith(`-${hash}`) ? undefined : `the file's content no longer matches its id ${file.id} (it hashes to ${hash}): it was changed since it was written`;
  const reproduced = certification.holds && new Decimal(certification.value!).gte(file.certified.value) && changed === undefined;
  return { reproduced, certification, ...(changed === undefined ? {} : { changed }) };
}

/** 1/x as an exact number text: "q/p" for "p/q", "1/x" for a decimal x (and "x" for "1/x"). */
export function reciprocalText(text: string): string {
  const [p, q] = text.split('/').map((t) => t.trim());
  if (q === undefined) return `1/${p}`;
  return p === '1' ? q : `${q}/${p}`;
}

function fraction(text: string): Decimal {
  const [p, q] = text.split('/');
  return q === undefined ? new Decimal(p!) : new Decimal(p!).div(q);
}

/** A certified class-wide result of the store, for the tightness column and the report's chart. */
export interface ClassWideResult {
  readonly card: string;
  /** The constant whose needed fraction it is, or null for the ratio observed/bound. */
  readonly constant: string | null;
  readonly steps: number;
  /** The proven lower end (the file's certified value, replayed). */
  readonly value: number;
  readonly instance: string;
  readonly file: string;
}

/** The class-wide results among replayed files: those of kind interpolated that reproduced. */
export function classWideResults(replays: readonly { readonly file: string; readonly kind: string | null; readonly reproduced: boolean }[]): ClassWideResult[] {
  return replays
    .filter((r) => r.kind === 'interpolated' && r.reproduced)
    .map((r) => {
      const file = readCounterexample(r.file) as InterpolatedFile;
      const s = file.setting;
      const instance = `${s.class === 'strongly-convex' ? `κ = ${reciprocalText(s.mu!)}, ` : ''}βη = ${s.eta}, T = ${s.steps}, d = ${s.dim}`;
      return { card: file.goal.card, constant: file.goal.constant ?? null, steps: s.steps, value: Number(file.certified.value), instance, file: r.file };
    })
    .sort((a, b) => (a.card < b.card ? -1 : a.card > b.card ? 1 : a.steps - b.steps));
}

/**
 * The best class-wide fraction of one of a card's constants in `results` (the constant it is of),
 * with the largest T searched.
 */
export function classWideTightness(card: string, results: readonly ClassWideResult[]): { value: number; steps: number; constant: string } | undefined {
  const own = results.filter((r) => r.card === card && r.constant !== null);
  if (own.length === 0) return undefined;
  const best = own.reduce((a, r) => (r.value > a.value ? r : a));
  return { value: best.value, steps: Math.max(...own.map((r) => r.steps)), constant: best.constant! };
}

/** How many class-wide charts the files would give (one per card and constant among the interpolated files that read). */
export function classWideChartCount(paths: readonly string[]): number {
  const keys = new Set<string>();
  for (const path of paths) {
    try {
      const file = readCounterexample(path);
      if (file.kind === 'interpolated') keys.add(`${file.goal.card}\u0000${file.goal.constant ?? ''}`);
    } catch {
      // An unreadable file is the replay's to report.
    }
  }
  return keys.size;
}
