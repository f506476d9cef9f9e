/**
 * `samcheck simulate`: one deterministic run, printed with every digit (JSON) or with the digits
 * that a rerun at twice the precision confirms (table); or one stochastic run over N paths,
 * printed as per-step means with their intervals.
 *
 * The interface is fixed (it is used to check the suite against independent implementations):
 *   --algorithm sam|usam|gd --family quadratic --eigenvalues 4,1 [--rotation-seed N] | --matrix "2,1;1,3"
 *   --x0 1,2 --rho 0.1 --eta 0.2 --steps 100 [--precision 60] [--backend decimal|float64] [--format json|table]
 *   --family cosine --beta B --k K [--phase P]   for f(x) = (B/K²) cos(K x₁ + P) + (B/2) Σ_{i≥2} x_i²
 *   --algorithm n-sam|m-sam|sgd --oracle gaussian|rademacher|student-t|two-point
 *   --sigma S [--dof ν] | --K K --s S  --paths N --seed S [--level 0.99]
 */
import { splitMatrixText, splitNumberList } from '../arith/literal.js';
import { BACKEND_NAMES, type BackendChoice } from '../arith/select.js';
import { methodNames, methodOf } from '../algorithms/methods.js';
import type { RunSpec } from '../algorithms/run-spec.js';
import { isStochasticAlgorithm, MAX_PATHS, type StochasticRunSpec } from '../algorithms/stochastic.js';
import { MAX_STEPS } from '../algorithms/run.js';
import { RHO_DECAYS, STEP_SIZE_RULES, type StepSizeRule } from '../algorithms/schedules.js';
import { simulate } from '../check/simulation.js';
import { DEFAULT_SIMULATION_LEVEL, simulateStochastic } from '../check/stochastic-simulation.js';
import { InputError } from '../errors.js';
import { FAMILY_NAMES } from '../functions/index.js';
import { MAX_LOGISTIC_SAMPLES } from '../functions/logistic.js';
import type { FamilySpec } from '../functions/types.js';
import { MAX_SEED } from '../random/seeded.js';
import type { OracleSpec } from '../oracles/oracle.js';
import { simulationJson, simulationTable } from '../report/simulation.js';
import { stochasticSimulationJson, stochasticSimulationTable } from '../report/stochastic-simulation.js';
import { MAX_DECIMAL_PRECISION, MIN_DECIMAL_PRECISION } from '../arith/decimal.js';
import type { CliIO } from './io.js';
import { asOptionError, oneOf, requireOption, wholeOption } from './options.js';
import { admissibilityProblem, OutOfRangeError } from '../check/admissible.js';
import { CARDS } from '../theorems/catalog.js';

export interface SimulateOptions {
  algorithm?: string;
  family?: string;
  eigenvalues?: string;
  rotationSeed?: string;
  matrix?: string;
  beta?: string;
  k?: string;
  phase?: string;
  samples?: string;
  dataSeed?: string;
  l2?: string;
  breakpoints?: string;
  slope?: string;
  x0?: string;
  rho?: string;
  rhoDecay?: string;
  eta?: string;
  steps?: string;
  precision?: string;
  backend?: string;
  format?: string;
  oracle?: string;
  sigma?: string;
  dof?: string;
  K?: string;
  s?: string;
  paths?: string;
  seed?: string;
  level?: string;
  checkDigits?: boolean;
  digits?: string;
  rows?: string;
}

/** Library field names -> the options that set them. */
const OPTION_OF_FIELD: Readonly<Record<string, string>> = {
  algorithm: '--algorithm',
  family: '--family',
  eigenvalues: '--eigenvalues',
  rotationSeed: '--rotation-seed',
  matrix: '--matrix',
  'terms[1].beta': '--beta',
  quadBeta: '--beta',
  'terms[1].k': '--k',
  'terms[1].phase': '--phase',
  samples: '--samples',
  dataSeed: '--data-seed',
  l2: '--l2',
  dim: '--x0',
  x0: '--x0',
  rho: '--rho',
  rhoDecay: '--rho-decay',
  eta: '--eta',
  steps: '--steps',
  precision: '--precision',
  backend: '--backend',
  'oracle.kind': '--oracle',
  'oracle.sigma': '--sigma',
  'oracle.dof': '--dof',
  'oracle.K': '--K',
  'oracle.s': '--s',
  paths: '--paths',
  seed: '--seed',
  level: '--level',
};

const FAMILY_OPTIONS: Readonly<Record<FamilySpec['family'], readonly (keyof SimulateOptions)[]>> = {
  quadratic: ['eigenvalues', 'rotationSeed', 'matrix'],
  cosine: ['beta', 'k', 'phase'],
  logistic: ['samples', 'dataSeed', 'l2'],
  'piecewise-quadratic': ['beta', 'breakpoints', 'slope'],
};

/** The oracles `simulate` offers, and the options each reads. */
const ORACLE_OPTIONS = {
  gaussian: ['sigma'],
  rademacher: ['sigma'],
  'student-t': ['sigma', 'dof'],
  'two-point': ['K', 's'],
} as const satisfies Readonly<Record<string, readonly (keyof SimulateOptions)[]>>;
const SIMULATED_ORACLES = Object.keys(ORACLE_OPTIONS) as (keyof typeof ORACLE_OPTIONS)[];
const STOCHASTIC_OPTIONS: readonly (keyof SimulateOptions)[] = ['oracle', 'sigma', 'dof', 'K', 's', 'paths', 'seed', 'level'];
export const DEFAULT_SIMULATION_PATHS = 100;
export const DEFAULT_STUDENT_T_DOF = 5;

interface RequestFields {
  readonly choice: BackendChoice;
  /** Options given that the run does not use, for stderr. */
  readonly notes: string[];
}

export type SimulationRequest =
  | (RequestFields & { readonly kind: 'deterministic'; readonly run: RunSpec })
  | (RequestFields & { readonly kind: 'stochastic'; readonly run: StochasticRunSpec; readonly level: number });

/** Turns options into an exact run description; every problem is an InputError naming the option. */
export function simulationRequest(options: SimulateOptions): SimulationRequest {
  const notes: string[] = [];
  const algorithm = oneOf('--algorithm', requireOption('--algorithm', options.algorithm), methodNames());
  const family = oneOf('--family', requireOption('--family', options.family), FAMILY_NAMES);
  for (const [other, keys] of Object.entries(FAMILY_OPTIONS)) {
    if (other === family) continue;
    for (const key of keys) {
      if (FAMILY_OPTIONS[family].includes(key)) continue; // --beta is the cosine's and the piecewise quadratic's
      if (options[key] !== undefined) throw new InputError(optionName(key), options[key], `applies to --family ${other}, not ${family}`);
    }
  }
  const x0 = splitNumberList('--x0', requireOption('--x0', options.x0));
  const backend = oneOf('--backend', options.backend ?? 'decimal', BACKEND_NAMES);
  const precision =
    backend === 'decimal' ? wholeOption('--precision', options.precision ?? '60', MIN_DECIMAL_PRECISION, MAX_DECIMAL_PRECISION) : undefined;
  if (backend !== 'decimal' && options.precision !== undefined) notes.push(`--precision is ignored by --backend ${backend}`);
  const unperturbed = !methodOf('--algorithm', algorithm).usesRho;
  if (unperturbed && options.rho !== undefined) notes.push(`--rho is ignored by --algorithm ${algorithm} (y_t = x_t)`);
  const common = {
    function: familySpec(family, options, x0.length),
    x0,
    eta: stepSizeOption(requireOption('--eta', options.eta)),
    rho: unperturbed ? undefined : requireOption('--rho', options.rho, `is required by --algorithm ${algorithm}`),
    steps: wholeOption('--steps', requireOption('--steps', options.steps), 1, MAX_STEPS),
  };
  const choice = { backend, precision };
  if (!isStochasticAlgorithm(algorithm)) {
    for (const key of STOCHASTIC_OPTIONS) {
      if (options[key] !== undefined) throw new InputError(optionName(key), options[key], `applies to --algorithm ${methodNames('stochastic').join(', ')}, not ${algorithm}`);
    }
    const rhoDecay = options.rhoDecay === undefined ? undefined : oneOf('--rho-decay', options.rhoDecay, RHO_DECAYS);
    return { kind: 'deterministic', run: { algorithm, ...common, ...(rhoDecay === undefined ? {} : { rhoDecay }) }, choice, notes };
  }
  if (options.rhoDecay !== undefined) throw new InputError('--rho-decay', options.rhoDecay, `applies to --algorithm sam or usam, not ${algorithm}`);
  if (options.checkDigits === false) notes.push('--no-check-digits is implied: a stochastic run prints intervals, not confirmed digits');
  const run: StochasticRunSpec = {
    algorithm,
    ...common,
    oracle: oracleSpec(options),
    paths: wholeOption('--paths', options.paths ?? String(DEFAULT_SIMULATION_PATHS), 2, MAX_PATHS),
    seed: wholeOption('--seed', options.seed ?? '0', 0, MAX_SEED),
  };
  return { kind: 'stochastic', run, choice, level: levelOption(options.level), notes };
}

function oracleSpec(options: SimulateOptions): OracleSpec {
  const kind = oneOf('--oracle', requireOption('--oracle', options.oracle, 'is required by a stochastic --algorithm'), SIMULATED_ORACLES);
  const readBy = (key: keyof SimulateOptions) => SIMULATED_ORACLES.filter((o) => (ORACLE_OPTIONS[o] as readonly string[]).includes(key));
  for (const key of new Set(Object.values(ORACLE_OPTIONS).flat())) {
    if (options[key] !== undefined && !readBy(key).includes(kind)) {
      throw new InputError(optionName(key), options[key], `applies to --oracle ${readBy(key).join(', ')}, not ${kind}`);
    }
  }
  const needs = (option: string, value: string | undefined) => requireOption(option, value, `is required by --oracle ${kind}`);
  switch (kind) {
    case 'gaussian':
      return { kind, sigma: needs('--sigma', options.sigma) };
    case 'rademacher':
      return { kind, sigma: needs('--sigma', options.sigma) };
    case 'student-t':
      return { kind, sigma: needs('--sigma', options.sigma), dof: wholeOption('--dof', options.dof ?? String(DEFAULT_STUDENT_T_DOF), 3, 1000) };
    case 'two-point':
      return { kind, K: needs('--K', options.K), s: needs('--s', options.s) };
  }
}

function levelOption(text: string | undefined): number {
  if (text === undefined) return DEFAULT_SIMULATION_LEVEL;
  const level = Number(text);
  if (!/^\s*0?\.\d+\s*$/.test(text) || !(level > 0 && level < 1)) throw new InputError('--level', text, 'must be a decimal strictly between 0 and 1, e.g. 0.99');
  return level;
}

function familySpec(family: FamilySpec['family'], options: SimulateOptions, dim: number): FamilySpec {
  switch (family) {
    case 'quadratic': {
      if ((options.eigenvalues === undefined) === (options.matrix === undefined)) {
        throw new InputError('--eigenvalues', options.eigenvalues, 'give exactly one of --eigenvalues or --matrix for --family quadratic');
      }
      if (options.matrix !== undefined) {
        if (options.rotationSeed !== undefined) throw new InputError('--rotation-seed', options.rotationSeed, 'applies to --eigenvalues, not to --matrix');
        return { family, matrix: splitMatrixText('--matrix', options.matrix) };
      }
      const eigenvalues = splitNumberList('--eigenvalues', options.eigenvalues);
      return options.rotationSeed === undefined
        ? { family, eigenvalues }
        : { family, eigenvalues, rotationSeed: wholeOption('--rotation-seed', options.rotationSeed, 0, MAX_SEED) };
    }
    case 'cosine': {
      const beta = requireOption('--beta', options.beta, 'is required by --family cosine');
      const k = requireOption('--k', options.k, 'is required by --family cosine');
      return { family, dim, terms: [{ beta, k, ...(options.phase === undefined ? {} : { phase: options.phase }) }], quadBeta: beta };
    }
    case 'piecewise-quadratic': {
      const beta = requireOption('--beta', options.beta, 'is required by --family piecewise-quadratic');
      const breakpoints = options.breakpoints === undefined ? [] : splitNumberList('--breakpoints', options.breakpoints);
      const slope = requireOption('--slope', options.slope, 'is required by --family piecewise-quadratic');
      return { family, beta, coordinates: Array.from({ length: dim }, () => ({ breakpoints, slope })) };
    }
    case 'logistic':
      return {
        family,
        dim,
        samples: wholeOption('--samples', options.samples ?? '40', 1, MAX_LOGISTIC_SAMPLES),
        dataSeed: wholeOption('--data-seed', options.dataSeed ?? '0', 0, MAX_SEED),
        l2: options.l2 ?? '0',
      };
  }
}

/** A number, or the name of a card's step-size rule (--eta D-SC). */
function stepSizeOption(text: string): RunSpec['eta'] {
  return (STEP_SIZE_RULES as readonly string[]).includes(text) ? { rule: text as StepSizeRule } : text;
}

function optionName(key: string): string {
  return `--${key.replace(/(?!^)[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`; // K stays --K
}

/** The action of the `simulate` command. */
export function simulateCommand(options: SimulateOptions, io: CliIO): void {
  try {
    const request = simulationRequest(options);
    const format = oneOf('--format', options.format ?? 'table', ['table', 'json'] as const);
    const displayDigits = wholeOption('--digits', options.digits ?? '20', 1, MAX_DECIMAL_PRECISION);
    const maxRows = wholeOption('--rows', options.rows ?? '40', 0, MAX_STEPS);
    for (const note of request.notes) io.err(`note: ${note}`);
    const outside = cardsWhoseStepSizesExclude(request.run);
    if (outside !== undefined) io.err(`warning: ${outside}`);
    if (request.kind === 'stochastic') {
      const simulation = simulateStochastic(request.run, request.choice, request.level);
      io.out(format === 'json' ? stochasticSimulationJson(simulation) : stochasticSimulationTable(simulation, displayDigits, maxRows));
    } else {
      const simulation = simulate(request.run, request.choice, options.checkDigits !== false);
      io.out(format === 'json' ? simulationJson(simulation) : simulationTable(simulation, displayDigits, maxRows));
    }
  } catch (error) {
    throw error instanceof InputError ? asOptionError(error, OPTION_OF_FIELD) : error;
  }
}

/**
 * The cards about this method and class whose step sizes exclude the run's η, in one line (the
 * run is legitimate, but those bounds say nothing about it); undefined when none does.
 */
function cardsWhoseStepSizesExclude(run: RunSpec | StochasticRunSpec): string | undefined {
  const excluding: OutOfRangeError[] = [];
  for (const card of CARDS.filter((c) => c.algorithm === run.algorithm && !('rule' in c.eta))) {
    const problem = admissibilityProblem(card, run, 'run');
    if (problem instanceof OutOfRangeError && problem.field === 'run.eta') excluding.push(problem);
  }
  if (excluding.length === 0) return undefined;
  const ranges = [...new Set(excluding.map((e) => e.range))];
  return `--eta: η·β = ${excluding[0]!.timesBeta} lies outside the step sizes of ${excluding.map((e) => e.card).join(', ')} (${ranges.join('; ')}): the run is made, but their bounds do not apply to it`;
}
