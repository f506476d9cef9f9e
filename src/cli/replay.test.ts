import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { replayFile } from '../check/replay.js';
import { runCliCollecting } from './program.js';

const store = fileURLToPath(new URL('../../counterexamples', import.meta.url));

const samcheck = runCliCollecting;

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'samcheck-replay-'));
  // Two quick construction files, and three broken ones beside them.
  for (const name of readdirSync(store).filter((n) => n.startsWith('LB-D-NC-q') || n.startsWith('LB-D-NC-a'))) copyFileSync(join(store, name), join(folder, name));
  const good = JSON.parse(readFileSync(join(folder, readdirSync(folder)[0]!), 'utf8'));
  writeFileSync(join(folder, 'bad-json.json'), '{ "format": "samcheck-counterexample", ');
  const { expected: _expected, ...missing } = good;
  writeFileSync(join(folder, 'missing-field.json'), JSON.stringify(missing));
  writeFileSync(join(folder, 'wrong-version.json'), JSON.stringify({ ...good, version: 2 }));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function snapshot(): Record<string, string> {
  return Object.fromEntries(readdirSync(folder).map((n) => [n, readFileSync(join(folder, n), 'utf8')]));
}

describe('samcheck replay', () => {
  test('a corrupted file is bad input: refused before anything is replayed (exit 2, one line naming the first file, its field and the others), nothing modified', async () => {
    const before = snapshot();
    const { code, stdout, stderr } = await samcheck('replay', '--counterexamples', folder, '--json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^samcheck: invalid .*bad-json\.json = ".*": must be a JSON file \(2 more files cannot be read either: .*missing-field\.json, .*wrong-version\.json\)$/m);
    expect(snapshot()).toEqual(before);
  });

  test('the library reports each corrupted file by name and field, and replays the rest', () => {
    const results = readdirSync(folder).sort().map((name) => replayFile(join(folder, name)));
    const byName = Object.fromEntries(results.map((r) => [r.file.split('/').at(-1)!, r]));
    expect(byName['bad-json.json']!.error).toMatch(/^invalid bad-json\.json = ".*": must be a JSON file$/);
    expect(byName['missing-field.json']!.error).toContain('invalid missing-field.json: expected = (missing): must be a non-empty list');
    expect(byName['wrong-version.json']!.error).toBe('invalid wrong-version.json: version = 2: must be 1 (the version this samcheck reads)');
    const good = results.filter((r) => r.id !== null);
    expect(good).toHaveLength(3);
    for (const r of good) expect(r).toMatchObject({ reproduced: true, expected: expect.any(Array), observed: expect.any(Array) });
  });

  test('the text form gives one line per file', async () => {
    for (const name of ['bad-json.json', 'missing-field.json', 'wrong-version.json']) rmSync(join(folder, name));
    const { code, stdout } = await samcheck('replay', '--counterexamples', folder);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.filter((l) => l.includes(': reproduced (certified):'))).toHaveLength(3);
  });

  test('a folder that reproduces entirely exits 0', async () => {
    for (const name of ['bad-json.json', 'missing-field.json', 'wrong-version.json']) rmSync(join(folder, name));
    expect((await samcheck('replay', '--counterexamples', folder)).code).toBe(0);
  });
});
