/**
 * `--jobs N`: the order-keeping of progress (with a pool whose tasks finish out of order), and,
 * through the built executable (`npm test` builds dist/ first; worker threads load the compiled
 * modules), results identical to one thread for `run` and `audit`.
 */
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';
import { inOrder } from './jobs.js';
import { jobsOption, type JobPool } from './pool.js';
import { stopFlag } from './stop.js';
import type { Task, TaskEvent } from './tasks.js';

/** A pool whose task i reports `cases[i]` cases, then finishes after `delays[i]` ms (out of order). */
function scrambledPool(cases: readonly number[], delays: readonly number[], jobs = cases.length, stop = stopFlag()): JobPool {
  let next = 0;
  return {
    jobs,
    stop,
    run: (_task: Task, onEvent?: (event: TaskEvent) => void) => {
      const i = next++;
      return new Promise((resolve) => {
        setTimeout(() => {
          for (let c = 0; c < cases[i]!; c++) onEvent?.({ kind: 'case' });
          setTimeout(() => resolve(`result ${i}` as never), delays[i]!);
        }, delays[i]! / 2);
      });
    },
    close: async () => {},
  };
}

describe('tasks on a pool report as one thread would', () => {
  test('phases start, advance and end in the order asked, whatever order the tasks finish in', async () => {
    const events: string[] = [];
    const tasks = [0, 1, 2, 3].map((i): Task => ({ kind: 'replay', file: `f${i}` }));
    const results = await inOrder(scrambledPool([2, 0, 3, 1], [40, 5, 25, 1]), tasks, {
      start: (i) => events.push(`start ${i}`),
      unit: (i, unit) => events.push(`unit ${i}.${unit}`),
      done: (i, result) => events.push(`done ${i}: ${String(result)}`),
    });
    expect(results).toEqual(['result 0', 'result 1', 'result 2', 'result 3']);
    expect(events).toEqual([
      'start 0', 'unit 0.0', 'unit 0.1', 'done 0: result 0',
      'start 1', 'done 1: result 1',
      'start 2', 'unit 2.0', 'unit 2.1', 'unit 2.2', 'done 2: result 2',
      'start 3', 'unit 3.0', 'done 3: result 3',
    ]);
  });

  test('once the pool is asked to stop no task starts: the running ones finish, the others have no result', async () => {
    const events: string[] = [];
    const stop = stopFlag();
    const tasks = [0, 1, 2, 3].map((i): Task => ({ kind: 'replay', file: `f${i}` }));
    // Two lanes; the stop comes with task 0's first case, while 0 and 1 run (1 ends after 0).
    const results = await inOrder(scrambledPool([2, 2, 1, 1], [10, 40, 1, 1], 2, stop), tasks, {
      start: (i) => events.push(`start ${i}`),
      unit: (i, unit) => {
        events.push(`unit ${i}.${unit}`);
        if (i === 0 && unit === 0) stop.request();
      },
      done: (i, result) => events.push(`done ${i}: ${String(result)}`),
    });
    expect(results).toEqual(['result 0', 'result 1', undefined, undefined]);
    expect(events).toEqual(['start 0', 'unit 0.0', 'unit 0.1', 'done 0: result 0', 'start 1', 'unit 1.0', 'unit 1.1', 'done 1: result 1']);
  });

  test('--jobs takes a whole number from 1 to 256, and names the rule otherwise', () => {
    expect(jobsOption('2')).toBe(2);
    expect(jobsOption(undefined)).toBeGreaterThanOrEqual(1);
    for (const bad of ['0', '-1', '1.5', 'two', '257', '']) expect(() => jobsOption(bad)).toThrow(InputError);
    expect(() => jobsOption('0')).toThrow('--jobs = "0": must be a whole number of worker threads from 1 to 256');
  });
});

const executable = fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url));

function samcheck(argv: readonly string[]) {
  if (!existsSync(executable)) throw new Error(`${executable} is missing: run "npm run build" (npm test does it)`);
  const { status, stdout, stderr } = spawnSync(process.execPath, [executable, ...argv], { encoding: 'utf8' });
  return { status, stdout, stderr };
}

/** JSON output without what depends on the clock (seconds, of a check, a trace point, an audit). */
function timeless(json: string): unknown {
  return JSON.parse(json, (key, value: unknown) => (key === 'seconds' || key === 'record' ? undefined : value));
}

describe('--jobs 2 gives what --jobs 1 gives (the built executable)', () => {
  test('samcheck run: the same JSON, the same progress lines in the same order, the same files', () => {
    const outputs = [1, 2].map((jobs) => {
      const folder = mkdtempSync(join(tmpdir(), `samcheck-jobs-${jobs}-`));
      // C5 and HB-SAM-SC are falsified (two files are written); L2 and D-C hold.
      const result = samcheck(['run', 'L2', 'C5', 'HB-SAM-SC', 'D-C', '--runs', '20', '--seed', '5', '--json', '--jobs', String(jobs), '--save-to', folder]);
      return { ...result, files: readdirSync(folder).sort() };
    });
    const [one, two] = outputs as [(typeof outputs)[0], (typeof outputs)[0]];
    expect(one.status).toBe(0);
    expect(two.status).toBe(one.status);
    expect(timeless(two.stdout.replaceAll(/samcheck-jobs-2-\w+/g, 'F'))).toEqual(timeless(one.stdout.replaceAll(/samcheck-jobs-1-\w+/g, 'F')));
    const lines = (stderr: string) => stderr.replaceAll(/ in [\d.]+ s/g, '').replaceAll(/samcheck-jobs-\d-\w+/g, 'F').split('\n');
    expect(lines(two.stderr)).toEqual(lines(one.stderr));
    expect(one.files).toHaveLength(2);
    expect(two.files).toEqual(one.files);
  });

  test('samcheck audit --evaluations: the same best case, trace and verdict', () => {
    const [one, two] = [1, 2].map((jobs) => {
      const folder = mkdtempSync(join(tmpdir(), `samcheck-audit-${jobs}-`));
      return samcheck(['audit', 'D-NC', '--evaluations', '150', '--seed', '3', '--json', '--jobs', String(jobs), '--audits', folder, '--save-to', folder]);
    });
    expect(one!.status).toBe(0);
    expect(two!.status).toBe(0);
    expect(timeless(two!.stdout)).toEqual(timeless(one!.stdout));
  });
});
