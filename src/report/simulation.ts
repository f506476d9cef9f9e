/**
 * A simulation as JSON (every digit the backend holds) or as a table (only confirmed digits).
 */
import { arithmeticText } from '../arith/select.js';
import type { RunSpec, StepSize } from '../algorithms/run-spec.js';
import type { StochasticRunSpec } from '../algorithms/stochastic.js';
import type { Simulation } from '../check/simulation.js';
import { formatJson } from './json.js';
import { renderTable, showDigits, tableSteps } from './text.js';

/** Everything that defines the run except the algorithm and family, which are reported beside it. */
export function runParameters(run: RunSpec | StochasticRunSpec): Record<string, unknown> {
  const { function: spec, algorithm: _algorithm, ...settings } = run;
  const { family: _family, ...familyParameters } = spec;
  return { ...familyParameters, ...settings };
}

/** The fields every simulation's JSON opens with: what ran, on what, in which arithmetic. */
export function simulationHeader(s: Pick<Simulation, 'choice' | 'precision' | 'certificate'> & { readonly run: RunSpec | StochasticRunSpec }) {
  return {
    algorithm: s.run.algorithm,
    family: s.run.function.family,
    parameters: runParameters(s.run),
    backend: s.choice.backend,
    precision: s.precision,
    certificate: s.certificate,
  };
}

export function simulationJson(s: Simulation): string {
  return formatJson({
    ...simulationHeader(s),
    iterates: s.trajectory.iterates,
    gap: s.trajectory.gap,
    gradNormSq: s.trajectory.gradNormSq,
    avgGradNormSq: s.trajectory.avgGradNormSq,
    reliableDigits: s.digits ?? null,
  });
}

/** At most `maxRows` steps (0: all), each number to min(displayDigits, its confirmed digits). */
export function simulationTable(s: Simulation, displayDigits: number, maxRows: number): string {
  const { run, certificate: c } = s;
  const shown = (confirmed: number | undefined) => Math.min(displayDigits, confirmed ?? displayDigits);
  const rows = tableSteps(run.steps, maxRows).map((t) => [
    String(t),
    showDigits(s.trajectory.gap[t]!, shown(s.digits?.gap[t])),
    showDigits(s.trajectory.gradNormSq[t]!, shown(s.digits?.gradNormSq[t])),
    `(${s.trajectory.iterates[t]!.map((v, i) => showDigits(v, shown(s.digits?.coordinates[t]![i]))).join(', ')})`,
  ]);
  const rho = run.rho === undefined ? '' : `, ρ = ${run.rho}${run.rhoDecay ? ` (decay ${run.rhoDecay})` : ''}`;
  const arithmetic = arithmeticText(s.choice, s.precision);
  const header = [
    `${run.algorithm.toUpperCase()} on ${run.function.family}, d = ${run.x0.length}: β = ${c.beta}` +
      (c.mu === null ? ' (nonconvex)' : `, μ = ${c.mu}`) +
      `, f* = ${c.fStar}`,
    `η = ${stepSizeText(run.eta)}${rho}, T = ${run.steps}; ${arithmetic}`,
    s.digits === undefined
      ? `Digits were not checked; numbers are shown to ${displayDigits} significant digits.`
      : `Every digit shown agrees with a rerun at ${s.digits.referencePrecision} digits ` +
        `(the run kept at least ${s.digits.min} of ${s.precision}); "?" marks a value with no digit right.`,
  ];
  return [...header, '', renderTable(['t', 'f(x_t) − f*', '‖∇f(x_t)‖²', 'x_t'], rows, ['right', 'right', 'right', 'left'])].join('\n');
}

export function stepSizeText(eta: StepSize): string {
  if (typeof eta === 'string') return eta;
  return 'rule' in eta ? `the step size of ${eta.rule}` : `${eta.overBeta}/β`;
}
