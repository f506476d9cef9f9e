/**
 * A simulation: one exactly described run, executed in a chosen backend, with its certificate and
 * trajectory as text and (optionally) the digits of every number confirmed by a rerun at twice
 * the precision. What `samcheck simulate` prints and what reports draw.
 */
import { selectBackend, type BackendChoice } from '../arith/select.js';
import { executeRun, trajectoryText, type RunSpec, type TrajectoryText } from '../algorithms/run-spec.js';
import type { ClassCertificate } from '../functions/types.js';
import { measureReliableDigits, type DigitReport } from './reliable-digits.js';

/** A certificate as text; null where the function has no such constant. */
export interface CertificateText {
  readonly beta: string;
  readonly mu: string | null;
  readonly lipschitz: string | null;
  readonly fStar: string;
  readonly xStar: string[] | null;
  readonly curvature: { readonly lower: string; readonly upper: string };
}

export interface Simulation {
  readonly run: RunSpec;
  readonly choice: BackendChoice;
  /** Significant digits of the backend (16 for float64). */
  readonly precision: number;
  readonly certificate: CertificateText;
  readonly trajectory: TrajectoryText;
  readonly digits: DigitReport | undefined;
}

export function simulate(run: RunSpec, choice: BackendChoice, checkDigits: boolean): Simulation {
  const B = selectBackend(choice);
  const { f, trajectory } = executeRun(B, run);
  const text = trajectoryText(B, trajectory);
  return {
    run,
    choice,
    precision: B.precision,
    certificate: certificateText((v) => B.toString(v), f.certificate),
    trajectory: text,
    digits: checkDigits ? measureReliableDigits(run, choice, text) : undefined,
  };
}

export function certificateText<T>(show: (v: T) => string, c: ClassCertificate<T>): CertificateText {
  return {
    beta: show(c.beta),
    mu: c.mu === undefined ? null : show(c.mu),
    lipschitz: c.lipschitz === undefined ? null : show(c.lipschitz),
    fStar: show(c.fStar),
    xStar: c.xStar === undefined ? null : c.xStar.map(show),
    curvature: { lower: show(c.curvature.lower), upper: show(c.curvature.upper) },
  };
}
