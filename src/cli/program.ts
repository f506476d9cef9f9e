/**
 * The `samcheck` command line. Exit codes: 0 success, 1 a computation failed, 2 bad input (one line
 * on stderr naming the option, the value and the rule; never a stack trace for a user mistake).
 */
import { Command, CommanderError, Option } from 'commander';
import { InputError, NumericalError } from '../errors.js';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_INTERNAL_ERROR, EXIT_OK } from './exit-codes.js';
import { packageVersion } from './version.js';
import { demoCommand } from './demo.js';
import { memoryIO, processIO, type CliIO } from './io.js';
import { constructionsCommand, type ConstructionsOptions } from './constructions.js';
import { replayCommand, type ReplayCommandOptions } from './replay.js';
import { DEFAULT_VERIFY_PRECISION } from '../check/verdict.js';
import { DEFAULT_RUNS } from '../check/check-all.js';
import { DEFAULT_FINDINGS_FOLDER, runCommand, type RunOptions } from './run.js';
import { DEFAULT_SIMULATION_PATHS, DEFAULT_STUDENT_T_DOF, simulateCommand, type SimulateOptions } from './simulate.js';
import { DEFAULT_REPORT_FOLDER, mainCommand, type MainOptions } from './main.js';
import { defaultJobs } from '../parallel/pool.js';
import { auditCommand, DEFAULT_AUDIT_FOLDER, DEFAULT_BUDGET, type AuditOptions } from './audit.js';
import { selectableIds } from '../job/main-job.js';
import { DEFAULT_SIMULATION_LEVEL } from '../check/stochastic-simulation.js';
import { allChecks, registerConjectures } from '../theorems/catalog.js';
import { CONJECTURE_FOLDER, loadConjectures } from '../conjectures/load.js';
import { readProjectConfig } from './config.js';
import { catalogCommand, type CatalogOptions } from './catalog.js';
import { requireExistingFolder } from './folders.js';
import { reportCommand, type ReportOptions } from './report.js';
import { MAX_SHARDS } from '../job/shard.js';
import { DEFAULT_POWER_SEEDS, powerCommand, type PowerOptions } from './power.js';

export { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK } from './exit-codes.js';

/** What a command reports besides its output: a violated card is not an error, but not a success. */
interface Outcome {
  exitCode: number;
}

function buildProgram(io: CliIO, outcome: Outcome): Command {
  const program = new Command('samcheck')
    .description('Check the theory of Sharpness-Aware Minimization (Si & Yun, NeurIPS 2023) by computation.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s), outputError: (s, write) => write(`samcheck: ${s}`) })
    .showSuggestionAfterError()
    .version(packageVersion(), '-V, --version', 'print the version of samcheck')
    .enablePositionalOptions()
    .option('--only <ids>', `comma-separated checks and constructions (default: all): ${selectableIds().join(',')}`)
    .option('--runs <n>', `cases per check (default: ${DEFAULT_RUNS}, or the check's own budget, e.g. C4's 300)`)
    .option('--seed <s>', 'seed of the searches (default: random, printed with the command that reruns it)')
    .option('--precision <digits>', 'verification reruns near-misses in decimal at this precision and twice it', String(DEFAULT_VERIFY_PRECISION))
    .option('--json', 'print the whole run as JSON instead of the table')
    .option('--report <dir>', 'where the HTML report (index.html) and new counterexamples go', DEFAULT_REPORT_FOLDER)
    .option('--no-report', 'no report, and no counterexample file unless --save-to names a folder')
    .option('--counterexamples <dir>', 'the counterexample store replayed (default: counterexamples)')
    .option('--save-to <dir>', 'where new counterexamples go (default: REPORT/counterexamples)')
    .option('--jobs <n>', JOBS_HELP)
    .option('--shard <i/n>', `run shard i of n (1 <= i <= n <= ${MAX_SHARDS}): the checks and files k with k mod n = i-1; needs --seed; writes REPORT/shards/i-of-n.json for samcheck report`)
    .option('--conjectures <dir>', CONJECTURES_HELP, collect)
    .addHelpText(
      'after',
      '\nWith no command, samcheck runs the main job: every card and conjecture over its class, every\n' +
        'counterexample file replayed, a verdict table on stdout and an HTML report with charts.\n' +
        'Exit code 1 when a theorem card is violated or a file no longer reproduces, 2 on bad input.\n\n' +
        'Examples:\n' +
        '  samcheck                                  # everything, 2 to 3 minutes on 2 cores; report/index.html\n' +
        '  samcheck --only D-NC,LB-D-NC-b --runs 300 --seed 7\n' +
        '  samcheck --json --no-report > verdicts.json\n' +
        '  samcheck --seed 7 --shard 1/2              # half of the job; samcheck report merges the halves\n' +
        '  samcheck run D-NC --constant c=0.5        # one card, with a constant changed',
    )
    .action(async (options: MainOptions) => {
      outcome.exitCode = await mainCommand(options, io);
    });

  program
    .command('demo')
    .description('SAM stalling on the 2-cycle of a quadratic at 60 digits, next to USAM and GD (THEOREMS.md LB-D-SC)')
    .addHelpText('after', '\nExample:\n  samcheck demo')
    .action(() => demoCommand(io));

  program
    .command('simulate')
    .description('Run SAM, USAM or GD on one function and print every iterate and measure; or n-SAM, m-SAM or SGD over many paths')
    .addOption(
      new Option('--algorithm <name>', 'sam (normalized ascent), usam (unnormalized), gd; stochastic: n-sam, m-sam (one sample per step), sgd; or a method made by defineMethod (with --conjectures)'),
    )
    .addOption(new Option('--family <name>', 'the function family').choices(['quadratic', 'cosine', 'logistic', 'piecewise-quadratic']))
    .option('--eigenvalues <list>', 'quadratic: the spectrum of A, e.g. 4,1 (A is diagonal unless --rotation-seed)')
    .option('--rotation-seed <n>', 'quadratic: A = Q diag(eigenvalues) Qᵀ with Q a seeded product of Householder reflections')
    .option('--matrix <rows>', 'quadratic: an explicit symmetric positive semidefinite A, e.g. "2,1;1,3"')
    .option('--beta <B>', 'cosine: f(x) = (B/K²) cos(K x₁ + P) + (B/2) Σ_{i≥2} x_i²; piecewise-quadratic: |f"| = B')
    .option('--k <K>', 'cosine: the frequency K')
    .option('--phase <P>', 'cosine: the phase P (default 0)')
    .option('--samples <n>', 'logistic: random samples (2·d anchors are added) (default 40)')
    .option('--data-seed <n>', 'logistic: seed of the generated data (default 0)')
    .option('--l2 <λ>', 'logistic: L2 regularization, the strong convexity modulus (default 0)')
    .option('--breakpoints <list>', "piecewise-quadratic: b1,...,bm (m even) where f'' switches +β, −β, ..., +β (the same on every coordinate)")
    .option('--slope <a>', "piecewise-quadratic: f'(b1) (with no breakpoints, f'(0))")
    .option('--x0 <list>', 'the start x0, e.g. 1,2 (its length is the dimension)')
    .option('--rho <ρ>', 'the perturbation radius ρ (ρ0 with --rho-decay)')
    .addOption(new Option('--rho-decay <kind>', 'ρ_t = ρ0/(t+1) (inverse) or ρ0/√(t+1) (inverse-sqrt)').choices(['inverse', 'inverse-sqrt']))
    .option('--eta <η>', 'the step size η, or D-SC / D-C for the step size those cards choose from β, μ, ρ, Δ0 and T')
    .option('--steps <T>', 'the number of steps T')
    .option('--precision <digits>', 'significant digits of the decimal backend, 10 to 1000 (default: 60)')
    .addOption(new Option('--backend <name>', 'the arithmetic: decimal (at --precision), float64, dd (double-double, 31 digits) or qd (quad-double, 62)').choices(['decimal', 'float64', 'dd', 'qd']).default('decimal'))
    .addOption(
      new Option('--oracle <kind>', 'stochastic: additive noise ξ in g(x; ξ) = ∇f(x) + ξ').choices(['gaussian', 'rademacher', 'student-t', 'two-point']),
    )
    .option('--sigma <σ>', 'gaussian, rademacher, student-t: E‖ξ‖² = σ² (spread evenly over the coordinates)')
    .option('--dof <ν>', `student-t: degrees of freedom, 3 to 1000 (default: ${DEFAULT_STUDENT_T_DOF})`)
    .option('--K <K>', 'two-point (LB-S): ξ = sK·e₁ with probability 1/(K+1), else −s·e₁')
    .option('--s <s>', 'two-point (LB-S): the scale s')
    .option('--paths <N>', `stochastic: independent paths (default: ${DEFAULT_SIMULATION_PATHS})`)
    .option('--seed <n>', 'stochastic: seed; path p is replayable from (seed, p) (default: 0)')
    .option('--level <q>', `stochastic: level of the per-step two-sided intervals (default: ${DEFAULT_SIMULATION_LEVEL})`)
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--no-check-digits', 'skip the rerun at twice the precision that measures the digits kept')
    .option('--digits <n>', 'table: significant digits shown at most', '20')
    .option('--rows <n>', 'table: steps shown at most (0: every step)', '40')
    .option('--conjectures <dir>', 'a folder whose files define methods (defineMethod) to simulate by their id (repeatable)', collect)
    .addHelpText(
      'after',
      '\nNumbers are decimals (0.25, -3e-4) or fractions (1/3), kept exact until the backend rounds them.\n' +
        'Examples:\n  samcheck simulate --algorithm sam --family quadratic --eigenvalues 4,1 --x0 1,2 --rho 0.1 --eta 0.2 --steps 100 --format json\n' +
        '  samcheck simulate --algorithm n-sam --family quadratic --eigenvalues 1 --x0 0 --rho 0.5 --eta 0.002 --steps 6000 \\\n' +
        '    --oracle two-point --K 9 --s 2 --paths 1000 --seed 1 --backend float64 --rows 10    (LB-S: E x_T -> 0.4)',
    )
    .action((options: SimulateOptions) => simulateCommand(options, io));

  program
    .command('catalog')
    .description('Every card, construction and conjecture as a markdown page: class, method, claim, constants, source, proof idea, tightness')
    .option('--write <file>', 'write the page to this file (replacing it in one step) instead of stdout')
    .option('--json', 'the checks as data instead: id, kind, scope, class, algorithm, constants, and whether audit and audit --class apply')
    .option('--conjectures <dir>', CONJECTURES_HELP, collect)
    .addHelpText('after', '\nExamples:\n  samcheck catalog > catalog.md\n  samcheck catalog --write docs/catalog.md     # what npm run catalog does')
    .action((options: CatalogOptions) => {
      outcome.exitCode = catalogCommand(options, io);
    });

  program
    .command('run')
    .description('Check theorem cards over their classes of functions (all cards by default)')
    .argument('[ids...]', `card and conjecture IDs: ${allChecks().map((c) => c.id).join(' ')}`)
    .option('--runs <n>', `cases per card (default: ${DEFAULT_RUNS}, or the check's own budget)`)
    .option('--seed <s>', 'seed of the search (default: random, printed)')
    .option('--precision <digits>', 'verification reruns near-misses in decimal at this precision and twice it', String(DEFAULT_VERIFY_PRECISION))
    .option('--constant <name=value>', "replace a card's named constant, e.g. c=0.5 (repeatable)", collect)
    .option('--jobs <n>', JOBS_HELP)
    .option('--shard <i/n>', `check shard i of n of the named cards (1 <= i <= n <= ${MAX_SHARDS}): those k with k mod n = i-1`)
    .option('--save-to <dir>', `where violations and falsifications are saved (default: ${DEFAULT_FINDINGS_FOLDER}; the regression store counterexamples/ only when named)`)
    .option('--json', 'machine-readable output')
    .option('--conjectures <dir>', CONJECTURES_HELP, collect)
    .addHelpText('after', '\nExamples:\n  samcheck run L1 D-NC --runs 200 --seed 7 --json\n  samcheck run --conjectures my-conjectures    # every card, and the conjectures of that folder too')
    .action(async (ids: string[], options: RunOptions) => {
      outcome.exitCode = await runCommand(ids, options, io);
    });

  program
    .command('audit')
    .description("Search the card's class for the case closest to (or beyond) its bound: sampling, then local search, then confirmation")
    .argument('<id>', 'a card or a conjecture with a bound')
    .option('--budget <time>', `search time with its unit, e.g. 60s, 2m, 500ms (default: ${DEFAULT_BUDGET}, or none with --evaluations); confirming the best cases comes after it`)
    .option('--seed <s>', 'seed of the search (default: random, printed)')
    .option('--evaluations <n>', 'stop after this many evaluations (alone: no time limit, so the audit repeats exactly on any machine)')
    .option('--precision <digits>', 'confirmation in decimal at this precision and twice it', String(DEFAULT_VERIFY_PRECISION))
    .option('--audits <dir>', 'where the audit record (ID.json) goes; the report of the main job shows it', DEFAULT_AUDIT_FOLDER)
    .option('--save-to <dir>', `where a violation is saved (default: ${DEFAULT_FINDINGS_FOLDER})`)
    .option('--constant <name>', "audit the card's named constant (e.g. c): the fraction of it each case needs, all else fixed")
    .option('--jobs <n>', JOBS_HELP)
    .option('--shard <i/n>', `search i of n (1 <= i <= n <= ${MAX_SHARDS}): an independent search from a seed derived from --seed and i, saved as ID.shard-i-of-n.json`)
    .option('--class', 'search the whole class, not the families: worst cases by interpolation, certified and saved as a file samcheck replay certifies again')
    .option('--steps <T>', 'with --class: the horizon T (default 1)')
    .option('--kappa <κ>', 'with --class, for a strongly convex card: κ = β/μ (default 10)')
    .option('--eta-beta <βη>', "with --class: the step size βη (default: the card's largest, or half of it when open)")
    .option('--dim <d>', 'with --class: the dimension of the data (default: the number of points, 1 for a nonconvex card)')
    .option('--json', 'machine-readable output: { id, bestRatio, instance, evaluations, trace, ... }')
    .option('--conjectures <dir>', CONJECTURES_HELP, collect)
    .addHelpText(
      'after',
      '\nExamples:\n  samcheck audit D-NC --budget 60s --seed 1\n  samcheck audit S-SC-n --budget 2m --json\n  samcheck audit D-SC --constant c --budget 60s    # how much of the floor constant is needed\n  samcheck audit D-SC --class --constant c --steps 2 --kappa 10 --eta-beta 1/2 --seed 1    # over the whole class, certified',
    )
    .action(async (id: string, options: AuditOptions) => {
      outcome.exitCode = await auditCommand(id, options, io);
    });

  program
    .command('power')
    .description('The power benchmark: claims whose truth is known, each checked from many seeds; how often samcheck says the right thing')
    .option('--seeds <n>', `seeds per claim and budget (default: ${DEFAULT_POWER_SEEDS})`)
    .option('--from <s>', 'the first seed (default: 1); the seeds are s, s + 1, ...')
    .option('--budgets <list>', 'multiples of each claim\'s default budget, e.g. 0.5,1,2 (default: 1, and 0.5,1,2 for the budget study\'s claims)')
    .option('--only <ids>', 'comma-separated claims of the benchmark (default: all)')
    .option('--jobs <n>', JOBS_HELP)
    .option('--write <file>', 'write the results as a markdown page to FILE and as JSON beside it (FILE with .json)')
    .option('--slice <name>', 'ci: the fixed slice CI runs (a few claims of every shape, three seeds); exit 1 when any verdict is not the claim\'s truth')
    .option('--json', 'machine-readable output: every run and every claim\'s result')
    .option('--shard <i/n>', 'run the i-th of n parts (one per machine); with --write FILE.json its runs go to FILE for --merge')
    .option('--merge <files...>', 'put the shards\' JSON files back together: the table and, with --write, the page')
    .option('--conjectures <dir>', CONJECTURES_HELP, collect)
    .addHelpText('after', '\nExamples:\n  samcheck power --write docs/power.md     # what npm run power does\n  samcheck power --only D-NC:c=0.9,GD-C-tight --seeds 60\n  samcheck power --shard 2/8 --write power-2.json    # one machine of eight\n  samcheck power --merge power-*.json --write docs/power.md\n  samcheck power --slice ci')
    .action(async (options: PowerOptions) => {
      outcome.exitCode = await powerCommand(options, io);
    });

  program
    .command('constructions')
    .description('The lower-bound constructions (THEOREMS.md §4) and the fraction of each bound they reach')
    .option('--write', 'save their counterexample files (existing files are left as they are)')
    .option('--counterexamples <dir>', 'where to save them', 'counterexamples')
    .option('--json', 'machine-readable output')
    .addHelpText('after', '\nExamples:\n  samcheck constructions\n  samcheck constructions --write --counterexamples counterexamples')
    .action((options: ConstructionsOptions) => {
      outcome.exitCode = constructionsCommand(options, io);
    });

  program
    .command('replay')
    .description('Rerun counterexample files and report whether each still reproduces')
    .argument('[files...]', 'counterexample files (default: every file of the folder)')
    .option('--counterexamples <dir>', 'the folder replayed when no file is named (default: counterexamples)')
    .option('--json', 'machine-readable output')
    .option('--conjectures <dir>', CONJECTURES_HELP, collect)
    .addHelpText('after', '\nExample:\n  samcheck replay counterexamples/D-NC-1a2b3c4d5e6f.json')
    .action(async (files: string[], options: ReplayCommandOptions) => {
      outcome.exitCode = await replayCommand(files, options, io);
    });

  program
    .command('report')
    .description('The report of a job run in shards (samcheck --shard i/n): merge DIR/shards/*.json, draw the charts, write DIR/index.html, print the table')
    .argument('[dir]', 'the report folder holding shards/ (and the shards\' counterexamples/ and audits/)', DEFAULT_REPORT_FOLDER)
    .option('--json', 'print the merged run as JSON instead of the table')
    .option('--conjectures <dir>', CONJECTURES_HELP, collect)
    .addHelpText(
      'after',
      '\nExamples:\n  samcheck --seed 7 --shard 1/2     # on one machine\n  samcheck --seed 7 --shard 2/2     # on another; then report/shards/ (and counterexamples/, audits/) copied into one report/\n  samcheck report report',
    )
    .action(async (dir: string, options: ReportOptions) => {
      outcome.exitCode = await reportCommand(dir, options, io);
    });
  return program;
}

/** Runs the CLI on `argv` (without the node and script paths) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const outcome: Outcome = { exitCode: EXIT_OK };
  try {
    // The users' conjectures join the checks before the help and the ID lists are written; a file
    // that cannot be used is reported and skipped, and only the commands that would use it fail.
    const sources = [CONJECTURE_FOLDER, ...readProjectConfig().conjectures, ...conjectureFolders(argv)];
    const { conjectures, problems, folders } = await loadConjectures(sources);
    for (const problem of problems) io.err(`samcheck: skipped a conjecture file: ${problem.message}`);
    registerConjectures(conjectures, problems, folders, sources);
    const program = buildProgram(io, outcome);
    requireKnownCommand(program, argv);
    await program.parseAsync([...argv], { from: 'user' });
    return outcome.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
    if (error instanceof InputError) {
      io.err(`samcheck: ${error.message}`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof NumericalError) {
      io.err(`samcheck: ${error.message}`);
      return EXIT_FAILED;
    }
    // Not the user's doing: a bug, said as one, with what a report of it needs.
    io.err(`samcheck: internal error (a bug of samcheck; please report it with this line): samcheck ${argv.join(' ')}`);
    io.err(error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error));
    return EXIT_INTERNAL_ERROR;
  }
}

const JOBS_HELP = `worker threads (default: the cores, ${defaultJobs()} here); the results are the same for any number`;

const CONJECTURES_HELP = 'a folder of conjecture files (.ts, .js, .mjs) to check beside the built-in ones (repeatable; samcheck.config.json may list more)';

/** A repeatable option's values. */
function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * The folders of --conjectures DIR (or --conjectures=DIR), anywhere on the line: they are loaded
 * before the command line is parsed, since the help and the ID lists name their conjectures.
 */
export function conjectureFolders(argv: readonly string[]): string[] {
  const folders: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    const folder = arg === '--conjectures' ? argv[++i] : arg.startsWith('--conjectures=') ? arg.slice('--conjectures='.length) : undefined;
    if (arg === '--conjectures' && folder === undefined) throw new InputError('--conjectures', undefined, 'needs a folder');
    if (folder === undefined) continue;
    requireExistingFolder('--conjectures', folder);
    folders.push(folder);
  }
  return folders;
}

/**
 * The first word, when it is not an option, must be a command: the main job takes no
 * arguments, so "samcheck simulat" would otherwise read as "too many arguments".
 */
function requireKnownCommand(program: Command, argv: readonly string[]): void {
  const first = argv[0];
  if (first === undefined || first.startsWith('-')) return;
  const names = program.commands.flatMap((c) => [c.name(), ...c.aliases()]);
  if (names.includes(first) || first === 'help') return;
  const guess = closest(first, names);
  const rule = `is not a samcheck command${guess ? ` (did you mean ${guess}?)` : ''}; the commands are ${names.join(', ')}`;
  throw new InputError('command', first, rule, `unknown command '${first}'${guess ? ` (did you mean ${guess}?)` : ''}; the commands are ${names.join(', ')}, and with none samcheck runs the main job`);
}

/** The name nearest to `word` by edit distance, if it is near enough to be a likely typo. */
function closest(word: string, names: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const distance = editDistance(word, name);
    if (best === undefined || distance < best.distance) best = { name, distance };
  }
  return best !== undefined && best.distance <= Math.max(2, Math.floor(best.name.length / 3)) ? best.name : undefined;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    row = next;
  }
  return row[b.length]!;
}

/**
 * Parses a command line as `runCli` would, without running anything: throws when it names a
 * command or an option that does not exist (commander's errors, or the unknown-command one).
 * For tests that keep documentation and program in step.
 */
export async function validateCommandLine(argv: readonly string[]): Promise<void> {
  const io = memoryIO();
  const program = buildProgram(io, { exitCode: EXIT_OK });
  for (const command of [program, ...program.commands]) command.action(() => {});
  requireKnownCommand(program, argv);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError && error.exitCode !== 0) throw new Error(io.stderr().trim() || error.message);
    if (!(error instanceof CommanderError)) throw error;
  }
}

/** Runs the CLI in this process and collects what it printed (for tests and embedding). */
export async function runCliCollecting(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = memoryIO();
  const code = await runCli(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}
