/**
 * samcheck catalog: every card, construction and conjecture as a markdown page (docs/catalog.md
 * is this command's output for the built-in checks; --conjectures adds a project's own).
 */
import { CARDS, allChecks } from '../theorems/catalog.js';
import { CONSTRUCTIONS } from '../constructions/catalog.js';
import { catalogMarkdown } from '../report/catalog.js';
import { replaceFile } from '../atomic-write.js';
import { requireWritableFolder } from './folders.js';
import { dirname } from 'node:path';
import type { CliIO } from './io.js';
import { EXIT_FAILED, EXIT_OK } from './exit-codes.js';

export interface CatalogOptions {
  readonly write?: string;
}

/** The page for the checks known now: the cards, then every conjecture (built in, then loaded). */
export function currentCatalog(): string {
  const cards = new Set(CARDS.map((c) => c.id));
  return catalogMarkdown({ cards: CARDS, constructions: CONSTRUCTIONS, conjectures: allChecks().filter((c) => !cards.has(c.id)) });
}

export function catalogCommand(options: CatalogOptions, io: CliIO): number {
  const page = currentCatalog();
  if (options.write === undefined) {
    io.out(page.trimEnd());
    return EXIT_OK;
  }
  requireWritableFolder('--write', dirname(options.write));
  try {
    const replaced = replaceFile(options.write, page);
    io.err(`samcheck catalog: ${replaced ? 'replaced' : 'wrote'} ${options.write}`);
    return EXIT_OK;
  } catch (error) {
    io.err(`samcheck catalog: NOT written: ${options.write} (${error instanceof Error ? error.message : String(error)})`);
    return EXIT_FAILED;
  }
}
