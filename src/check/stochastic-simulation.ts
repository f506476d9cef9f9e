/**
 * A stochastic simulation (`samcheck simulate --algorithm n-sam|m-sam|sgd`): N independent paths
 * of one exactly described run, with the per-step means of x_t, f(x_t) − f* and ‖∇f(x_t)‖², their
 * two-sided Student-t intervals, and path 0 in full (replayable from the seed alone).
 */
import type { Backend } from '../arith/backend.js';
import { selectBackend, type BackendChoice } from '../arith/select.js';
import { executeStochasticRun, type StochasticRunSpec } from '../algorithms/stochastic.js';
import { InputError } from '../errors.js';
import { interval, type RunningMean } from '../stats/mean.js';
import { certificateText, type CertificateText } from './simulation.js';

export const DEFAULT_SIMULATION_LEVEL = 0.99;
export const INTERVAL_METHOD =
  "two-sided Student-t interval of the mean over independent paths, mean ± t_{(1+level)/2, N−1}·s/√N, pointwise at each step (not simultaneous over steps)";
/** The path printed in full. */
export const SAMPLE_PATH = 0;

export interface MeasuresText<V> {
  readonly iterates: V[][];
  readonly gap: V[];
  readonly gradNormSq: V[];
}

export interface StochasticSimulation {
  readonly run: StochasticRunSpec;
  readonly choice: BackendChoice;
  readonly precision: number;
  readonly certificate: CertificateText;
  readonly oracle: { readonly sigmaSq: string; readonly componentsSmooth: boolean };
  readonly samplePath: MeasuresText<string> & { readonly index: number };
  readonly mean: MeasuresText<string>;
  readonly ci: MeasuresText<[string, string]>;
  readonly method: string;
  readonly level: number;
}

export function simulateStochastic(run: StochasticRunSpec, choice: BackendChoice, level = DEFAULT_SIMULATION_LEVEL): StochasticSimulation {
  if (!(level > 0 && level < 1)) throw new InputError('level', level, 'must be a confidence level strictly between 0 and 1');
  return { run, choice, ...summarize(selectBackend(choice), run, level), method: INTERVAL_METHOD, level };
}

function summarize<T>(B: Backend<T>, run: StochasticRunSpec, level: number) {
  const result = executeStochasticRun(B, run, 'every-step', SAMPLE_PATH);
  const show = (v: T) => B.toString(v);
  const steps = Array.from({ length: run.steps + 1 }, (_, t) => result.at.get(t)!);
  const measures = <V>(of: (m: RunningMean<T>) => V): MeasuresText<V> => ({
    iterates: steps.map((s) => s.iterates.map(of)),
    gap: steps.map((s) => of(s.gap)),
    gradNormSq: steps.map((s) => of(s.gradNormSq)),
  });
  const path = result.path!;
  return {
    precision: B.precision,
    certificate: certificateText(show, result.f.certificate),
    oracle: { sigmaSq: show(result.oracle.certificate.sigmaSq), componentsSmooth: result.oracle.certificate.componentsSmooth },
    samplePath: { index: path.index, iterates: path.iterates.map((x) => x.map(show)), gap: path.gap.map(show), gradNormSq: path.gradNormSq.map(show) },
    mean: measures((m) => show(m.mean)),
    ci: measures((m): [string, string] => {
      const [lo, hi] = interval(B, m, level);
      return [show(lo), show(hi)];
    }),
  };
}
