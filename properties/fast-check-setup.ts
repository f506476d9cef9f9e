/**
 * fast-check settings from the environment, so that any property run can be repeated or enlarged
 * without editing code:
 *   FC_SEED=<n>          the seed (else one is drawn for each test file, and printed on failure)
 *   FC_PATH=<path>       replay one shrunk counterexample (with FC_SEED)
 *   FC_NUM_RUNS=<n>      runs per property, instead of each property's own default budget
 *
 * Every failing test ends its message with the line that reruns it alone, whatever it threw (an
 * assertion, fast-check's report, or an exception from the code under test):
 *   rerun: FC_SEED=<n> [FC_PATH=<path>] npx vitest run <file> -t '<its name>'
 */
import { relative } from 'node:path';
import fc from 'fast-check';
import { beforeEach } from 'vitest';
import { FILE_SEED, wholeFromEnvironment } from './budget.js';

const numRuns = wholeFromEnvironment('FC_NUM_RUNS');
const path = process.env.FC_PATH;
fc.configureGlobal({
  ...fc.readConfigureGlobal(),
  seed: FILE_SEED,
  ...(numRuns === undefined ? {} : { numRuns }),
  ...(path ? { path, endOnFailure: true } : {}),
});

interface NamedTask {
  readonly name: string;
  readonly suite?: NamedTask;
  readonly file?: { readonly filepath: string };
  readonly filepath?: string;
}

beforeEach((context) => {
  context.onTestFailed(({ task }) => {
    const errors = task.result?.errors ?? [];
    const line = rerunLine(task, errors.map((e) => e.message ?? '').join('\n'));
    for (const error of errors) error.message = `${error.message ?? ''}\n${line}`;
  });
});

/**
 * The command that reruns `task` alone: its file, a -t pattern that matches its full name (vitest
 * matches the names of its suites and its own, joined by spaces), the seed, and fast-check's path
 * when the failure is a property's (its own report names the seed and path it used).
 */
export function rerunLine(task: NamedTask, message: string): string {
  const reported = /\{ seed: (-?\d+), path: "([^"]*)"/.exec(message);
  const seed = reported?.[1] ?? String(FILE_SEED);
  const names: string[] = [];
  for (let t: NamedTask | undefined = task; t !== undefined && t.filepath === undefined; t = t.suite) names.unshift(t.name);
  const pattern = names.join(' ').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const file = task.file === undefined ? '' : ` ${relative(process.cwd(), task.file.filepath)}`;
  return `rerun: FC_SEED=${seed}${reported ? ` FC_PATH=${reported[2]}` : ''} npx vitest run${file} -t ${shellQuoted(pattern)}`;
}

function shellQuoted(text: string): string {
  return `'${text.replace(/'/g, "'\\''")}'`;
}
