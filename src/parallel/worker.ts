/**
 * A worker thread of the pool (pool.ts): loads the command's conjecture folders once, then runs
 * each task it is handed (tasks.ts) and posts its events to the task's port. What the computation
 * says it is doing (src/activity.ts) is posted when it changes; heartbeats stay here (the caller
 * keeps its own clock).
 */
import type { MessagePort } from 'node:worker_threads';
import Tinypool from 'tinypool';
import { setActivityListener } from '../activity.js';
import { loadConjectures } from '../conjectures/load.js';
import { registerConjectures } from '../theorems/catalog.js';
import type { WorkerSetup } from './pool.js';
import { stopFlag, type StopFlag } from './stop.js';
import { runTask, type Task, type TaskEvent } from './tasks.js';

let ready: Promise<void> | undefined;
let stop: StopFlag | undefined;

async function setUp(setup: WorkerSetup): Promise<void> {
  const { conjectures, problems, folders } = await loadConjectures(setup.conjectureFolders);
  registerConjectures(conjectures, problems, folders, setup.conjectureFolders);
}

export default async function work({ task, port }: { task: Task; port?: MessagePort }): Promise<unknown> {
  const setup = Tinypool.workerData as WorkerSetup;
  ready ??= setUp(setup);
  stop ??= stopFlag(setup.stop);
  await ready;
  const post = (event: TaskEvent) => port?.postMessage(event);
  let last = '';
  setActivityListener({
    activity(what) {
      if (what === last) return;
      last = what;
      post({ kind: 'activity', what });
    },
    heartbeat() {},
  });
  try {
    return runTask(task, post, stop.requested);
  } finally {
    setActivityListener(undefined);
    port?.close();
  }
}
