import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readProjectConfig } from './config.js';

const root = mkdtempSync(join(tmpdir(), 'samcheck-config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function project(name: string, config: string | undefined, folders: string[] = []): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'deep', 'er'), { recursive: true });
  for (const f of folders) mkdirSync(join(dir, f), { recursive: true });
  if (config !== undefined) writeFileSync(join(dir, 'samcheck.config.json'), config);
  return dir;
}

describe('samcheck.config.json', () => {
  test('lists conjecture folders relative to itself, found from any folder below it', () => {
    const dir = project('ok', JSON.stringify({ conjectures: ['conjectures', 'more/c'] }), ['conjectures', 'more/c']);
    const expected = [join(dir, 'conjectures'), join(dir, 'more', 'c')];
    expect(readProjectConfig(dir).conjectures).toEqual(expected);
    expect(readProjectConfig(join(dir, 'deep', 'er')).conjectures).toEqual(expected);
    expect(readProjectConfig(project('none', undefined)).conjectures).toEqual([]);
  });

  test.each([
    ['{ "conjectures": ["c"], "budget": 3 }', /samcheck\.config\.json: budget = 3: is not a setting samcheck knows \(the settings: conjectures\)/],
    ['{ "conjectures": "c" }', /samcheck\.config\.json: conjectures = "c": must be a list of folder names/],
    ['{ "conjectures": ["missing"] }', /samcheck\.config\.json: conjectures\[0\]/],
    ['{ "conjectures": [', /samcheck\.config\.json = .*: must be JSON/],
    ['[1]', /must be a JSON object/],
  ])('%s is refused, naming the field and the rule', (text, message) => {
    const dir = project(`bad-${Buffer.from(text).toString('hex').slice(0, 12)}`, text, ['c']);
    expect(() => readProjectConfig(dir)).toThrow(message);
  });
});
