import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { replaceFile, writeNewFile } from './atomic-write.js';

const folder = mkdtempSync(join(tmpdir(), 'samcheck-atomic-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

test('a new file is never replaced; a replaceable one is, and the caller learns which happened', () => {
  const kept = join(folder, 'sub', 'kept.json');
  expect(writeNewFile(kept, 'first')).toBe(true);
  expect(writeNewFile(kept, 'second')).toBe(false);
  expect(readFileSync(kept, 'utf8')).toBe('first');
  const page = join(folder, 'index.html');
  expect(replaceFile(page, 'one')).toBe(false);
  expect(replaceFile(page, 'two')).toBe(true);
  expect(readFileSync(page, 'utf8')).toBe('two');
  // No temporary file is left behind.
  expect(readdirSync(folder).sort()).toEqual(['index.html', 'sub']);
  expect(readdirSync(join(folder, 'sub'))).toEqual(['kept.json']);
});
