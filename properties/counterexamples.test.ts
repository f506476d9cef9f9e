/**
 * The counterexample store is the regression suite: every file in counterexamples/ must still
 * reproduce what it records.
 */
import { describe, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import { counterexampleFiles, replayFile } from '../src/check/replay.js';

const folder = fileURLToPath(new URL('../counterexamples', import.meta.url));

describe('counterexamples/', () => {
  test('every file reproduces', () => {
    for (const file of counterexampleFiles(folder)) {
      const result = replayFile(file);
      expect(result.error, file).toBeUndefined();
      expect(result.reproduced, `${file}: observed ${JSON.stringify(result.observed)}`).toBe(true);
    }
  });
});
