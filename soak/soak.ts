/**
 * `npm run soak`: samcheck under many seeds, as a user meets it, looking for crashes (judge.ts).
 * Every process is a fresh `samcheck` command; what it reports and writes is checked, and every
 * problem is listed with the command that makes it happen again.
 *
 *   npm run soak -- --seeds 80 --jobs 2         # every check × 80 seeds, replays, main jobs, audits
 *   npm run soak -- --slice ci                  # the small fixed slice CI runs (a few minutes)
 *
 * What runs, in order:
 * 1. `samcheck run ID --seed S --precision P --json --jobs 1` for every check ID and seed S (seed-major, so a
 *    stopped soak has covered every check), each saved counterexample replayed at once by
 *    `samcheck replay FILE --json` in a process of its own; and the commands that once crashed
 *    (REGRESSIONS);
 * 2. the main job `samcheck --seed S --json --report DIR` for --main seeds;
 * 3. `samcheck audit ID --evaluations E --seed S --json` for every card with a bound, --audits seeds;
 * 4. `samcheck audit ID --class --evaluations E --seed S --json` for every deterministic card at a
 *    fixed step size, --class seeds.
 *
 * Options: --seeds N (default 20), --from S (the first seed; default random, printed),
 * --precisions P,... (the verification precisions the seeds take in turn; default 40,30,70, so
 * that every tier of the verdict ladder is used: double-double, quad-double, decimal), --jobs J
 * (processes at once; default the cores), --only ID,... (the checks and cards), --main N (2),
 * --main-runs N (the main job's --runs; default its own), --audits N (1), --audit-evaluations E
 * (300), --class N (1), --class-evaluations E (4000), --out DIR (where findings, reports and
 * soak.json go; default a new temporary folder, kept), --watchdog SECONDS (1800: a process that
 * runs longer is killed and reported as hung), --slice ci.
 *
 * Exit code: 0 when nothing went wrong, 1 when something did (each listed), 2 on bad options, 130
 * when interrupted (what finished is summarized).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { judgeAudit, judgeMainJob, judgeReplay, judgeRun, type Judged, type Problem } from './judge.js';
import { processRunner, type Finished } from './processes.js';

const CLI = fileURLToPath(new URL('../src/cli.js', import.meta.url));

/** Commands that once crashed samcheck, run by every soak (the reason each is here beside it). */
const REGRESSIONS: readonly (readonly string[])[] = [
  // Verification in double-double overflowed on a diverging run (OverflowError escaped the verdict).
  ['run', 'ASAM-SC', '--seed', '1772821108', '--precision', '30'],
];

interface Plan {
  readonly seeds: readonly number[];
  /** The verification precisions the seeds take in turn (each tier of the verdict ladder: dd up to 31 digits, qd up to 62, decimal above). */
  readonly precisions: readonly number[];
  readonly checks: readonly string[];
  readonly mainSeeds: readonly number[];
  readonly mainRuns?: number;
  readonly audits: readonly { id: string; seed: number }[];
  readonly auditEvaluations: number;
  readonly classAudits: readonly { id: string; seed: number }[];
  readonly classEvaluations: number;
  readonly jobs: number;
  readonly out: string;
  readonly watchdog: number;
}

interface CatalogEntry {
  readonly id: string;
  readonly kind: string;
  readonly audit: boolean;
  readonly classAudit: boolean;
}

interface Record {
  readonly phase: 'run' | 'replay' | 'main' | 'audit' | 'class' | 'regression';
  readonly command: string;
  readonly code: number | null;
  readonly signal: string | null;
  readonly seconds: number;
  readonly statuses: { [id: string]: string };
  readonly problems: Problem[];
}

class BadOption extends Error {}

async function main(): Promise<number> {
  let plan: Plan;
  let catalog: CatalogEntry[];
  try {
    catalog = await readCatalog();
    plan = planFrom(process.argv.slice(2), catalog);
  } catch (error) {
    if (!(error instanceof BadOption)) throw error;
    process.stderr.write(`soak: ${error.message}\n`);
    return 2;
  }
  const theorems = new Set(catalog.filter((c) => c.kind !== 'conjecture').map((c) => c.id));
  const isTheorem = (id: string) => theorems.has(id);
  const runner = processRunner(CLI, plan.jobs, plan.watchdog);
  const records: Record[] = [];
  const started = performance.now();
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(130);
    stopping = true;
    process.stderr.write('\nsoak: interrupted: stopping the running processes (Ctrl-C again to leave at once)\n');
    runner.stopAll();
  };
  process.on('SIGINT', stop).on('SIGTERM', stop);

  const findings = join(plan.out, 'findings');
  const replayed = new Set<string>();
  const pending: Promise<void>[] = [];
  const record = (phase: Record['phase'], p: Finished, judged: Judged) => {
    if (stopping) return; // a process killed by the soak's own Ctrl-C is not a finding
    records.push({ phase, command: p.command, code: p.code, signal: p.signal, seconds: Number(p.seconds.toFixed(2)), statuses: judged.statuses, problems: judged.problems });
    for (const problem of judged.problems) process.stderr.write(`soak: ${problem.kind.toUpperCase()}: ${problem.what}\n  rerun: ${problem.command}\n`);
    // Each saved file replayed once, by a process of its own, as a user replays it.
    for (const file of judged.saved.filter((f) => !replayed.has(f))) {
      replayed.add(file);
      pending.push(runner.run(['replay', file, '--json']).then((r) => record('replay', r, judgeReplay(r))));
    }
  };
  const progress = (phase: string, done: number, total: number) => process.stderr.write(`soak: ${phase} ${done}/${total} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);

  process.stderr.write(`soak: ${plan.seeds.length} seeds from ${plan.seeds[0]} × ${plan.checks.length} checks, ${plan.mainSeeds.length} main jobs, ${plan.audits.length} audits, ${plan.classAudits.length} class audits, ${plan.jobs} at once; findings and reports in ${plan.out}\n`);
  const runs = [
    ...REGRESSIONS.filter((args) => plan.checks.includes(args[1]!)).map((args) => ({ phase: 'regression' as const, args: [...args, '--json', '--jobs', '1', '--save-to', findings] })),
    ...plan.seeds.flatMap((seed, k) =>
      plan.checks.map((id) => ({ phase: 'run' as const, args: ['run', id, '--seed', String(seed), '--precision', String(plan.precisions[k % plan.precisions.length]), '--json', '--jobs', '1', '--save-to', findings] })),
    ),
  ];
  let done = 0;
  await Promise.all(
    runs.map(async ({ phase, args }) => {
      const p = await runner.run(args);
      record(phase, p, judgeRun(p, isTheorem));
      if (++done % Math.max(1, Math.floor(runs.length / 20)) === 0 || done === runs.length) progress('runs', done, runs.length);
    }),
  );
  await Promise.all(pending);
  for (const seed of plan.mainSeeds) {
    if (stopping) break;
    const report = join(plan.out, `main-${seed}`);
    const p = await runner.run(['--seed', String(seed), ...(plan.mainRuns === undefined ? [] : ['--runs', String(plan.mainRuns)]), '--json', '--report', report, '--jobs', String(plan.jobs)]);
    record('main', p, judgeMainJob(p, report, isTheorem));
    progress('main jobs', plan.mainSeeds.indexOf(seed) + 1, plan.mainSeeds.length);
  }
  await Promise.all(pending);
  const audits = join(plan.out, 'audits');
  await Promise.all([
    ...plan.audits.map(async ({ id, seed }) => {
      const p = await runner.run(['audit', id, '--evaluations', String(plan.auditEvaluations), '--seed', String(seed), '--json', '--jobs', '1', '--audits', join(audits, String(seed)), '--save-to', findings]);
      record('audit', p, judgeAudit(p, isTheorem, id));
    }),
    ...plan.classAudits.map(async ({ id, seed }) => {
      const p = await runner.run(['audit', id, '--class', '--evaluations', String(plan.classEvaluations), '--seed', String(seed), '--json', '--save-to', findings]);
      record('class', p, judgeAudit(p, isTheorem, id));
    }),
  ]);
  await Promise.all(pending);

  const seconds = (performance.now() - started) / 1000;
  const summaryFile = join(plan.out, 'soak.json');
  writeFileSync(summaryFile, JSON.stringify({ plan, seconds, records }, null, 1));
  process.stdout.write(`${summary(records, plan, seconds, stopping)}\n  every process: ${summaryFile}\n`);
  if (stopping) return 130;
  return records.some((r) => r.problems.length > 0) ? 1 : 0;
}

/** The soak in a few lines: how many of each, every problem with its command, and each check's statuses. */
function summary(records: readonly Record[], plan: Plan, seconds: number, interrupted: boolean): string {
  const count = (phase: Record['phase']) => records.filter((r) => r.phase === phase).length;
  const problems = records.flatMap((r) => r.problems);
  const of = (kind: Problem['kind']) => problems.filter((p) => p.kind === kind).length;
  const lines = [
    `soak${interrupted ? ' (INTERRUPTED: what finished)' : ''}: ${count('run')} check runs (${plan.seeds.length} seeds × ${plan.checks.length} checks), ${count('regression')} regressions, ${count('replay')} replays, ${count('main')} main jobs, ${count('audit')} audits, ${count('class')} class audits; ${records.length} processes in ${seconds.toFixed(0)} s, ${plan.jobs} at once`,
    `crashes: ${of('crash')}; theorem cards violated: ${of('violation')}; saved files that do not replay: ${of('no replay')}`,
  ];
  for (const p of problems) lines.push(`  ${p.kind}: ${p.what}`, `    rerun: ${p.command}`);
  lines.push('', 'check       runs  statuses');
  const byCheck = new Map<string, string[]>();
  for (const r of records.filter((x) => x.phase === 'run')) for (const [id, status] of Object.entries(r.statuses)) byCheck.set(id, [...(byCheck.get(id) ?? []), status]);
  for (const id of plan.checks.filter((c) => byCheck.has(c))) {
    const statuses = byCheck.get(id)!;
    const counts = new Map<string, number>();
    for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
    lines.push(`${id.padEnd(11)} ${String(statuses.length).padStart(4)}  ${[...counts].map(([s, n]) => `${n} ${s}`).join(', ')}`);
  }
  return lines.join('\n');
}

/** The checks as data (`samcheck catalog --json`), from the built CLI this soak drives. */
async function readCatalog(): Promise<CatalogEntry[]> {
  const runner = processRunner(CLI, 1, 600);
  const p = await runner.run(['catalog', '--json']);
  if (p.code !== 0) throw new Error(`samcheck catalog --json failed (exit ${p.code}): ${p.stderr}`);
  return JSON.parse(p.stdout) as CatalogEntry[];
}

function planFrom(argv: readonly string[], catalog: readonly CatalogEntry[]): Plan {
  let values: { [name: string]: string | undefined };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: Object.fromEntries(
        ['seeds', 'from', 'jobs', 'only', 'precisions', 'main', 'main-runs', 'audits', 'audit-evaluations', 'class', 'class-evaluations', 'out', 'watchdog', 'slice'].map((name) => [name, { type: 'string' as const }]),
      ),
      strict: true,
    }) as { values: { [name: string]: string | undefined } });
  } catch (error) {
    throw new BadOption(error instanceof Error ? error.message : String(error));
  }
  const ci = values.slice === 'ci';
  if (values.slice !== undefined && !ci) throw new BadOption(`invalid --slice = ${JSON.stringify(values.slice)}: the only slice is ci`);
  const whole = (name: string, fallback: number, min = 0, max = 1e9) => {
    const text = values[name];
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < min || n > max) throw new BadOption(`invalid --${name} = ${JSON.stringify(text)}: must be a whole number from ${min} to ${max}`);
    return n;
  };
  const known = catalog.map((c) => c.id);
  const only = values.only?.split(',').map((id) => id.trim()).filter(Boolean);
  for (const id of only ?? []) if (!known.includes(id)) throw new BadOption(`invalid --only = ${JSON.stringify(id)}: not a check (${known.join(', ')})`);
  const selected = catalog.filter((c) => only === undefined || only.includes(c.id));
  // The CI slice: fixed seeds, every check twice at its default budget, one short main job, a
  // few audits of each kind (a few minutes on 2 cores).
  const from = whole('from', ci ? 1 : Math.floor(Math.random() * 2 ** 31), 0, 2 ** 32 - 3000);
  const seeds = Array.from({ length: whole('seeds', ci ? 2 : 20, 0, 100_000) }, (_, k) => from + k);
  const firstSeeds = (n: number) => seeds.length === 0 ? Array.from({ length: n }, (_, k) => from + k) : seeds.slice(0, n);
  const auditIds = ci ? selected.filter((c) => ['D-NC', 'S-SC-n', 'C6'].includes(c.id)) : selected;
  const classIds = ci ? selected.filter((c) => ['L7', 'D-NC'].includes(c.id)) : selected;
  const auditSeeds = firstSeeds(whole('audits', 1, 0, 1000));
  const classSeeds = firstSeeds(whole('class', 1, 0, 1000));
  const precisions = (values.precisions ?? '40,30,70').split(',').map((text) => {
    const p = Number(text);
    if (!/^\d+$/.test(text.trim()) || p < 10 || p > 500) throw new BadOption(`invalid --precisions = ${JSON.stringify(values.precisions)}: each must be a whole number of digits from 10 to 500`);
    return p;
  });
  return {
    seeds,
    precisions,
    checks: selected.map((c) => c.id),
    mainSeeds: only !== undefined ? [] : firstSeeds(whole('main', ci ? 1 : 2, 0, 1000)),
    ...(values['main-runs'] !== undefined || ci ? { mainRuns: whole('main-runs', 10, 1, 1_000_000) } : {}),
    audits: auditSeeds.flatMap((seed) => auditIds.filter((c) => c.audit).map((c) => ({ id: c.id, seed }))),
    auditEvaluations: whole('audit-evaluations', 300, 1),
    classAudits: classSeeds.flatMap((seed) => classIds.filter((c) => c.classAudit).map((c) => ({ id: c.id, seed }))),
    classEvaluations: whole('class-evaluations', ci ? 2000 : 4000, 1),
    jobs: whole('jobs', Math.max(1, availableParallelism()), 1, 256),
    out: values.out === undefined ? mkdtempSync(join(tmpdir(), 'samcheck-soak-')) : (mkdirSync(values.out, { recursive: true }), resolve(values.out)),
    watchdog: whole('watchdog', 1800, 1),
  };
}

process.exitCode = await main();
