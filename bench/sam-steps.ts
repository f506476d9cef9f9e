/**
 * `npm run bench`: SAM steps per second on a d = 10 dense quadratic, in float64 and in decimal at
 * 50 digits, next to the same loop in mpmath (bench/sam_steps_mpmath.py) when a python3 with
 * mpmath is found, all in one invocation; rates are compared as ratios. The mpmath run doubles as
 * an independent implementation: its final iterate is compared digit by digit with ours.
 *
 * Set SAMCHECK_PYTHON to choose the interpreter; otherwise python3 and /usr/bin/python3 are tried
 * and one whose mpmath uses the gmpy2 backend is preferred.
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Backend } from '../src/arith/backend.js';
import { decimalBackend } from '../src/arith/decimal.js';
import { minAgreedDigits } from '../src/arith/digits.js';
import { float64 } from '../src/arith/float64.js';
import { executeRun, trajectoryText, type RunSpec } from '../src/algorithms/run-spec.js';
import { buildFunction } from '../src/functions/index.js';
import type { QuadraticSpec } from '../src/functions/types.js';
import { renderTable } from '../src/report/text.js';

const DIGITS = 50;
const STEPS = 100;
const SECONDS = 2;
const quadratic: QuadraticSpec = { family: 'quadratic', eigenvalues: ['10', '9', '8', '7', '6', '5', '4', '3', '2', '1'], rotationSeed: 1 };
const run: RunSpec = { algorithm: 'sam', function: quadratic, x0: Array(10).fill('1'), rho: '0.1', eta: '0.05', steps: STEPS };

/** Steps per second of repeated runs, after one untimed run. */
function rate<T>(B: Backend<T>): number {
  executeRun(B, run);
  let runs = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    executeRun(B, run);
    runs++;
    elapsed = (performance.now() - start) / 1000;
  } while (elapsed < SECONDS);
  return (runs * STEPS) / elapsed;
}

interface MpmathResult {
  backend: string;
  mpmath: string;
  python: string;
  stepsPerSecond: number;
  final: string[];
  interpreter: string;
}

function findPython(): string | undefined {
  const candidates = process.env.SAMCHECK_PYTHON ? [process.env.SAMCHECK_PYTHON] : ['python3', '/usr/bin/python3'];
  const found = candidates
    .map((python) => ({ python, probe: spawnSync(python, ['-c', 'import mpmath.libmp as m; print(m.BACKEND)'], { encoding: 'utf8' }) }))
    .filter(({ probe }) => probe.status === 0);
  return (found.find(({ probe }) => probe.stdout.trim() === 'gmpy') ?? found[0])?.python;
}

function mpmathRun(python: string): MpmathResult {
  const B = decimalBackend(DIGITS);
  const f = buildFunction(B, quadratic);
  const matrix = Array.from({ length: 10 }, (_, j) => f.gradient(Array.from({ length: 10 }, (__, i) => (i === j ? B.one : B.zero))).map((v) => B.toString(v)));
  const job = { dps: DIGITS, matrix, x0: run.x0, rho: run.rho, eta: run.eta, steps: STEPS, seconds: SECONDS };
  const script = fileURLToPath(new URL('../../bench/sam_steps_mpmath.py', import.meta.url));
  const child = spawnSync(python, [script], { input: JSON.stringify(job), encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`${python} ${script} failed:\n${child.stderr}`);
  return { ...(JSON.parse(child.stdout) as Omit<MpmathResult, 'interpreter'>), interpreter: python };
}

function main(): void {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`SAM steps per second: d = 10 dense quadratic (spectrum 1..10, rotation seed 1), ${STEPS}-step runs repeated for ${SECONDS} s`);
  console.log(`machine: ${cpu}, ${cpus().length} cores, node ${process.version}\n`);

  const floatRate = rate(float64);
  const decimalRate = rate(decimalBackend(DIGITS));
  const python = findPython();
  const mp = python === undefined ? undefined : mpmathRun(python);
  const versus = (r: number) => (mp === undefined ? '' : `${(r / mp.stepsPerSecond).toFixed(2)}×`);
  const rows = [
    ['samcheck float64', floatRate.toFixed(0), versus(floatRate)],
    [`samcheck decimal.js, ${DIGITS} digits`, decimalRate.toFixed(0), versus(decimalRate)],
  ];
  if (mp) rows.push([`mpmath ${mp.mpmath} (${mp.backend} backend), ${DIGITS} digits`, mp.stepsPerSecond.toFixed(0), '1.00×']);
  console.log(renderTable(['implementation', 'steps/s', 'vs mpmath'], rows, ['left', 'right', 'right']));

  if (mp === undefined) {
    console.log('\nNo python3 with mpmath was found (set SAMCHECK_PYTHON, or install python3-mpmath python3-gmpy2): mpmath not compared.');
    return;
  }
  const ours = trajectoryText(decimalBackend(DIGITS), executeRun(decimalBackend(DIGITS), run).trajectory).iterates[STEPS]!;
  const reference = trajectoryText(decimalBackend(2 * DIGITS), executeRun(decimalBackend(2 * DIGITS), run).trajectory).iterates[STEPS]!;
  console.log(`\nmpmath ran under ${mp.interpreter} (Python ${mp.python}).`);
  console.log(
    `Cross-check of x_${STEPS}: mpmath and samcheck agree to ${minAgreedDigits(mp.final, ours, DIGITS)} digits; ` +
      `against a ${2 * DIGITS}-digit samcheck run, mpmath has ${minAgreedDigits(mp.final, reference, DIGITS)} and samcheck ${minAgreedDigits(ours, reference, DIGITS)} digits right.`,
  );
}

main();
