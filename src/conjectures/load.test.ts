/**
 * Conjecture files that cannot be used are reported by their file (and line), and never stop the
 * others: a formula mistake, an ID that is already taken, a file that is not built yet.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { isBuiltinFamily } from '../functions/index.js';
import { loadConjectures, unbuiltDefinitionOf } from './load.js';

const define = fileURLToPath(new URL('./define.ts', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'samcheck-load-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function conjectureFile(name: string, id: string, bound = 'delta0'): string {
  const path = join(folder, name);
  writeFileSync(
    path,
    [
      `import { defineConjecture } from ${JSON.stringify(define)};`,
      '',
      'export default defineConjecture({',
      `  id: ${JSON.stringify(id)},`,
      "  statement: 'GD does not increase the gap',",
      "  class: 'convex',",
      "  algorithm: 'gd',",
      "  measure: 'gap',",
      `  claim: { bound: ${JSON.stringify(bound)} },`,
      '});',
      '',
    ].join('\n'),
  );
  return path;
}

describe('loading conjecture files', () => {
  test('a duplicate ID skips the later file and names both; a formula error names the file and line; the rest load', async () => {
    conjectureFile('a-first.mjs', 'MINE1');
    conjectureFile('b-again.mjs', 'MINE1');
    conjectureFile('c-builtin.mjs', 'C4');
    conjectureFile('d-formula.mjs', 'MINE2', 'delta0 * (1 -');
    conjectureFile('e-good.mjs', 'MINE3');
    const { conjectures, problems } = await loadConjectures(folder);
    expect(conjectures.map((c) => c.id)).toEqual(['MINE1', 'MINE3']);
    const byFile = Object.fromEntries(problems.map((p) => [p.file.split('/').at(-1)!, p]));
    expect(byFile['b-again.mjs']!.message).toMatch(/b-again\.mjs: conjecture id "MINE1" is already the ID of .*a-first\.mjs; this file is skipped$/);
    expect(byFile['b-again.mjs']!.id).toBe('MINE1');
    expect(byFile['c-builtin.mjs']!.message).toContain('conjecture id "C4" is already the ID of a built-in card');
    expect(byFile['d-formula.mjs']!.message).toMatch(/d-formula\.mjs:3: invalid conjecture MINE2: claim\.bound = "delta0 \* \(1 -": unexpected end/);
    expect(byFile['d-formula.mjs']!.id).toBe('MINE2');
    expect(problems).toHaveLength(3);
  });

  test("a .js compiled beside its .ts is the same file, and Object's own names are no family", async () => {
    const twins = join(folder, 'twins');
    mkdirSync(twins);
    const text = `import { defineConjecture } from ${JSON.stringify(define)};\nexport default defineConjecture({ id: 'TWIN', statement: 's', class: 'convex', algorithm: 'gd', measure: 'gap', claim: { bound: 'delta0' } });\n`;
    writeFileSync(join(twins, 'twin.ts'), text);
    writeFileSync(join(twins, 'twin.js'), text);
    const { conjectures, problems } = await loadConjectures(twins);
    expect(conjectures.map((c) => c.id)).toEqual(['TWIN']);
    expect(problems).toEqual([]);
    expect(isBuiltinFamily('toString')).toBe(false);
  });

  test('a folder named twice (samcheck.config.json and --conjectures) is loaded once', async () => {
    const twice = join(folder, 'twice');
    mkdirSync(twice);
    const path = join(twice, 'only.mjs');
    writeFileSync(path, `import { defineConjecture } from ${JSON.stringify(define)};\nexport default defineConjecture({ id: 'ONCE', statement: 's', class: 'convex', algorithm: 'gd', measure: 'gap', claim: { bound: 'delta0' } });\n`);
    const { conjectures, problems } = await loadConjectures([twice, join(twice, '.')]);
    expect(conjectures.map((c) => c.id)).toEqual(['ONCE']);
    expect(problems).toEqual([]);
  });

  test('a source that is not built, or changed since, is named for `samcheck run ID`', () => {
    const sources = join(folder, 'sources');
    const compiled = join(folder, 'compiled');
    mkdirSync(sources);
    mkdirSync(compiled);
    writeFileSync(join(sources, 'mine.ts'), "export default defineConjecture({ id: 'NEW1', statement: 's' });\n");
    expect(unbuiltDefinitionOf('NEW1', { sources, compiled })).toEqual({ source: expect.stringContaining('mine.ts'), reason: 'not built' });
    writeFileSync(join(compiled, 'mine.js'), '');
    utimesSync(join(compiled, 'mine.js'), new Date(2000, 0, 1), new Date(2000, 0, 1));
    expect(unbuiltDefinitionOf('NEW1', { sources, compiled })?.reason).toBe('changed since the last build');
    utimesSync(join(compiled, 'mine.js'), new Date(), new Date(Date.now() + 60_000));
    expect(unbuiltDefinitionOf('NEW1', { sources, compiled })).toBeUndefined();
    expect(unbuiltDefinitionOf('OTHER', { sources, compiled })).toBeUndefined();
  });
});
