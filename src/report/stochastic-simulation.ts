/**
 * A stochastic simulation as JSON (every digit the backend holds) or as a table of means with
 * their intervals (only the digits the intervals leave decided).
 */
import { arithmeticText } from '../arith/select.js';
import type { StochasticSimulation } from '../check/stochastic-simulation.js';
import { describeOracle } from './describe.js';
import { formatJson } from './json.js';
import { simulationHeader, stepSizeText } from './simulation.js';
import { renderTable, showEstimate, tableSteps } from './text.js';

/**
 * The deterministic fields (iterates, gap, gradNormSq are those of path `samplePath`), plus
 * `paths`, `mean` and `ci` per step, and the interval `method` and `level`.
 */
export function stochasticSimulationJson(s: StochasticSimulation): string {
  return formatJson({
    ...simulationHeader(s),
    oracle: { ...s.run.oracle, ...s.oracle },
    samplePath: s.samplePath.index,
    iterates: s.samplePath.iterates,
    gap: s.samplePath.gap,
    gradNormSq: s.samplePath.gradNormSq,
    paths: s.run.paths,
    seed: s.run.seed,
    mean: s.mean,
    ci: s.ci,
    method: s.method,
    level: s.level,
  });
}

/** At most `maxRows` steps (0: all), each mean as "mean ± half-width" of its interval. */
export function stochasticSimulationTable(s: StochasticSimulation, displayDigits: number, maxRows: number): string {
  const { run, certificate: c } = s;
  const estimate = (mean: string, [lo, hi]: [string, string]) => showEstimate(mean, lo, hi, displayDigits);
  const rows = tableSteps(run.steps, maxRows).map((t) => [
    String(t),
    estimate(s.mean.gap[t]!, s.ci.gap[t]!),
    estimate(s.mean.gradNormSq[t]!, s.ci.gradNormSq[t]!),
    `(${s.mean.iterates[t]!.map((m, i) => estimate(m, s.ci.iterates[t]![i]!)).join(', ')})`,
  ]);
  const rho = run.rho === undefined ? '' : `, ρ = ${run.rho}`;
  const arithmetic = arithmeticText(s.choice, s.precision);
  const percent = `${Number((s.level * 100).toPrecision(6))}%`;
  const header = [
    `${run.algorithm.toUpperCase()} on ${run.function.family}, d = ${run.x0.length}: β = ${c.beta}` +
      (c.mu === null ? ' (nonconvex)' : `, μ = ${c.mu}`) +
      `, f* = ${c.fStar}`,
    `oracle ${describeOracle(run.oracle)}: σ² = ${s.oracle.sigmaSq}${s.oracle.componentsSmooth ? ', every component β-smooth' : ''}`,
    `η = ${stepSizeText(run.eta)}${rho}, T = ${run.steps}; ${run.paths} paths, seed ${run.seed}; ${arithmetic}`,
    `Means over the paths ± the half-widths of their ${percent} two-sided Student-t intervals (pointwise in t).`,
  ];
  return [...header, '', renderTable(['t', 'E f(x_t) − f*', 'E ‖∇f(x_t)‖²', 'E x_t'], rows, ['right', 'right', 'right', 'left'])].join('\n');
}
