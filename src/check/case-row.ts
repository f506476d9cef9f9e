/**
 * One drawn case of a check as a row of numbers: its family, the dimensionless parameters a bound
 * of the paper is governed by, its ratio and how it was decided. The report draws every case of a
 * card at once from these (where in parameter space the bound is tight), and writes them all to
 * `report/results.json`, one row per case, for a notebook.
 *
 * The parameters are scale-free (the classes are invariant under f ↦ s²f(·/s), x ↦ sx): βη, the
 * ascent radius against the first gradient βρ/‖∇f(x0)‖, the condition number κ = β/μ, the start's
 * distance in units of ρ, the horizon T and the dimension d, and for stochastic runs σ/‖∇f(x0)‖.
 */
import { float64 } from '../arith/float64.js';
import { normSq, sub } from '../arith/vector.js';
import { isStochasticSpec, type CaseSpec } from '../algorithms/case.js';
import { resolveStepSize } from '../algorithms/run-spec.js';
import { buildFunction } from '../functions/index.js';
import { buildOracle } from '../oracles/build.js';
import type { CaseVerdict, Level } from './verdict.js';
import { verdictEvidence } from './verdict.js';

/** The parameters of a case; null where a case has none (κ of a nonconvex function, ρ of GD). */
export interface CaseParameters {
  readonly betaEta: number | null;
  readonly betaRhoOverGrad: number | null;
  readonly kappa: number | null;
  readonly startOverRho: number | null;
  readonly steps: number;
  readonly dim: number;
  readonly sigmaOverGrad: number | null;
}

export type ParameterName = keyof CaseParameters;

export const PARAMETER_TITLES: Readonly<Record<ParameterName, string>> = {
  betaEta: 'βη',
  betaRhoOverGrad: 'βρ/‖∇f(x0)‖',
  kappa: 'κ = β/μ',
  startOverRho: '‖x0 − x*‖/ρ',
  steps: 'horizon T',
  dim: 'dimension d',
  sigmaOverGrad: 'σ/‖∇f(x0)‖',
};

export interface CaseRow {
  readonly family: string;
  readonly parameters: CaseParameters;
  /** observed/bound (a statistical case: the mean's), at step or horizon `at`. */
  readonly ratio: number;
  /** A statistical case: the one-sided lower confidence bound over the bound, which the verdict uses. */
  readonly lowerRatio?: number;
  readonly level: Level;
  readonly at: number;
  /** The construction corner the case was drawn near, if any. */
  readonly corner?: string;
}

/** The row of a judged case. Parameters that cannot be computed (a family that does not build) are null. */
export function caseRow(instance: CaseSpec, verdict: CaseVerdict, corner: string | undefined): CaseRow {
  const lower = verdict.confidence ? verdictEvidence(verdict) : undefined;
  return {
    family: String(instance.function.family),
    parameters: caseParameters(instance),
    ratio: verdict.ratio,
    ...(lower === undefined ? {} : { lowerRatio: lower }),
    level: verdict.level,
    at: verdict.at,
    ...(corner === undefined ? {} : { corner }),
  };
}

export function caseParameters(instance: CaseSpec): CaseParameters {
  const none: CaseParameters = { betaEta: null, betaRhoOverGrad: null, kappa: null, startOverRho: null, steps: instance.steps, dim: instance.x0.length, sigmaOverGrad: null };
  try {
    const B = float64;
    const f = buildFunction(B, instance.function);
    const x0 = instance.x0.map(Number);
    const rho = instance.rho === undefined ? 0 : Number(instance.rho);
    const { beta, mu, xStar } = f.certificate;
    const grad = Math.sqrt(normSq(B, f.gradient(x0)));
    const oracle = isStochasticSpec(instance) ? buildOracle(B, f, instance.oracle) : undefined;
    const sigmaSq = oracle?.certificate.sigmaSq;
    const eta = resolveStepSize(B, instance.eta, { f, x0, rho, steps: instance.steps, ...(sigmaSq === undefined ? {} : { sigmaSq }) });
    const start = xStar === undefined ? null : Math.sqrt(normSq(B, sub(B, x0, xStar)));
    const finite = (v: number) => (Number.isFinite(v) ? v : null);
    return {
      ...none,
      betaEta: finite(beta * eta),
      betaRhoOverGrad: rho > 0 && grad > 0 ? finite((beta * rho) / grad) : null,
      kappa: mu !== undefined && mu > 0 ? finite(beta / mu) : null,
      startOverRho: start !== null && rho > 0 ? finite(start / rho) : null,
      sigmaOverGrad: sigmaSq !== undefined && grad > 0 ? finite(Math.sqrt(sigmaSq) / grad) : null,
    };
  } catch {
    return none;
  }
}
