/**
 * What the soak holds each finished process to. A crash is anything a user should never meet: an
 * exit code other than 0, 1 or 2 (3 is samcheck's own "internal error"), a signal, a process that
 * had to be killed, a stack trace, a --json output that does not parse, a check that erred, an exit
 * code the output does not explain, a file it says it wrote that is missing or does not parse.
 * Besides crashes, the soak notes what a user would act on: a theorem card violated (a proven
 * bound contradicted: a bug of the suite, or of the theorem), and a saved counterexample that
 * does not replay.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Finished } from './processes.js';

export type ProblemKind = 'crash' | 'violation' | 'no replay';

export interface Problem {
  readonly kind: ProblemKind;
  /** What went wrong, in one line. */
  readonly what: string;
  /** The command that makes it happen again. */
  readonly command: string;
}

export interface Judged {
  readonly problems: Problem[];
  /** Counterexample files the process says it saved (to be replayed in a process of their own). */
  readonly saved: string[];
  /** Each check's status, by ID (runs and main jobs). */
  readonly statuses: Record<string, string>;
}

interface CheckJson {
  readonly id: string;
  readonly status: string;
  readonly error?: string;
  readonly rerun?: string;
  readonly counterexample?: { readonly file: string | null; readonly notSaved?: string; readonly replay?: { readonly reproduced: boolean; readonly problem?: string } };
}

/** The checks of a card that are theorems (a violation of one is a finding against the suite or the paper). */
export type TheoremTest = (id: string) => boolean;

/** A stack trace's frame line ("    at f (file.js:1:2)"). */
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

/** The checks common to every process; the JSON it printed, when it parses. */
function basics(p: Finished, problems: Problem[]): unknown {
  const crash = (what: string) => problems.push({ kind: 'crash', what, command: p.command });
  if (p.hung) crash(`did not end (killed by the soak's watchdog after ${p.seconds.toFixed(0)} s)`);
  else if (p.signal !== null) crash(`killed by ${p.signal}`);
  else if (p.code === 3) crash(`internal error: ${firstLines(p.stderr, 'internal error')}`);
  else if (p.code === 2) crash(`exit 2 (bad input) on a command line the soak made valid: ${lastLine(p.stderr)}`);
  else if (p.code !== 0 && p.code !== 1) crash(`exit code ${p.code}: ${lastLine(p.stderr)}`);
  if (p.code !== 3 && STACK_FRAME.test(p.stderr)) crash(`a stack trace on stderr: ${firstLines(p.stderr, '')}`);
  if (p.hung || p.signal !== null) return undefined;
  try {
    return JSON.parse(p.stdout);
  } catch (error) {
    crash(`--json output does not parse (${error instanceof Error ? error.message : String(error)}): ${p.stdout.slice(0, 200)}`);
    return undefined;
  }
}

/** Each check of a run or a main job: errors, violations, saved files and whether they replayed in the job. */
function judgeChecks(p: Finished, checks: readonly CheckJson[], isTheorem: TheoremTest, problems: Problem[], saved: string[], statuses: Record<string, string>): boolean {
  let failing = false;
  for (const c of checks) {
    statuses[c.id] = c.status;
    if (c.status === 'error') problems.push({ kind: 'crash', what: `${c.id} erred: ${c.error ?? '(no message)'}`, command: c.rerun ?? p.command });
    if (c.status === 'violated' && isTheorem(c.id)) problems.push({ kind: 'violation', what: `${c.id} violated`, command: c.rerun ?? p.command });
    const found = c.counterexample;
    if (found?.file) {
      saved.push(found.file);
      if (!existsSync(found.file)) problems.push({ kind: 'crash', what: `${c.id}: the saved file ${found.file} is missing`, command: c.rerun ?? p.command });
      if (found.replay?.reproduced === false) problems.push({ kind: 'no replay', what: `${c.id}: ${found.file} does not replay in the job: ${found.replay.problem ?? ''}`, command: c.rerun ?? p.command });
    }
    failing ||= c.status === 'violated' || c.status === 'error' || found?.notSaved !== undefined;
  }
  return failing;
}

/** `samcheck run ID --json ...`. */
export function judgeRun(p: Finished, isTheorem: TheoremTest): Judged {
  const problems: Problem[] = [];
  const saved: string[] = [];
  const statuses: Record<string, string> = {};
  const json = basics(p, problems) as { cards?: CheckJson[] } | undefined;
  if (json !== undefined) {
    const failing = judgeChecks(p, json.cards ?? [], isTheorem, problems, saved, statuses);
    expectExit(p, failing ? 1 : 0, problems);
  }
  return { problems, saved, statuses };
}

/** `samcheck --json --report DIR ...` (the main job): its checks, its replays, its page and results.json. */
export function judgeMainJob(p: Finished, report: string, isTheorem: TheoremTest): Judged {
  const problems: Problem[] = [];
  const saved: string[] = [];
  const statuses: Record<string, string> = {};
  const json = basics(p, problems) as { checks?: CheckJson[]; replays?: { file: string; reproduced: boolean }[] } | undefined;
  if (json !== undefined) {
    let failing = judgeChecks(p, json.checks ?? [], isTheorem, problems, saved, statuses);
    for (const r of json.replays ?? []) {
      if (!r.reproduced) problems.push({ kind: 'no replay', what: `the store's ${r.file} did not reproduce in the job`, command: p.command });
      failing ||= !r.reproduced;
    }
    expectExit(p, failing ? 1 : 0, problems);
    requireFile(p, `${report}/index.html`, (text) => text.trimEnd().endsWith('</html>'), problems);
    requireFile(p, `${report}/results.json`, parses, problems);
  }
  return { problems, saved, statuses };
}

/** `samcheck audit ID --json ...` (with or without --class): its record and its file. */
export function judgeAudit(p: Finished, isTheorem: TheoremTest, id: string): Judged {
  const problems: Problem[] = [];
  const saved: string[] = [];
  const json = basics(p, problems) as { record?: string; counterexample?: string | null; file?: string | null; holds?: boolean | null } | undefined;
  if (json !== undefined) {
    if (json.record) requireFile(p, json.record, parses, problems);
    const file = json.counterexample ?? json.file ?? null;
    if (file) {
      saved.push(file);
      requireFile(p, file, parses, problems);
    }
    if (p.code === 1 && !isTheorem(id)) problems.push({ kind: 'crash', what: `exit 1 on an audit of a conjecture (a finding is not a failure)`, command: p.command });
    if (p.code === 1 && isTheorem(id)) problems.push({ kind: 'violation', what: `the audit of ${id} reports a violation`, command: p.command });
  }
  return { problems, saved, statuses: {} };
}

/** `samcheck replay FILE --json`: the file must reproduce. */
export function judgeReplay(p: Finished): Judged {
  const problems: Problem[] = [];
  const json = basics(p, problems) as { counterexamples?: { file: string; reproduced: boolean; error?: string; invalid?: string }[] } | undefined;
  for (const r of json?.counterexamples ?? []) {
    if (!r.reproduced) problems.push({ kind: 'no replay', what: `${r.file} does not reproduce: ${r.error ?? r.invalid ?? 'NOT reproduced'}`, command: p.command });
  }
  if (json !== undefined) expectExit(p, (json.counterexamples ?? []).every((r) => r.reproduced) ? 0 : 1, problems);
  return { problems, saved: [], statuses: {} };
}

function expectExit(p: Finished, expected: number, problems: Problem[]): void {
  if (p.code === 0 || p.code === 1) {
    if (p.code !== expected) problems.push({ kind: 'crash', what: `exit ${p.code} where the output says ${expected}`, command: p.command });
  }
}

function requireFile(p: Finished, path: string, complete: (text: string) => boolean, problems: Problem[]): void {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    problems.push({ kind: 'crash', what: `${path} was not written`, command: p.command });
    return;
  }
  if (!complete(text)) problems.push({ kind: 'crash', what: `${path} is incomplete or does not parse`, command: p.command });
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1) ?? '';
}

/** The lines of `text` from the first that contains `from`, up to three of them, joined. */
function firstLines(text: string, from: string): string {
  const lines = text.split('\n');
  const start = Math.max(0, lines.findIndex((l) => l.includes(from)));
  return lines.slice(start, start + 3).map((l) => l.trim()).join(' | ');
}
