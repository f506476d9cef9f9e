/**
 * docs/catalog.md is what `samcheck catalog` writes for the built-in checks: a card changed
 * without regenerating the page (npm run catalog) fails here.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { loadConjectures } from '../conjectures/load.js';
import { CONSTRUCTIONS } from '../constructions/catalog.js';
import { CARDS, allChecks, registerConjectures } from '../theorems/catalog.js';
import { currentCatalog } from '../cli/catalog.js';
import { catalogMarkdown } from './catalog.js';

const page = fileURLToPath(new URL('../../docs/catalog.md', import.meta.url));
const { conjectures, problems } = await loadConjectures();
registerConjectures(conjectures, problems);

test('docs/catalog.md is the catalog of the current cards, constructions and conjectures (regenerate: npm run catalog)', () => {
  expect(problems).toEqual([]);
  expect(readFileSync(page, 'utf8')).toBe(currentCatalog());
});

test('the page has an entry for every card, construction and conjecture, and changes with a constant', () => {
  const text = currentCatalog();
  for (const c of allChecks()) expect(text).toContain(`### ${c.id}\n`);
  for (const c of CONSTRUCTIONS) expect(text).toContain(`### ${c.construction}\n`);
  const conjectured = allChecks().filter((c) => !CARDS.includes(c));
  const changed = CARDS.map((c) => (c.id === 'D-NC' ? { ...c, constants: { c: '2' } } : c));
  const other = catalogMarkdown({ cards: changed, constructions: CONSTRUCTIONS, conjectures: conjectured });
  expect(other).not.toBe(text);
  expect(other).toContain('| constants | c = 2 |');
});
