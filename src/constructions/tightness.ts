/**
 * What the constructions say about a card's constants: the fractions of its bound they reach.
 */
import { float64 } from '../arith/float64.js';
import { CONSTRUCTIONS } from './catalog.js';

export interface KnownTightness {
  readonly construction: string;
  readonly constant: number;
  /** Reached from a whole set of starts, or only from an exact one. */
  readonly robust: boolean;
}

export function knownTightness(cardId: string): KnownTightness[] {
  return CONSTRUCTIONS.flatMap((c) =>
    c.tight.filter((t) => t.card === cardId).map((t) => ({ construction: c.construction, constant: t.constant(float64), robust: t.robust })),
  ).sort((a, b) => a.constant - b.constant);
}

/** "0.0472–1" for a table: the range of fractions the constructions reach ("-" when none). */
export function tightnessRange(known: readonly KnownTightness[]): string {
  if (known.length === 0) return '-';
  const low = Number(known[0]!.constant.toPrecision(3));
  const high = Number(known.at(-1)!.constant.toPrecision(3));
  return low === high ? String(low) : `${low}–${high}`;
}
