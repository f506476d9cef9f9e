/**
 * `samcheck constructions [--write]`: the lower-bound constructions the suite keeps, with the
 * fraction of each card's bound they reach; --write saves their files into counterexamples/.
 */
import { saveCounterexample, type ClaimReference } from '../check/counterexamples.js';
import { CONSTRUCTIONS } from '../constructions/catalog.js';
import { constructionContent } from '../constructions/files.js';
import { formatJson } from '../report/json.js';
import { renderTable, showDigits } from '../report/text.js';
import { requireWritableFolder } from './folders.js';
import type { CliIO } from './io.js';

export interface ConstructionsOptions {
  write?: boolean;
  counterexamples?: string;
  json?: boolean;
}

export function constructionsCommand(options: ConstructionsOptions, io: CliIO): number {
  if (options.write) requireWritableFolder('--counterexamples', options.counterexamples ?? 'counterexamples');
  const rows = CONSTRUCTIONS.map((c) => {
    const content = constructionContent(c);
    const file = options.write ? saveCounterexample(options.counterexamples ?? 'counterexamples', content) : null;
    return { construction: c.construction, title: c.title, claims: content.claims as ClaimReference[], file };
  });
  if (options.json) {
    io.out(formatJson({ constructions: rows }));
    return 0;
  }
  const table = rows.map((r) => [
    r.construction,
    r.claims.map((c) => `${c.card} ${showDigits(c.constant!, 6)}${c.robust ? '' : ' (exact start)'}`).join(', '),
    r.title,
  ]);
  io.out(renderTable(['construction', 'reaches (fraction of the bound)', 'what it shows'], table, ['left', 'left', 'left']));
  for (const r of rows.filter((row) => row.file)) io.out(`saved ${r.file}`);
  return 0;
}
