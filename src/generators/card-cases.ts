/**
 * The cases a card is checked on: its whole class and ranges (src/generators/cases.ts), and with a
 * fixed share the corners its constructions teach (src/generators/corners.ts), so that every
 * search visits the regimes where the paper's bounds are tight or its claims fail.
 */
import fc from 'fast-check';
import type { CaseSpec } from '../algorithms/case.js';
import type { Card } from '../theorems/card.js';
import { arbGeneralCase, DEFAULT_SHAPE, optimumOf, shapeFor, type CaseShape } from './cases.js';
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
  const general = arbGeneralCase(card, defaults).map((instance): TaggedCase => ({ instance: withPins(card, instance) }));
  const corners = cornersOf(card, shape);
  if (corners.length === 0) return general;
  // Weights are integers: the general cases get (1 − share)/share of the corners' total weight.
  const each = 1;
  const generalWeight = Math.round((corners.length * each * (1 - CORNER_SHARE)) / CORNER_SHARE);
  return fc.oneof(
    { weight: generalWeight, arbitrary: general },
    ...corners.map(({ name, arbitrary }) => ({ weight: each, arbitrary: arbitrary.map((instance): TaggedCase => ({ instance: withPins(card, instance), corner: name })) })),
  );
}

/**
 * A case with the card's pinned start (x*): one place for every generator. (A horizon range needs
 * no such step: arbHorizon and the corners' horizons draw inside it.)
 */
export function withPins(card: Card, instance: CaseSpec): CaseSpec {
  return card.start === 'optimum' ? { ...instance, x0: optimumOf(instance.function) } : instance;
}

/** Every instance a card can be checked on, as an exact run spec. */
export function arbCardCase(card: Card, defaults: CaseShape = DEFAULT_SHAPE): fc.Arbitrary<CaseSpec> {
  return arbTaggedCase(card, defaults).map((tagged) => tagged.instance);
}
