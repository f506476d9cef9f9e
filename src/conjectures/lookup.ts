/**
 * Card and conjecture IDs as a user types them: an ID that is not known is explained when it can
 * be (a conjecture file that was skipped, or one that is not built yet) instead of only listing
 * the IDs that are.
 */
import { unbuiltDefinitionOf } from './load.js';
import { InputError } from '../errors.js';
import type { Card } from '../theorems/card.js';
import { allChecks, skippedConjectures } from '../theorems/catalog.js';

export function checkById(id: string, field = 'card'): Card {
  const card = allChecks().find((c) => c.id === id);
  if (card !== undefined) return card;
  return unknownId(id, field, allChecks().map((c) => c.id));
}

/** Throws for an ID that is not among `known`, saying why when a conjecture file explains it. */
export function unknownId(id: string, field: string, known: readonly string[]): never {
  const skipped = skippedConjectures().find((p) => p.id === id);
  if (skipped !== undefined) throw new InputError(field, id, `its conjecture file was skipped: ${skipped.message}`);
  const unbuilt = unbuiltDefinitionOf(id);
  if (unbuilt !== undefined) {
    throw new InputError(field, id, `is defined in ${unbuilt.source}, which is ${unbuilt.reason}: run npm run build (npm start and npm test build first)`);
  }
  throw new InputError(field, id, `must be one of ${known.join(', ')} (a conjecture of your own is known once its folder is loaded: --conjectures DIR, or samcheck.config.json)`);
}
