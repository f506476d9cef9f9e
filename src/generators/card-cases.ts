/**
 * The cases a card is checked on: its whole class and ranges (src/generators/cases.ts), and with a
 * fixed share the corners its constructions teach (src/generators/corners.ts), so that every
 * search visits the regimes where the paper's bounds are tight or its claims fail.
 */
import fc from 'fast-check';
import type { CaseSpec } from '../algorithms/case.js';
import type { Card } from '../theorems/card.js';
import { isStochasticAlgorithm } from '../algorithms/stochastic.js';
import { arbGeneralCase, DEFAULT_SHAPE, horizonRange, optimumOf, shapeFor, type CaseShape } from './cases.js';
import { cornersOf, type CornerName } from './corners.js';

/** The share of a card's cases drawn from its corners (split evenly among them), when it has any. */
export const CORNER_SHARE = 0.25;

export interface TaggedCase {
  readonly instance: CaseSpec;
  /** The corner the case was drawn from; absent for a case of the general generator. */
  readonly corner?: CornerName;
}

export function arbTaggedCase(card: Card, defaults: CaseShape = DEFAULT_SHAPE): fc.Arbitrary<TaggedCase> {
  const shape = shapeFor(card, defaults);
  const general = arbGeneralCase(card, defaults).map((instance): TaggedCase => ({ instance: withPins(card, shape, instance) }));
  const corners = cornersOf(card, shape);
  if (corners.length === 0) return general;
  // Weights are integers: the general cases get (1 − share)/share of the corners' total weight.
  const each = 1;
  const generalWeight = Math.round((corners.length * each * (1 - CORNER_SHARE)) / CORNER_SHARE);
  return fc.oneof(
    { weight: generalWeight, arbitrary: general },
    ...corners.map(({ name, arbitrary }) => ({ weight: each, arbitrary: arbitrary.map((instance): TaggedCase => ({ instance: withPins(card, shape, instance), corner: name })) })),
  );
}

/** A case with the card's pinned start (x*) and its horizon range imposed: one place for every generator. */
export function withPins(card: Card, shape: CaseShape, instance: CaseSpec): CaseSpec {
  let pinned = instance;
  if (card.start === 'optimum') pinned = { ...pinned, x0: optimumOf(pinned.function) };
  if (card.horizon !== undefined && card.scope !== 'step') {
    const [min, max] = horizonRange(card, isStochasticAlgorithm(card.algorithm) ? shape.stochastic.maxSteps : shape.maxSteps);
    pinned = { ...pinned, steps: Math.min(max, Math.max(min, pinned.steps)) };
  }
  return pinned;
}

/** Every instance a card can be checked on, as an exact run spec. */
export function arbCardCase(card: Card, defaults: CaseShape = DEFAULT_SHAPE): fc.Arbitrary<CaseSpec> {
  return arbTaggedCase(card, defaults).map((tagged) => tagged.instance);
}
