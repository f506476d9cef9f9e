/**
 * One-line descriptions of instances, for tables: enough to recognise a case, not to rerun it
 * (the JSON and the counterexample files hold the exact spec).
 */
import { isStochasticSpec, type CaseSpec } from '../algorithms/case.js';
import type { OracleSpec } from '../oracles/oracle.js';
import { float64 } from '../arith/float64.js';
import { buildFunction } from '../functions/index.js';
import type { FamilySpec } from '../functions/types.js';
import { stepSizeText } from './simulation.js';

export function describeFunction(spec: FamilySpec): string {
  switch (spec.family) {
    case 'quadratic': {
      if (spec.matrix) return `quadratic d=${spec.matrix.length} (matrix)`;
      const eigenvalues = spec.eigenvalues ?? [];
      const values = eigenvalues.map(evaluate);
      const beta = Math.max(...values);
      const mu = Math.min(...values);
      return `quadratic d=${eigenvalues.length} β=${short(beta)} μ=${short(mu)}${spec.rotationSeed === undefined ? '' : ' rotated'}`;
    }
    case 'cosine':
      return `cosine d=${spec.dim} terms=${spec.terms.length} β=${short(Math.max(...spec.terms.map((t) => evaluate(t.beta)), spec.terms.length < spec.dim ? evaluate(spec.quadBeta) : 0))}`;
    case 'logistic':
      return `logistic d=${spec.dim} n=${spec.samples} l2=${spec.l2}`;
    default:
      return describeUserFamily(spec);
  }
}

/** A family made by defineFamily: its name, dimension and certificate (built in float64 for the table). */
function describeUserFamily(spec: FamilySpec): string {
  const name = String((spec as { family: unknown }).family);
  try {
    const { dim, certificate } = buildFunction(float64, spec);
    return `${name} d=${dim} β=${short(certificate.beta)}${certificate.mu === undefined ? '' : ` μ=${short(certificate.mu)}`}`;
  } catch {
    return name; // a family whose file was not loaded: its name is all there is
  }
}

export function describeRun(run: CaseSpec): string {
  const start = Math.hypot(...run.x0.map(evaluate));
  const noise = isStochasticSpec(run) ? `; ${describeOracle(run.oracle)}, ${run.paths} paths` : '';
  return `${describeFunction(run.function)}${noise}; ‖x0‖=${short(start)} ρ=${run.rho ?? '-'} η=${stepSizeText(run.eta)} T=${run.steps}`;
}

export function describeOracle(oracle: OracleSpec): string {
  switch (oracle.kind) {
    case 'gaussian':
      return 'scales' in oracle ? `gaussian scales=${oracle.scales.join(',')}` : `gaussian σ=${oracle.sigma}`;
    case 'rademacher':
      return `rademacher σ=${oracle.sigma}`;
    case 'student-t':
      return `student-t ν=${oracle.dof} σ=${oracle.sigma}`;
    case 'discrete':
      return `discrete ${oracle.values.length} values`;
    case 'two-point':
      return `two-point K=${oracle.K} s=${oracle.s}`;
    case 'finite-sum':
      return `finite sum of ${oracle.offsets.length}`;
    default:
      return String((oracle as { kind: unknown }).kind); // a noise model made by defineOracle
  }
}

function evaluate(text: string): number {
  const [p, q] = text.split('/');
  return Number(p) / (q === undefined ? 1 : Number(q));
}

function short(x: number): string {
  return Number(x.toPrecision(3)).toString();
}
