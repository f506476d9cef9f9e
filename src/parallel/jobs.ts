/**
 * The commands' work spread over a pool (pool.ts) with the results, the files and the progress
 * lines of one thread: tasks are independent (each draws from its own seed), results are kept in
 * the order asked, and progress is replayed in that order too: the first unfinished task is the
 * one shown; what later tasks did meanwhile is shown when their turn comes. So `--jobs 2` prints
 * the same lines, in the same order, as `--jobs 1`, only sooner.
 */
import type { CaseSpec } from '../algorithms/case.js';
import { activity, pulse } from '../activity.js';
import { auditSteps, type AuditOptions, type AuditResult } from '../audit/audit.js';
import { runsFor, type CheckAllHooks, type CheckAllSettings, type CheckedCard } from '../check/check-all.js';
import type { ReplayResult } from '../check/replay.js';
import type { CaseVerdict } from '../check/verdict.js';
import type { Card } from '../theorems/card.js';
import type { JobPool } from './pool.js';
import { speculation } from './speculation.js';
import type { ResultOf, Task } from './tasks.js';

/** How often a waiting thread tells the progress display that work goes on (elsewhere). */
const PULSE_MS = 1000;

/** The phases of a list of tasks as one thread would report them: start, each unit, done. */
export interface PhaseHooks<R> {
  start(index: number): void;
  unit(index: number, unit: number): void;
  done(index: number, result: R): void;
}

/**
 * Runs the tasks on the pool, as many at once as it has jobs, and reports their phases in order.
 * Resolves with the results in the order of `tasks`; once the pool's stop flag is set no task
 * starts, and those that did not are undefined.
 */
export async function inOrder<T extends Task>(pool: JobPool, tasks: readonly T[], hooks: PhaseHooks<ResultOf<T['kind']>>): Promise<(ResultOf<T['kind']> | undefined)[]> {
  const units = tasks.map(() => 0);
  const results: (ResultOf<T['kind']> | undefined)[] = tasks.map(() => undefined);
  const state = tasks.map((): 'waiting' | 'running' | 'finished' => 'waiting');
  let front = 0;
  let shown = 0; // units of the front task already reported
  // A task that never started because the pool was asked to stop is passed over in silence: the
  // caller says what was not run.
  const passedOver = (i: number) => state[i] === 'waiting' && pool.stop.requested();
  const catchUp = () => {
    while (front < tasks.length) {
      for (; shown < units[front]!; shown++) hooks.unit(front, shown);
      if (state[front] === 'finished') hooks.done(front, results[front]!);
      else if (!passedOver(front)) return;
      front++;
      shown = 0;
      if (front < tasks.length && !passedOver(front)) hooks.start(front);
    }
  };
  if (tasks.length > 0) hooks.start(0);
  const timer = setInterval(pulse, PULSE_MS);
  try {
    // One lane per job, each taking the next task in order when it is free: with one job, each
    // task ends (and is reported) before the next begins.
    let next = 0;
    const lane = async () => {
      while (next < tasks.length && !pool.stop.requested()) {
        const i = next++;
        state[i] = 'running';
        results[i] = await pool.run(tasks[i]!, (event) => {
          if (event.kind === 'case') units[i]!++;
          else if (i === front) activity(event.what);
          catchUp();
        });
        state[i] = 'finished';
        catchUp();
      }
    };
    await Promise.all(Array.from({ length: Math.min(pool.jobs, tasks.length) }, lane));
    catchUp(); // the tasks that never started, when the pool was asked to stop
  } finally {
    clearInterval(timer);
  }
  return results;
}

/** What a replay reports to the progress display. */
export interface ReplayHooks {
  start(file: string): void;
  done(file: string, result: ReplayResult): void;
}

/** What an interrupted list of checks and replays did not do: the checks with no verdict and the files not replayed. */
export interface NotRun {
  readonly checks: readonly string[];
  readonly files: readonly string[];
}

/**
 * Cards checked (checkOne, src/check/check-all.ts) and counterexample files replayed on the pool,
 * as one list of tasks: a replay starts as soon as a worker is free, not after the last check (a
 * long last check left the other worker idle in between). Hooks are called in the list's order,
 * checks first. When the pool is asked to stop, what finished is returned, and `notRun` names the
 * rest (a check stopped before its verdict among them).
 */
export async function checkAndReplay(
  pool: JobPool,
  cards: readonly Card[],
  settings: CheckAllSettings,
  files: readonly string[],
  hooks: CheckAllHooks & Partial<ReplayHooks> = {},
): Promise<{ checks: CheckedCard[]; replays: ReplayResult[]; notRun: NotRun }> {
  const tasks: Task[] = [...cards.map((card) => ({ kind: 'check' as const, card: card.id, settings })), ...files.map((file) => ({ kind: 'replay' as const, file }))];
  const isCheck = (i: number) => i < cards.length;
  const results = await inOrder(pool, tasks, {
    start: (i) => (isCheck(i) ? hooks.onStart?.(cards[i]!, runsFor(cards[i]!, settings.runs)) : hooks.start?.(files[i - cards.length]!)),
    unit: (i, unit) => (isCheck(i) ? hooks.onCase?.(cards[i]!, unit) : undefined),
    done: (i, result) => (isCheck(i) ? hooks.onDone?.(cards[i]!, result as CheckedCard) : hooks.done?.(files[i - cards.length]!, result as ReplayResult)),
  });
  const checks = results.slice(0, cards.length) as (CheckedCard | undefined)[];
  const replays = results.slice(cards.length) as (ReplayResult | undefined)[];
  const judged = (c: CheckedCard | undefined): c is CheckedCard => c !== undefined && c.status !== 'interrupted';
  return {
    checks: checks.filter(judged),
    replays: replays.filter((r): r is ReplayResult => r !== undefined),
    notRun: { checks: cards.filter((_, i) => !judged(checks[i])).map((c) => c.id), files: files.filter((_, i) => replays[i] === undefined) },
  };
}

/** Cards checked on the pool, hooks called in card order; `notRun` as checkAndReplay's. */
export async function checkCards(pool: JobPool, cards: readonly Card[], settings: CheckAllSettings, hooks: CheckAllHooks = {}): Promise<{ checks: CheckedCard[]; notRun: NotRun }> {
  const { checks, notRun } = await checkAndReplay(pool, cards, settings, [], hooks);
  return { checks, notRun };
}

/**
 * An audit (src/audit/audit.ts) driven on the pool: the cases it announces are evaluated side by
 * side (speculation.ts), its finalists confirmed side by side, and its requests answered from
 * those results in its own order. The audit is the same as in one thread; the work of announced
 * cases it never asks for (a poll that moves early) is the price.
 */
export async function auditOn(pool: JobPool, card: Card, options: AuditOptions): Promise<AuditResult> {
  const constant = options.constant === undefined ? {} : { constant: options.constant };
  // Two chunks per job in flight: each worker has its next chunk waiting (pool.ts).
  const ahead = speculation(2 * pool.jobs, (instances) => pool.run({ kind: 'evaluate', card: card.id, ...constant, instances }));
  const verdicts = new Map<string, Promise<CaseVerdict>>();
  const confirm = (instance: CaseSpec) => pool.run({ kind: 'confirm', card: card.id, ...constant, precision: options.precision, instance });
  const timer = setInterval(pulse, PULSE_MS);
  try {
    const steps = auditSteps(card, options);
    let request = steps.next();
    while (!request.done) {
      const r = request.value;
      let answer: number | CaseVerdict | undefined;
      if ('upcoming' in r) ahead.announce(r.upcoming());
      else if ('confirming' in r) for (const instance of r.confirming) verdicts.set(JSON.stringify(instance), quiet(confirm(instance)));
      else if ('evaluate' in r) answer = await ahead.value(r.evaluate);
      else answer = await (verdicts.get(JSON.stringify(r.confirm)) ?? confirm(r.confirm));
      request = steps.next(answer);
    }
    return request.value;
  } finally {
    clearInterval(timer);
    // Nothing may still run when the pool closes.
    await ahead.settled();
    await Promise.allSettled([...verdicts.values()]);
  }
}

/**
 * `promise`, marked as handled: a confirmation nobody asks for must not crash the process when a
 * worker fails (one that is asked for still throws where it is awaited).
 */
function quiet<V>(promise: Promise<V>): Promise<V> {
  promise.catch(() => {});
  return promise;
}
