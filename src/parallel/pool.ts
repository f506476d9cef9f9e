/**
 * Where tasks run (tasks.ts): in this thread (one job), or on a pool of worker threads (tinypool,
 * the pool vitest was built on: small, no dependencies, Node 20). Each worker loads the same
 * conjecture folders as the command (so a user's conjectures, methods and families exist there
 * too) and tells its caller, through a message port per task, each case it finishes and what it is
 * doing. Results come back by structured clone: the same plain data as a task run in this thread.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import Tinypool from 'tinypool';
import { InputError } from '../errors.js';
import { stopFlag, type StopFlag } from './stop.js';
import { runTask, type ResultOf, type Task, type TaskEvent } from './tasks.js';

export interface JobPool {
  /** How many tasks run at once. */
  readonly jobs: number;
  /** Set when the command is asked to stop: no task starts after it, and a running check ends at its next case. */
  readonly stop: StopFlag;
  run<T extends Task>(task: T, onEvent?: (event: TaskEvent) => void): Promise<ResultOf<T['kind']>>;
  close(): Promise<void>;
}

/** What a worker needs to know before its first task. */
export interface WorkerSetup {
  /** The conjecture folders the command loaded, in its order. */
  readonly conjectureFolders: readonly string[];
  /** The memory of the command's stop flag (stop.ts), which the workers read. */
  readonly stop?: SharedArrayBuffer;
}

/** What a command's pool is made with: the workers' setup, and the command's stop flag (shared with them). */
export interface PoolSetup extends Omit<WorkerSetup, 'stop'> {
  readonly stop: StopFlag;
}

/** The default of --jobs: every core this process may use. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** --jobs N: a whole number from 1 to 256. */
export function jobsOption(text: string | undefined): number {
  if (text === undefined) return defaultJobs();
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(n) || n < 1 || n > 256) throw new InputError('--jobs', text, 'must be a whole number of worker threads from 1 to 256');
  return n;
}

/**
 * A command's pool of `jobs` worker threads, closed after `work` whatever it does. Worker threads
 * even for one job: the command's own thread stays free to answer Ctrl-C (a signal reaches
 * JavaScript only between tasks of the thread that receives it) and to keep the progress line alive.
 */
export async function withPool<R>(jobs: number, setup: PoolSetup, work: (pool: JobPool) => Promise<R>): Promise<R> {
  const pool = workerPool(jobs, setup);
  try {
    return await work(pool);
  } finally {
    await pool.close();
  }
}

/** Tasks run in this thread, one at a time, when asked (a library's caller and the tests: no workers to start). */
export function inlinePool(stop: StopFlag = stopFlag()): JobPool {
  return {
    jobs: 1,
    stop,
    run: async (task, onEvent) => runTask(task, onEvent ?? (() => {}), stop.requested),
    close: async () => {},
  };
}

function workerPool(jobs: number, { stop, ...setup }: PoolSetup): JobPool {
  const pool = new Tinypool({
    filename: workerModule(),
    minThreads: jobs,
    maxThreads: jobs,
    // A second task waits in the worker itself, so that it starts the moment the first ends: handed
    // over by this thread, it would wait while this thread is busy (an audit steps its search and
    // draws its next cases here). Tasks that must not queue (a check's) are handed out one per job.
    concurrentTasksPerWorker: 2,
    workerData: { ...setup, stop: stop.buffer } satisfies WorkerSetup,
    // A worker that stays alive keeps its loaded modules and caches for the next task.
    idleTimeout: 60_000,
  });
  // A worker that cannot start (a module that fails to load) fails the tasks given to it; the
  // pool's own error event must not also bring the process down.
  pool.on('error', () => {});
  return {
    jobs,
    stop,
    async run(task, onEvent) {
      // A port only for a task whose caller listens (an audit's evaluations are many and small).
      if (onEvent === undefined) return pool.run({ task });
      const { port1, port2 } = new MessageChannel();
      port1.on('message', (event: TaskEvent) => onEvent(event));
      try {
        return await pool.run({ task, port: port2 }, { transferList: [port2] });
      } finally {
        port1.close();
      }
    },
    close: () => pool.destroy(),
  };
}

/**
 * The worker's module: in dist/, the compiled worker.js beside this file. Under tsx (the sources),
 * worker.ts, which a worker thread cannot import by itself (Node 20 does not strip types, and
 * tsx's hooks are not inherited): a one-line module registers tsx in the worker first, as the
 * conjecture loader does (src/conjectures/load.ts).
 */
function workerModule(): string {
  if (!import.meta.url.endsWith('.ts')) return new URL('./worker.js', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const worker = new URL('./worker.ts', import.meta.url).href;
  const source = `import { register } from ${JSON.stringify(tsx)}; register(); export default (await import(${JSON.stringify(worker)})).default;`;
  return `data:text/javascript,${encodeURIComponent(source)}`;
}
