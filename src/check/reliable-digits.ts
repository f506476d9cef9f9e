/**
 * How many digits of a run can be trusted, measured by rerunning it at a higher precision.
 *
 * Near a minimizer SAM's normalized ascent amplifies rounding: while ‖∇f(x_t)‖ is far below
 * ηβ²ρ, a perturbation of x_t grows by about ηβ²ρ/‖∇f(x_t)‖ in one step, and a run can lose tens
 * of digits on the way to its 2-cycle. The loss is a property of the instance, not of the
 * precision (a run at p and at 2p lose the same number of digits, to one or two), so the digits a
 * run shares with a run at twice its precision are the digits it has right.
 */
import type { BackendChoice } from '../arith/select.js';
import { referencePrecision, selectBackend } from '../arith/select.js';
import { agreedDigits, agreedDigitsNormwise } from '../arith/digits.js';
import { executeRun, trajectoryText, type RunSpec, type TrajectoryText } from '../algorithms/run-spec.js';

/** Digits one trajectory shares with another of the same run, step by step. */
export interface TrajectoryAgreement {
  /** Per step t, the digits of the vector x_t, normwise: −log10(‖x_t − x'_t‖/‖x'_t‖). */
  readonly iterates: number[];
  /** Per step t and coordinate i, the digits of the number x_t,i itself (what a table may show). */
  readonly coordinates: number[][];
  readonly gap: number[];
  readonly gradNormSq: number[];
  /** The fewest over iterates (normwise), gap and gradNormSq: the digits the run kept. */
  readonly min: number;
}

export interface DigitReport extends TrajectoryAgreement {
  /** The precision of the rerun the digits were measured against. */
  readonly referencePrecision: number;
}

export function compareTrajectories(run: TrajectoryText, reference: TrajectoryText, cap: number): TrajectoryAgreement {
  const perEntry = (ours: readonly string[], theirs: readonly string[]) => ours.map((v, i) => agreedDigits(v, theirs[i]!, cap));
  const iterates = run.iterates.map((x, t) => agreedDigitsNormwise(x, reference.iterates[t]!, cap));
  const gap = perEntry(run.gap, reference.gap);
  const gradNormSq = perEntry(run.gradNormSq, reference.gradNormSq);
  return {
    iterates,
    coordinates: run.iterates.map((x, t) => perEntry(x, reference.iterates[t]!)),
    gap,
    gradNormSq,
    min: Math.min(fewest(iterates), fewest(gap), fewest(gradNormSq)),
  };
}

/** Reruns `spec` at the reference precision of `choice` and counts the digits `run` has right. */
export function measureReliableDigits(spec: RunSpec, choice: BackendChoice, run: TrajectoryText): DigitReport | undefined {
  const precision = referencePrecision(choice);
  if (precision === undefined) return undefined;
  const R = selectBackend({ backend: 'decimal', precision });
  const reference = trajectoryText(R, executeRun(R, spec).trajectory);
  return { referencePrecision: precision, ...compareTrajectories(run, reference, selectBackend(choice).precision) };
}

// Not Math.min(...list): spreading a million-step run would overflow the call stack.
function fewest(list: readonly number[]): number {
  return list.reduce((m, v) => Math.min(m, v), Infinity);
}
