/**
 * The soak's processes: samcheck commands run as a user runs them (a fresh `node dist/src/cli.js`
 * each), at most `jobs` at a time, each with what it printed, its exit code or signal, and its time.
 * A process that runs past a generous watchdog is killed and reported as hung: the budgets of
 * samcheck are counts, so a run that never ends is a bug like a crash; the watchdog decides no
 * verdict.
 */
import { spawn } from 'node:child_process';

export interface Finished {
  /** The command line as a user types it (npx samcheck ...). */
  readonly command: string;
  readonly args: readonly string[];
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
  /** Killed by the watchdog. */
  readonly hung: boolean;
}

export interface Runner {
  run(args: readonly string[]): Promise<Finished>;
  /** Kills every running process (Ctrl-C of the soak). */
  stopAll(): void;
}

/** Runs `node CLI ...args` processes, at most `jobs` at once, each killed after `watchdogSeconds`. */
export function processRunner(cli: string, jobs: number, watchdogSeconds: number): Runner {
  const running = new Set<ReturnType<typeof spawn>>();
  const waiting: (() => void)[] = [];
  let active = 0;
  let stopped = false;
  const slot = async () => {
    if (active >= jobs) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
  };
  const release = () => {
    active--;
    waiting.shift()?.();
  };
  return {
    async run(args) {
      await slot();
      try {
        // After stopAll nothing starts: the process is reported as killed at once.
        if (stopped) return { command: commandLine(args), args, code: null, signal: 'SIGKILL', stdout: '', stderr: '', seconds: 0, hung: false };
        return await once(cli, args, watchdogSeconds, running);
      } finally {
        release();
      }
    },
    stopAll() {
      stopped = true;
      for (const child of running) child.kill('SIGKILL');
    },
  };
}

function once(cli: string, args: readonly string[], watchdogSeconds: number, running: Set<ReturnType<typeof spawn>>): Promise<Finished> {
  const started = performance.now();
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let hung = false;
  const watchdog = setTimeout(() => {
    hung = true;
    child.kill('SIGKILL');
  }, watchdogSeconds * 1000);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(watchdog);
      running.delete(child);
      resolve({ command: commandLine(args), args, code, signal, stdout, stderr, seconds: (performance.now() - started) / 1000, hung });
    });
  });
}

/** The command as a user types it, each word quoted where the shell needs it. */
export function commandLine(args: readonly string[]): string {
  return ['npx samcheck', ...args.map((a) => (/^[\w./@:+=,-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`))].join(' ');
}
