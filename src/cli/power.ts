/**
 * `samcheck power`: the power benchmark (src/power/). Every claim of the corpus is checked from
 * --seeds seeds at its default budget, the budget study's claims at ½× and 2× too, on the pool's
 * workers; the results go to stdout as a table (or JSON) and, with --write FILE, to FILE as a
 * markdown page and FILE's .json twin (docs/power.md and docs/power.json: npm run power).
 *
 * --shard i/n runs the i-th of n parts (on a machine of its own: a Slurm array task, a CI matrix
 * job) and writes its runs to --write FILE.json; --merge FILE... puts the parts back together and
 * writes the page as an unsharded run would (src/power/merge.ts checks they are the whole benchmark).
 *
 * --slice ci is the fixed slice CI runs: a few claims of every shape at three seeds, whose
 * expected verdicts are their truth; a run that says anything else fails the command (exit 1).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { replaceFile } from '../atomic-write.js';
import { InputError } from '../errors.js';
import { shardText, tasksOf, type Shard } from '../job/shard.js';
import { inOrder } from '../parallel/jobs.js';
import { jobsOption, withPool } from '../parallel/pool.js';
import type { Task } from '../parallel/tasks.js';
import { BUDGET_STUDY, powerClaim, powerCorpus, type PowerClaim } from '../power/corpus.js';
import { mergePowerParts, powerPart } from '../power/merge.js';
import type { PowerRun } from '../power/run.js';
import { isRefutation, powerMarkdown, summarize, type ClaimResult, type PowerAbout } from '../power/summary.js';
import { formatJson } from '../report/json.js';
import { renderTable } from '../report/text.js';
import { conjectureSources } from '../theorems/catalog.js';
import { EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK } from './exit-codes.js';
import { requireWritableFolder } from './folders.js';
import { interruptible } from './interrupt.js';
import type { CliIO } from './io.js';
import { shardOption, wholeOption } from './options.js';

export interface PowerOptions {
  seeds?: string;
  from?: string;
  budgets?: string;
  only?: string;
  jobs?: string;
  json?: boolean;
  write?: string;
  slice?: string;
  shard?: string;
  merge?: string[];
}

export const DEFAULT_POWER_SEEDS = 20;

type PowerTask = Extract<Task, { kind: 'power' }>;

/** CI's slice: one claim of each false shape and some true ones, each at three fixed seeds. */
const CI_SLICE = [
  'D-NC:c=0.9',
  'L7:c=0',
  'S-SC-n:c=0',
  'D-NC/gradNormSq:c=0.9',
  'D-C/minGradNormSq:c=0.9',
  'D-NC:c=0.9:eta=1/2..1',
  'D-NC:c=0.8:eta=0..1/2',
  'S-SC-n:c=0.288',
  'C5',
  'D-NC',
  'L3',
  'C3',
  'GD1',
];

export async function powerCommand(options: PowerOptions, io: CliIO): Promise<number> {
  if (options.merge !== undefined) return mergeCommand(options, options.merge, io);
  const ci = options.slice !== undefined;
  if (ci && options.slice !== 'ci') throw new InputError('--slice', options.slice, 'the only slice is ci');
  // The slice's few seeds are a regression check, not a measurement to publish over the benchmark's.
  if (ci && options.write !== undefined) throw new InputError('--write', options.write, 'is not for --slice ci (three seeds of a few claims would replace the measured table); run the slice without it');
  const seedCount = ci ? 3 : options.seeds === undefined ? DEFAULT_POWER_SEEDS : wholeOption('--seeds', options.seeds, 1, 10_000);
  const from = options.from === undefined ? 1 : wholeOption('--from', options.from, 0, 2 ** 31);
  const seeds = Array.from({ length: seedCount }, (_, k) => from + k);
  const claims = selectedClaims(ci ? CI_SLICE.join(',') : options.only);
  const budgets = options.budgets === undefined ? undefined : budgetsOption(options.budgets);
  const jobs = jobsOption(options.jobs);
  const shard = options.shard === undefined ? undefined : shardOption(options.shard);
  if (shard !== undefined && ci) throw new InputError('--shard', options.shard, 'is not for --slice ci (the slice is a few minutes on one machine)');
  if (shard !== undefined && options.write !== undefined && parse(options.write).ext !== '.json') throw new InputError('--write', options.write, 'must be a .json file with --shard: a shard writes its runs for samcheck power --merge, not a page');
  if (options.write !== undefined) requireWritableFolder('--write', dirname(options.write));
  const allTasks: PowerTask[] = claims.flatMap((claim) =>
    factorsOf(claim, budgets, ci).flatMap((factor) => seeds.map((seed) => ({ kind: 'power' as const, claim: claim.id, seed, factor }))),
  );
  const tasks = shard === undefined ? allTasks : tasksOf(allTasks, shard);
  io.err(`samcheck power: ${claims.length} claims, ${tasks.length} runs${shard === undefined ? '' : ` (shard ${shardText(shard)} of ${allTasks.length})`} (seeds ${seeds[0]} to ${seeds.at(-1)}), ${jobs} at once`);
  const started = performance.now();
  const { result: runs, interrupted } = await interruptible(io, 'the running checks end their current case', (stop) =>
    withPool(jobs, { conjectureFolders: conjectureSources(), stop }, async (pool) => {
      // A line per claim and budget once all its seeds are in, in the order asked.
      const finished = new Map<string, PowerRun[]>();
      const results = await inOrder(pool, tasks, {
        start: () => {},
        unit: () => {},
        done(_i, run) {
          const key = `${run.claim} ${run.factor}`;
          const own = [...(finished.get(key) ?? []), run];
          finished.set(key, own);
          if (own.length === seeds.length) io.err(`${run.claim} at ${run.factor}×: ${progressText(powerClaim(run.claim), own)}`);
        },
      });
      return results.filter((r): r is PowerRun => r !== undefined && r.status !== 'interrupted');
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  // Interrupted: the rates are over the runs made, and the page and JSON say how many were not.
  const notMade = interrupted ? tasks.filter((t) => !runs.some((r) => r.claim === t.claim && r.seed === t.seed && r.factor === t.factor)) : [];
  const about = {
    command: commandText(options),
    seeds: `${seeds.length} seeds from ${from}`,
    environment: `Node ${process.version}, ${jobs} workers`,
    seconds,
    ...(interrupted ? { interrupted: { runsNotMade: notMade.length, of: tasks.length, claims: [...new Set(notMade.map((t) => t.claim))] } } : {}),
  };
  const summary = summarize(shard === undefined ? claims : claims.filter((c) => tasks.some((t) => t.claim === c.id)), runs);
  if (shard !== undefined) {
    io.out(options.json ? formatJson({ ...about, shard: shardText(shard), results: summary, runs }) : table(summary));
    if (options.write !== undefined) {
      replaceFile(options.write, `${formatJson(powerPart(about, shard, allTasks.length, runs))}\n`);
      io.err(`samcheck power: shard ${shardText(shard)} written to ${options.write}; put the shards together with samcheck power --merge FILE... --write docs/power.md`);
    }
  } else {
    show(io, options, summary, runs, about);
  }
  if (about.interrupted) {
    const { runsNotMade, of, claims: unfinished } = about.interrupted;
    io.err(`samcheck power: interrupted: ${runsNotMade} of ${of} runs not made (${unfinished.join(', ') || 'none'}); the rates above are over the runs made`);
    return EXIT_INTERRUPTED;
  }
  if (ci) return summary.every((r) => r.missedSeeds.length === 0) ? EXIT_OK : EXIT_FAILED;
  return EXIT_OK;
}

/** The shards' files put back together: the table, and with --write the page, as one run would give. */
function mergeCommand(options: PowerOptions, files: readonly string[], io: CliIO): number {
  for (const [option, given] of [['--shard', options.shard], ['--slice', options.slice], ['--only', options.only], ['--seeds', options.seeds], ['--from', options.from], ['--budgets', options.budgets], ['--jobs', options.jobs]] as const) {
    if (given !== undefined) throw new InputError(option, given, 'is not for --merge: the shards\' files say which runs were made');
  }
  if (options.write !== undefined) requireWritableFolder('--write', dirname(options.write));
  const parts = files.map((file) => {
    try {
      return { file, text: readFileSync(file, 'utf8') };
    } catch (error) {
      throw new InputError('--merge', file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  });
  const { about, runs } = mergePowerParts(parts);
  const claims = [...new Set(runs.map((run) => run.claim))].map((id) => powerClaim(id));
  show(io, options, summarize(claims, runs), runs, about);
  return EXIT_OK;
}

function show(io: CliIO, options: PowerOptions, summary: readonly ClaimResult[], runs: readonly PowerRun[], about: PowerAbout): void {
  io.out(options.json ? formatJson({ ...about, results: summary, runs }) : table(summary));
  if (options.write !== undefined) write(io, options.write, summary, runs, about);
}

/** A claim's runs at one budget, in a few words: "20/20 found false" or "20 right, 1 inconclusive". */
function progressText(claim: PowerClaim, runs: readonly PowerRun[]): string {
  const refuted = runs.filter((r) => isRefutation(r.status)).length;
  if (claim.truth === 'false') return `${refuted}/${runs.length} found false`;
  const inconclusive = runs.filter((r) => r.status === 'inconclusive').length;
  const errors = runs.filter((r) => r.status === 'error').length;
  return `${runs.length - refuted - inconclusive - errors}/${runs.length} right${inconclusive ? `, ${inconclusive} inconclusive` : ''}${errors ? `, ${errors} errors` : ''}${refuted ? `, ${refuted} FOUND FALSE (a soundness bug)` : ''}`;
}

function selectedClaims(only: string | undefined): PowerClaim[] {
  if (only === undefined) return [...powerCorpus()];
  const ids = only.split(',').map((id) => id.trim()).filter((id) => id !== '');
  if (ids.length === 0) throw new InputError('--only', only, 'must name at least one claim of the benchmark');
  return ids.map((id) => {
    try {
      return powerClaim(id);
    } catch (error) {
      if (error instanceof InputError) throw new InputError('--only', id, `is not a claim of the power benchmark; the claims are ${powerCorpus().map((c) => c.id).join(' ')}`);
      throw error;
    }
  });
}

/** --budgets 0.5,1,2: multiples of the default budget, each > 0 and at most 100. */
function budgetsOption(text: string): number[] {
  const values = text.split(',').map((t) => Number(t.trim()));
  if (values.length === 0 || values.some((v) => !(v > 0 && v <= 100))) throw new InputError('--budgets', text, 'must be multiples of the default budget, each > 0 and at most 100, e.g. 0.5,1,2');
  return [...new Set(values)].sort((a, b) => a - b);
}

/** The budgets a claim runs at: those asked, else 1× (and ½×, 2× for the budget study, outside the CI slice). */
function factorsOf(claim: PowerClaim, asked: readonly number[] | undefined, ci: boolean): number[] {
  if (asked !== undefined) return [...asked];
  return !ci && BUDGET_STUDY.includes(claim.id) ? [0.5, 1, 2] : [1];
}

function table(results: readonly ClaimResult[]): string {
  const rows = results.map((r) => [
    r.claim,
    r.truth,
    r.shape,
    `${r.factor}×`,
    r.truth === 'false' ? `${r.refuted}/${r.runs} found` : `${r.refuted} false, ${r.inconclusive} inconclusive, ${r.errors} error of ${r.runs}`,
    r.truth === 'false' ? `[${(100 * r.interval[0]).toFixed(0)}%, ${(100 * r.interval[1]).toFixed(0)}%]` : '',
    r.medianCases === null ? '-' : String(r.medianCases),
    r.missedSeeds.length === 0 ? '-' : r.missedSeeds.join(' '),
  ]);
  return renderTable(['claim', 'truth', 'shape', 'budget', 'verdicts', '95%', 'cases', 'wrong on seeds'], rows, ['left', 'left', 'left', 'right', 'left', 'left', 'right', 'left']);
}

function write(io: CliIO, file: string, results: readonly ClaimResult[], runs: readonly PowerRun[], about: PowerAbout): void {
  const { dir, name } = parse(file);
  const json = join(dir, `${name}.json`);
  replaceFile(file, powerMarkdown(results, about));
  replaceFile(json, `${formatJson({ ...about, results, runs })}\n`);
  io.err(`samcheck power: ${file} and ${json}`);
}

function commandText(options: PowerOptions): string {
  const parts = ['npx samcheck power'];
  if (options.slice) parts.push(`--slice ${options.slice}`);
  if (options.seeds) parts.push(`--seeds ${options.seeds}`);
  if (options.from) parts.push(`--from ${options.from}`);
  if (options.budgets) parts.push(`--budgets ${options.budgets}`);
  if (options.only) parts.push(`--only ${options.only}`);
  // --shard is left out: the shards of one benchmark share this text, which --merge compares.
  return parts.join(' ');
}

