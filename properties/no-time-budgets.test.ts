/**
 * No test depends on the speed of the machine (issue "Robust under load"): every budget in the
 * suites is a count of cases or evaluations. A time budget would make a verdict, or a test, pass
 * on an idle machine and fail on a loaded one. This reads every test file and the helpers they
 * share, and fails on each way the suite has (or fast-check and vitest have) of bounding work by
 * time: fast-check's time limits, vitest per-test timeouts, and audits run on a time budget (an
 * audit in a test runs on --evaluations alone; a --budget appears only where it is refused).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseBudget } from '../src/cli/audit.js';
import config from '../vitest.config.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const self = fileURLToPath(import.meta.url);

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The test files, and the modules of properties/ they share (budget.ts, fast-check-setup.ts). */
const files = [...filesUnder(join(root, 'src')), ...filesUnder(join(root, 'properties'))].filter(
  (f) => f !== self && f.endsWith('.ts') && (f.endsWith('.test.ts') || f.startsWith(join(root, 'properties'))),
);

describe('no test is bounded by time', () => {
  test('the suites are found', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  test.each([
    ['fast-check interruptAfterTimeLimit', /interruptAfterTimeLimit/],
    ['fast-check skipAllAfterTimeLimit', /skipAllAfterTimeLimit/],
    ['a fast-check or vitest timeout option', /\btimeout\s*:/],
    ['a per-test timeout (a number after the test function)', /^\s*\}\s*,\s*\d[\d_]*\s*\)\s*;?\s*$/m],
    ['vi.setConfig', /vi\.setConfig/],
    ["an audit's time budget in the library", /budgetMs\s*:/],
  ])('no %s', (_what, pattern) => {
    const offenders = files.filter((f) => pattern.test(readFileSync(f, 'utf8'))).map((f) => relative(root, f));
    expect(offenders).toEqual([]);
  });

  test('an audit run by a test has no time budget: every --budget a test passes is one the CLI refuses', () => {
    // A line that passes --budget: its value must be one parseBudget refuses, or the same line asks
    // for --class, which refuses any --budget (audit-class.test.ts checks that it does).
    const budgets = files.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/^.*'--budget',\s*'([^']*)'.*$/gm)].map((m) => ({ file: relative(root, f), value: m[1]!, withClass: m[0].includes("'--class'") })),
    );
    expect(budgets.length).toBeGreaterThan(0);
    for (const { file, value, withClass } of budgets) {
      if (!withClass) expect(() => parseBudget(value), `${file}: --budget ${value}`).toThrow();
    }
  });

  test("vitest's timeout only stops a hung test: it is far above what any test takes on a loaded machine", () => {
    expect(config.test?.testTimeout).toBeGreaterThanOrEqual(20 * 60_000);
  });
});
