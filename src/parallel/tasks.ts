/**
 * The units of work that `--jobs N` spreads over worker threads, as plain data in and out (they
 * cross a thread boundary by structured clone): a card checked over its class, a counterexample
 * file replayed, a batch of audit evaluations, an audit finalist confirmed, a claim of the power
 * benchmark checked from one seed. The same function runs
 * a task in the calling thread (one job) and in a worker (several), so a seed gives the same
 * results whatever the number of jobs: each task draws only from its own seed (cardSeed), never
 * from a stream shared with other tasks.
 */
import type { CaseSpec } from '../algorithms/case.js';
import { checkOne, type CheckAllSettings, type CheckedCard } from '../check/check-all.js';
import { replayFile, type ReplayResult } from '../check/replay.js';
import type { CaseVerdict } from '../check/verdict.js';
import { checkById } from '../conjectures/lookup.js';
import { confirmFinalist, evaluateCase } from '../audit/audit.js';
import { runPowerClaim, type PowerRun } from '../power/run.js';

export type Task =
  | { readonly kind: 'check'; readonly card: string; readonly settings: CheckAllSettings }
  | { readonly kind: 'replay'; readonly file: string }
  | { readonly kind: 'evaluate'; readonly card: string; readonly constant?: string; readonly instances: readonly CaseSpec[] }
  | { readonly kind: 'confirm'; readonly card: string; readonly constant?: string; readonly precision: number; readonly instance: CaseSpec }
  | { readonly kind: 'power'; readonly claim: string; readonly seed: number; readonly factor: number };

export interface TaskResults {
  check: CheckedCard;
  replay: ReplayResult;
  evaluate: number[];
  confirm: CaseVerdict;
  power: PowerRun;
}

export type ResultOf<K extends Task['kind']> = TaskResults[K];

/** What a running task tells its caller: a case of a check done, or what it is doing now. */
export type TaskEvent = { readonly kind: 'case' } | { readonly kind: 'activity'; readonly what: string };

/** Runs `task`; `stopped` says whether the command was asked to stop (a check then ends at its next case). */
export function runTask<T extends Task>(task: T, report: (event: TaskEvent) => void, stopped: () => boolean = () => false): ResultOf<T['kind']> {
  return perform(task, report, stopped) as ResultOf<T['kind']>;
}

function perform(task: Task, report: (event: TaskEvent) => void, stopped: () => boolean): TaskResults[Task['kind']] {
  switch (task.kind) {
    case 'check':
      return checkOne(checkById(task.card), task.settings, () => report({ kind: 'case' }), stopped);
    case 'replay':
      return replayFile(task.file);
    case 'evaluate': {
      const card = checkById(task.card);
      return task.instances.map((instance) => evaluateCase(card, instance, task.constant));
    }
    case 'confirm':
      return confirmFinalist(checkById(task.card), task.instance, task.constant, task.precision);
    case 'power':
      return runPowerClaim(task.claim, task.seed, task.factor, stopped);
  }
}
