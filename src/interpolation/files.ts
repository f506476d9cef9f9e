/**
 * Class-wide worst cases as counterexample files of kind `interpolated` (src/check/counterexamples.ts):
 * what a file holds, and its replay, which certifies the stored data again from scratch
 * (certify.ts) and reproduces when the proven value is at least the recorded one.
 */
import { Decimal } from 'decimal.js';
import { basename } from 'node:path';
import { methodOf } from '../algorithms/methods.js';
import { classContains } from '../functions/classes.js';
import { contentHash, type CounterexampleContent, type InterpolatedFile } from '../check/counterexamples.js';
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

function fraction(text: string): Decimal {
  const [p, q] = text.split('/');
  return q === undefined ? new Decimal(p!) : new Decimal(p!).div(q);
}
