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
import type { Card } from '../theorems/card.js';
import { InputError } from '../errors.js';
import { formatJson } from '../report/json.js';
import { EXIT_FAILED, EXIT_OK } from './exit-codes.js';

export interface CatalogOptions {
  readonly write?: string;
  readonly json?: boolean;
}

/** A check as data, for scripts: what `samcheck run`, `audit` and `audit --class` accept it for. */
export interface CatalogEntry {
  readonly id: string;
  readonly kind: Card['kind'];
  readonly scope: Card['scope'];
  readonly class: Card['requires'];
  readonly algorithm: string;
  readonly constants: readonly string[];
  /** Whether `samcheck audit ID` applies: a claim with a bound (not a limit claim). */
  readonly audit: boolean;
  /** Whether `samcheck audit ID --class` applies: a deterministic claim at a fixed step size. */
  readonly classAudit: boolean;
  readonly expected?: string;
}

export function catalogEntries(): CatalogEntry[] {
  return allChecks().map((card) => ({
    id: card.id,
    kind: card.kind,
    scope: card.scope,
    class: card.requires,
    algorithm: card.algorithm,
    constants: Object.keys(card.constants),
    audit: card.scope !== 'limit',
    classAudit: (card.scope === 'step' || card.scope === 'run') && !('rule' in card.eta),
    ...('expected' in card && typeof card.expected === 'string' ? { expected: card.expected } : {}),
  }));
}

/** The page for the checks known now: the cards, then every conjecture (built in, then loaded). */
export function currentCatalog(): string {
  const cards = new Set(CARDS.map((c) => c.id));
  return catalogMarkdown({ cards: CARDS, constructions: CONSTRUCTIONS, conjectures: allChecks().filter((c) => !cards.has(c.id)) });
}

export function catalogCommand(options: CatalogOptions, io: CliIO): number {
  if (options.json) {
    if (options.write !== undefined) throw new InputError('--json', true, 'prints the checks as data on stdout; --write writes the markdown page: give one of them');
    io.out(formatJson(catalogEntries()));
    return EXIT_OK;
  }
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
