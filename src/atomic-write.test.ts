import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { removeStaleTemporaries, replaceFile, writeNewFile } from './atomic-write.js';

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

test('a write that fails leaves no temporary file; those of a killed process are swept by the next writer', () => {
  const sub = join(folder, 'failing');
  // A folder where the file should be: the rename fails, and the temporary is removed.
  mkdirSync(join(sub, 'index.html', 'in-the-way'), { recursive: true });
  expect(() => replaceFile(join(sub, 'index.html'), 'text')).toThrow();
  expect(readdirSync(sub)).toEqual(['index.html']);
  // A temporary of a process that is gone (pid 2^22 + 1 is above Linux's default pid_max) and one of this process.
  const stale = '.results.json.4194305.0123abcd.tmp';
  const own = `.results.json.${process.pid}.0123abcd.tmp`;
  const swept = join(folder, 'swept');
  mkdirSync(swept);
  writeFileSync(join(swept, stale), 'half a fi');
  writeFileSync(join(swept, own), 'being written');
  expect(removeStaleTemporaries(swept)).toEqual([stale]);
  expect(readdirSync(swept)).toEqual([own]);
  // The first write into a folder sweeps it.
  writeFileSync(join(swept, stale), 'half a fi');
  expect(replaceFile(join(swept, 'results.json'), '{}')).toBe(false);
  expect(readdirSync(swept).sort()).toEqual([own, 'results.json'].sort());
});
