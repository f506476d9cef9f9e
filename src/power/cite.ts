/**
 * The measured power a verdict cites (issue "Verdict power"): a `no counterexample` says how often
 * the benchmark's false claims nearest to the one checked were found false, from the results the
 * repository carries (docs/power.json, written by `npm run power`). Nearest: the false variants of
 * the same card when the check changed its constants; else the false claims about the same method
 * on the same class; else all of them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Card } from '../theorems/card.js';
import type { ClaimResult } from './summary.js';

/** The benchmark's results as committed, undefined when the package carries none (or they do not parse). */
let measured: readonly ClaimResult[] | undefined | null = null;

function measuredResults(): readonly ClaimResult[] | undefined {
  if (measured !== null) return measured;
  measured = undefined;
  // docs/ sits at the package's root: two levels above src/power, three above dist/src/power.
  for (let folder = dirname(fileURLToPath(import.meta.url)), up = 0; up < 4; up++, folder = dirname(folder)) {
    const file = join(folder, 'docs', 'power.json');
    if (!existsSync(file)) continue;
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as { results?: ClaimResult[] };
      if (Array.isArray(parsed.results)) measured = parsed.results;
    } catch {
      // A damaged file cites nothing; `samcheck power --write docs/power.md` rewrites it.
    }
    break;
  }
  return measured;
}

/**
 * "measured power: ... found false in k/n runs at the default budget (docs/power.md)", for a check
 * of `card` with `constants` changed by the user; undefined when nothing was measured.
 */
export function powerCitation(card: Card, constants: Readonly<Record<string, string>> = {}, results: readonly ClaimResult[] | undefined = measuredResults()): string | undefined {
  if (results === undefined) return undefined;
  const falseAtDefault = results.filter((r) => r.truth === 'false' && r.factor === 1);
  const variants = falseAtDefault.filter((r) => r.base === card.id && r.shape !== 'conjecture');
  const sameKind = falseAtDefault.filter((r) => r.class === card.requires && r.algorithm === card.algorithm);
  const [rows, what] =
    Object.keys(constants).length > 0 && variants.length > 0
      ? [variants, `false variants of ${card.id}`]
      : sameKind.length > 0
        ? [sameKind, `false claims about ${card.algorithm} on the ${card.requires} class`]
        : [falseAtDefault, 'false claims of every kind'];
  if (rows.length === 0) return undefined;
  const runs = rows.reduce((s, r) => s + r.runs, 0);
  const found = rows.reduce((s, r) => s + r.refuted, 0);
  return `measured power: ${what} were found false in ${found}/${runs} runs at the default budget (${rows.length} claim${rows.length === 1 ? '' : 's'}, docs/power.md)`;
}
