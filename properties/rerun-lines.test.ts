/**
 * Every failing test prints the line that reruns it (properties/fast-check-setup.ts), even when the
 * code under test throws instead of failing an assertion, and that line alone reproduces the
 * failure: the same seed, fast-check's path, and a name filter that selects that test only.
 * Checked on a fixture suite that fails on purpose, run by vitest in a process of its own.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';

const repository = fileURLToPath(new URL('..', import.meta.url));
// Inside the repository, so that the fixture resolves fast-check and vitest as the suites do.
const folder = mkdtempSync(join(repository, 'properties', '.rerun-fixture-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

writeFileSync(
  join(folder, 'failing.fixture.ts'),
  `import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
function codeUnderTest(n: number): number {
  if (n > 7) throw new RangeError(\`n = \${n} is out of range\`);
  return n;
}
describe('a suite (with parentheses)', () => {
  test('a property whose code throws', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1000 }), (n) => codeUnderTest(n) >= 0));
  });
  test('code that throws outside any property', () => {
    codeUnderTest(8);
  });
  test('an assertion', () => {
    expect(1 + 1).toBe(3);
  });
  test('a passing neighbour', () => {
    expect(codeUnderTest(1)).toBe(1);
  });
});
`,
);
const config = join(folder, 'vitest.config.mjs');
// Its own folder only: a fixture folder that an interrupted run left behind is not run again.
writeFileSync(config, `export default { test: { include: [${JSON.stringify(`${relative(repository, folder)}/*.fixture.ts`)}], setupFiles: [${JSON.stringify(join(repository, 'properties', 'fast-check-setup.ts'))}] } };\n`);

/** vitest on the fixture; `env` and `args` as a rerun line gives them. */
function vitest(env: Record<string, string>, args: readonly string[]): string {
  const result = spawnSync(process.execPath, [join(repository, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', config, '--root', repository, ...args], {
    cwd: repository,
    encoding: 'utf8',
    env: { ...process.env, FC_SEED: '', FC_PATH: '', FC_NUM_RUNS: '', ...env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return `${result.stdout}\n${result.stderr}`;
}

/** The rerun line's environment and arguments (the shell words of `npx vitest run FILE -t 'PATTERN'`). */
function parse(line: string): { env: Record<string, string>; args: string[] } {
  const match = /^rerun: (FC_SEED=-?\d+)(?: (FC_PATH=\S+))? npx vitest run (\S+) -t '((?:[^']|'\\'')*)'$/.exec(line);
  expect(match, line).not.toBeNull();
  const env = Object.fromEntries([match![1]!, match![2]].filter((x): x is string => x !== undefined).map((kv) => kv.split('=') as [string, string]));
  return { env, args: [match![3]!, '-t', match![4]!.replace(/'\\''/g, "'")] };
}

test('a failing test says how to rerun it, whatever it threw, and the line reproduces that failure alone', () => {
  const output = vitest({}, []);
  // Distinct lines: with CI set, vitest's reporter prints each error twice (as the test ends and in
  // its summary), each with its rerun line.
  const lines = [...new Set(output.split('\n').filter((l) => l.startsWith('rerun: ')))];
  // One line per failing test, none for the passing one.
  expect(lines).toHaveLength(3);
  const file = relative(repository, join(folder, 'failing.fixture.ts'));
  for (const line of lines) expect(line).toContain(`npx vitest run ${file} -t 'a suite \\(with parentheses\\) `);
  const property = lines.find((l) => l.includes('a property whose code throws'))!;
  expect(property).toMatch(/FC_PATH=[\d:]+ /);
  // The seed the file drew is the one every line names.
  expect(new Set(lines.map((l) => /FC_SEED=(-?\d+)/.exec(l)![1])).size).toBe(1);
  expect(output).toMatch(/Counterexample: \[8\]/);

  // The property's line alone: that test only, the same shrunk counterexample.
  const again = vitest(parse(property).env, parse(property).args);
  expect(again).toMatch(/Tests\s+1 failed \| 3 skipped/);
  expect(again).toMatch(/Counterexample: \[8\]/);
  expect(again).toContain('RangeError: n = 8 is out of range');

  // The exception's line: that test only.
  const thrown = lines.find((l) => l.includes('code that throws outside any property'))!;
  const rerun = vitest(parse(thrown).env, parse(thrown).args);
  expect(rerun).toMatch(/Tests\s+1 failed \| 3 skipped/);
  expect(rerun).toContain('RangeError: n = 8 is out of range');
});
