/**
 * The counterexample store is the regression suite: every file in counterexamples/ must still
 * reproduce what it records. Constructions match each closed form to its stated digits (30 at 60
 * digits) and, when the file asks for it, are certified by interval enclosures.
 */
import { describe, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readCounterexample } from '../src/check/counterexamples.js';
import { counterexampleFiles, replayFile } from '../src/check/replay.js';
import { loadConjectures } from '../src/conjectures/load.js';
import { registerConjectures } from '../src/theorems/catalog.js';

const folder = fileURLToPath(new URL('../counterexamples', import.meta.url));
// Files of the conjectures in properties/conjectures/ name them: register them as the CLI does.
registerConjectures((await loadConjectures()).conjectures);

describe('counterexamples/', () => {
  test.each(counterexampleFiles(folder).map((f) => [f.split('/').at(-1)!, f]))('%s reproduces', (_, file) => {
    const result = replayFile(file);
    expect(result.error, file).toBeUndefined();
    expect(result.reproduced, `${file}: observed ${JSON.stringify(result.observed)}`).toBe(true);
    const content = readCounterexample(file);
    if (content.kind === 'construction') {
      content.expected.forEach((e, i) => {
        const o = (result.observed as Record<string, unknown>[])[i]!;
        if (e.digits !== undefined) expect(o.digits).toBeGreaterThanOrEqual(e.digits);
        else expect(o.passed, `${e.formula}: ${JSON.stringify(o)}`).toBe(true);
      });
      if (content.certify) expect(result.level).toBe('certified');
    }
  });
});
