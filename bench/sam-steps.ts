/**
 * `npm run bench`: SAM steps per second on a d = 10 dense quadratic in every arithmetic tier, all
 * in one invocation, compared as ratios (issue "Fast arithmetic tiers", item 6):
 *
 * - the float64 backend against a plain Float64Array loop of the same SAM with the same measures
 *   (each on a function built before the clock starts; a second row includes executeRun's build);
 * - double-double and quad-double against decimal.js and mpmath at 32 and 64 digits (mpmath from
 *   bench/sam_steps_mpmath.py when a python3 with mpmath is found; the gmpy2 backend is preferred).
 *
 * - end to end: cases per second of `samcheck run D-SC`, evaluations per second of `samcheck audit
 *   D-NC`, certified replays per second, with each command's peak memory (`-- --main` adds the
 *   main job's).
 *
 * The mpmath runs double as an independent implementation: their final iterates are compared digit
 * by digit with ours. Set SAMCHECK_PYTHON to choose the interpreter.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Backend } from '../src/arith/backend.js';
import { decimalBackend } from '../src/arith/decimal.js';
import { minAgreedDigits } from '../src/arith/digits.js';
import { doubleDoubleBackend } from '../src/arith/double-double.js';
import { float64 } from '../src/arith/float64.js';
import { quadDoubleBackend } from '../src/arith/quad-double.js';
import { executeRun, instantiate, runInstance, trajectoryText, type RunSpec } from '../src/algorithms/run-spec.js';
import { buildFunction } from '../src/functions/index.js';
import type { QuadraticSpec } from '../src/functions/types.js';
import { renderTable } from '../src/report/text.js';

const STEPS = 100;
const SECONDS = 2;
const D = 10;
const quadratic: QuadraticSpec = { family: 'quadratic', eigenvalues: ['10', '9', '8', '7', '6', '5', '4', '3', '2', '1'], rotationSeed: 1 };
const run: RunSpec = { algorithm: 'sam', function: quadratic, x0: Array(D).fill('1'), rho: '0.1', eta: '0.05', steps: STEPS };

/** Steps per second of `once` (which makes `steps` steps), repeated for `seconds` after one untimed call. */
function rate(once: () => unknown, steps = STEPS, seconds = SECONDS): number {
  once();
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    once();
    runs++;
    elapsed = (performance.now() - start) / 1000;
  } while (elapsed < seconds);
  return (runs * steps) / elapsed;
}

const ROUNDS = 7;
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Candidates timed in turn, ROUNDS rounds of SECONDS/2 each: each one's median rate, and the median
 * over the rounds of its rate over the first candidate's in the same round (on a machine whose
 * speed drifts from second to second, a ratio within a round is what holds).
 */
function sideBySide(candidates: readonly (() => unknown)[]): { rates: number[]; ratios: number[] } {
  const rounds = Array.from({ length: ROUNDS }, () => candidates.map((once) => rate(once, STEPS, SECONDS / 2)));
  return {
    rates: candidates.map((_, i) => median(rounds.map((r) => r[i]!))),
    ratios: candidates.map((_, i) => median(rounds.map((r) => r[i]! / r[0]!))),
  };
}

/**
 * One run on a function built once, as the plain loop and mpmath run theirs (their matrix is made
 * before the clock starts); `withBuild`, executeRun instead, which builds the function from its
 * spec first (what one case of a check pays).
 */
function backendRun<T>(B: Backend<T>, withBuild = false): () => unknown {
  if (withBuild) return () => executeRun(B, run);
  const instance = instantiate(B, run);
  return () => runInstance(run, instance);
}

const backendRate = <T>(B: Backend<T>) => rate(backendRun(B));

/** The Hessian of the quadratic as decimal strings (its columns A·e_j), for the plain loop and mpmath. */
function hessian(digits: number): string[][] {
  const B = decimalBackend(digits);
  const f = buildFunction(B, quadratic);
  return Array.from({ length: D }, (_, j) => f.gradient(Array.from({ length: D }, (__, i) => (i === j ? B.one : B.zero))).map((v) => B.toString(v)));
}

/**
 * The same SAM as executeRun's, written as a plain Float64Array loop: the measures f(x_t) − f*,
 * ‖∇f(x_t)‖² and their running average recorded each step, then y = x + ρg/‖g‖ and x ← x − η∇f(y).
 */
function plainLoop(): () => unknown {
  const A = hessian(40).map((row) => Float64Array.from(row, Number));
  const rho = 0.1;
  const eta = 0.05;
  const g = new Float64Array(D);
  const y = new Float64Array(D);
  const gy = new Float64Array(D);
  const once = () => {
    const x = new Float64Array(D).fill(1);
    const gaps = new Float64Array(STEPS);
    const gradNormSq = new Float64Array(STEPS);
    const averages = new Float64Array(STEPS);
    let total = 0;
    for (let t = 0; t < STEPS; t++) {
      let n2 = 0;
      let xg = 0;
      for (let i = 0; i < D; i++) {
        let s = 0;
        const row = A[i]!;
        for (let j = 0; j < D; j++) s += row[j]! * x[j]!;
        g[i] = s;
        n2 += s * s;
        xg += x[i]! * s;
      }
      total += n2;
      gaps[t] = xg / 2;
      gradNormSq[t] = n2;
      averages[t] = total / (t + 1);
      const scale = rho / Math.sqrt(n2);
      for (let i = 0; i < D; i++) y[i] = x[i]! + scale * g[i]!;
      for (let i = 0; i < D; i++) {
        let s = 0;
        const row = A[i]!;
        for (let j = 0; j < D; j++) s += row[j]! * y[j]!;
        gy[i] = s;
      }
      for (let i = 0; i < D; i++) x[i] = x[i]! - eta * gy[i]!;
    }
    return x;
  };
  return once;
}

interface MpmathResult {
  backend: string;
  mpmath: string;
  python: string;
  stepsPerSecond: number;
  final: string[];
}

function findPython(): string | undefined {
  const candidates = process.env.SAMCHECK_PYTHON ? [process.env.SAMCHECK_PYTHON] : ['python3', '/usr/bin/python3'];
  const found = candidates
    .map((python) => ({ python, probe: spawnSync(python, ['-c', 'import mpmath.libmp as m; print(m.BACKEND)'], { encoding: 'utf8' }) }))
    .filter(({ probe }) => probe.status === 0);
  return (found.find(({ probe }) => probe.stdout.trim() === 'gmpy') ?? found[0])?.python;
}

function mpmathRun(python: string, digits: number): MpmathResult {
  const job = { dps: digits, matrix: hessian(2 * digits), x0: run.x0, rho: run.rho, eta: run.eta, steps: STEPS, seconds: SECONDS };
  const script = fileURLToPath(new URL('../../bench/sam_steps_mpmath.py', import.meta.url));
  const child = spawnSync(python, [script], { input: JSON.stringify(job), encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`${python} ${script} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as MpmathResult;
}

/**
 * Figures a user feels, each from one command of the built CLI with a fixed seed (so they repeat):
 * wall time and peak memory (the child's maxRSS, printed at its exit by a preloaded hook).
 */
function endToEnd(): string[][] {
  const cli = fileURLToPath(new URL('../src/cli.js', import.meta.url));
  const audits = mkdtempSync(join(tmpdir(), 'samcheck-bench-'));
  const hook = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nmaxRSS '+process.resourceUsage().maxRSS+'\\n'))`;
  const time = (args: string[]) => {
    const start = performance.now();
    const child = spawnSync(process.execPath, ['--import', hook, cli, ...args], { encoding: 'utf8', cwd: audits, maxBuffer: 1 << 28 });
    const seconds = (performance.now() - start) / 1000;
    if (child.status !== 0 && child.status !== 1) throw new Error(`samcheck ${args.join(' ')} exited with ${child.status}:\n${child.stderr}`);
    const rss = Number(/maxRSS (\d+)/.exec(child.stderr)?.[1] ?? NaN) / 1024;
    return { seconds, rss, stdout: child.stdout };
  };
  const rows: string[][] = [];
  const runs = 200;
  const run = time(['run', 'D-SC', '--runs', String(runs), '--seed', '7', '--json']);
  rows.push([`samcheck run D-SC --runs ${runs} --seed 7`, `${(runs / run.seconds).toFixed(1)} cases/s`, `${run.rss.toFixed(0)} MB`]);
  const evaluations = 300;
  const audit = time(['audit', 'D-NC', '--evaluations', String(evaluations), '--seed', '1', '--audits', audits]);
  rows.push([`samcheck audit D-NC --evaluations ${evaluations} --seed 1`, `${(evaluations / audit.seconds).toFixed(1)} evaluations/s`, `${audit.rss.toFixed(0)} MB`]);
  const folder = fileURLToPath(new URL('../../counterexamples/', import.meta.url));
  const replay = time(['replay', '--json', ...readdirSync(folder).filter((f) => f.endsWith('.json')).map((f) => join(folder, f))]);
  const certified = (replay.stdout.match(/"level":\s*"certified"/g) ?? []).length;
  rows.push([`samcheck replay (the shipped counterexamples)`, `${(certified / replay.seconds).toFixed(2)} certified cases/s (${certified})`, `${replay.rss.toFixed(0)} MB`]);
  if (process.argv.includes('--main')) {
    const main = time([]);
    rows.push(['samcheck (the main job)', `${main.seconds.toFixed(1)} s`, `${main.rss.toFixed(0)} MB`]);
  }
  rmSync(audits, { recursive: true, force: true });
  return rows;
}

const finalIterate = <T>(B: Backend<T>) => trajectoryText(B, executeRun(B, run).trajectory).iterates[STEPS]!;
const times = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

function main(): void {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`SAM steps per second: d = ${D} dense quadratic (spectrum 1..10, rotation seed 1), ${STEPS}-step runs repeated for ${SECONDS} s`);
  console.log(`machine: ${cpu}, ${cpus().length} cores, node ${process.version}\n`);

  const float = sideBySide([plainLoop(), backendRun(float64), backendRun(float64, true)]);
  const ratio = (r: number) => `${r.toFixed(2)}×`;
  console.log(renderTable(['float64', 'steps/s', 'vs plain loop'], [
    ['plain Float64Array loop', float.rates[0]!.toFixed(0), '1.00×'],
    ['samcheck float64 backend', float.rates[1]!.toFixed(0), ratio(float.ratios[1]!)],
    ['  with the function built from its spec per run', float.rates[2]!.toFixed(0), ratio(float.ratios[2]!)],
  ], ['left', 'right', 'right']));
  console.log(`(medians of ${ROUNDS} rounds of the three in turn; the ratio is the median of each round's ratio)`);

  const python = findPython();
  const tiers = [
    { digits: 32, name: 'double-double (31 digits)', B: doubleDoubleBackend() as Backend<unknown> },
    { digits: 64, name: 'quad-double (62 digits)', B: quadDoubleBackend() as Backend<unknown> },
  ];
  const checks: string[] = [];
  for (const { digits, name, B } of tiers) {
    const tierRate = backendRate(B);
    const decimalRate = backendRate(decimalBackend(digits));
    const mp = python === undefined ? undefined : mpmathRun(python, digits);
    const rows = [
      [`samcheck ${name}`, tierRate.toFixed(0), times(tierRate, decimalRate), mp ? times(tierRate, mp.stepsPerSecond) : ''],
      [`samcheck decimal.js, ${digits} digits`, decimalRate.toFixed(0), '1.00×', mp ? times(decimalRate, mp.stepsPerSecond) : ''],
    ];
    if (mp) rows.push([`mpmath ${mp.mpmath} (${mp.backend} backend), ${digits} digits`, mp.stepsPerSecond.toFixed(0), times(mp.stepsPerSecond, decimalRate), '1.00×']);
    console.log();
    console.log(renderTable([`${digits} digits`, 'steps/s', 'vs decimal.js', 'vs mpmath'], rows, ['left', 'right', 'right', 'right']));
    const reference = finalIterate(decimalBackend(2 * digits));
    const check = `x_${STEPS} against a ${2 * digits}-digit samcheck run: ${name} has ${minAgreedDigits(finalIterate(B), reference, digits)} digits right`;
    checks.push(mp ? `${check}, mpmath at ${digits} digits ${minAgreedDigits(mp.final, reference, digits)}` : check);
  }
  console.log();
  if (python === undefined) console.log('No python3 with mpmath was found (set SAMCHECK_PYTHON, or install python3-mpmath python3-gmpy2): mpmath not compared.');
  else console.log(`mpmath ran under ${python} (Python ${mpmathRun(python, 16).python}).`);
  for (const line of checks) console.log(line);

  console.log();
  console.log(renderTable(['end to end (one command each)', 'rate', 'peak memory'], endToEnd(), ['left', 'right', 'right']));
  if (!process.argv.includes('--main')) console.log('(npm run bench -- --main adds the main job: about a minute.)');
}

main();
