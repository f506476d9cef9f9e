/**
 * Whether a case lies inside what a card claims something about: its method, its class of
 * functions (and families, and condition number), its step sizes, its radii and (stochastic) the
 * smoothness of the oracle's components. A replayed file outside them proves nothing about the card
 * (a D-NC file with η = 3/β "reproduces" a ratio of 10^12), so it is reported as invalid, with the
 * field and the rule it breaks; the same rules check what a user hands `samcheck run --constant`.
 *
 * Comparisons are made in decimal at COMPARISON_DIGITS digits with a relative slack of 10^-40 for
 * η, so that a step size written as 1/β (η = "1/78.8") sits on the edge η = 1/β that the cards
 * include whatever rounding the division made, and 10^-8 for ρ, which the generators write as a
 * 12-digit decimal a relative 10^-10 inside its range.
 */
import { decimalBackend } from '../arith/decimal.js';
import { parseNumber, type NumberText } from '../arith/literal.js';
import { isStochasticSpec, type CaseSpec } from '../algorithms/case.js';
import { isStepSizeRule, resolveStepSize } from '../algorithms/run-spec.js';
import { InputError } from '../errors.js';
import { buildFunction } from '../functions/index.js';
import { buildOracle } from '../oracles/build.js';
import { norm } from '../arith/vector.js';
import type { Backend } from '../arith/backend.js';
import type { SmoothFunction } from '../functions/types.js';
import type { Card, FunctionClass, StepRange } from '../theorems/card.js';

const COMPARISON_DIGITS = 60;
/** Relative slack at a range's ends: rounding for η (exact as s/β), 12-digit decimals for ρ. */
const SLACK = { eta: '1e-40', rho: '1e-8' } as const;

/** The first condition of `card` that `spec` breaks, as an InputError naming `field` (e.g. the file); undefined when it is admissible. */
export function admissibilityProblem(card: Card, spec: CaseSpec, field = 'run'): InputError | undefined {
  try {
    requireAdmissible(card, spec, field);
    return undefined;
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
}

/** Throws an InputError naming the field and the rule when `spec` lies outside `card`'s claim. */
export function requireAdmissible(card: Card, spec: CaseSpec, field = 'run'): void {
  const at = (name: string) => `${field}.${name}`;
  if (spec.algorithm !== card.algorithm) throw new InputError(at('algorithm'), spec.algorithm, `must be ${card.algorithm}: ${card.id} is a claim about ${card.algorithm}`);
  const stochastic = isStochasticSpec(spec);
  if (card.scope === 'stochastic' && !stochastic) throw new InputError(field, 'a deterministic run', `${card.id} is checked on stochastic runs (an oracle, paths and a seed)`);
  if ((card.scope === 'step' || card.scope === 'run') && stochastic) throw new InputError(at('oracle'), spec.oracle, `${card.id} is checked on deterministic runs`);
  const family = spec.function.family;
  if (card.families !== undefined && !card.families.includes(family)) {
    throw new InputError(at('function.family'), family, `must be one of ${card.families.join(', ')}: the families ${card.id} is checked on`);
  }
  const B = decimalBackend(COMPARISON_DIGITS);
  const f = buildFunction(B, spec.function);
  const { beta, mu } = f.certificate;
  const inClass = classOf(mu === undefined ? undefined : B.toNumber(mu) > 0 ? 'strongly-convex' : 'convex');
  if (!inClass.includes(card.requires)) {
    throw new InputError(at('function'), spec.function, `must be ${card.requires.replace('-', ' ')} (${card.id}'s class); this member is ${inClass[inClass.length - 1]!.replace('-', ' ')}${mu === undefined ? '' : ` (μ = ${B.toNumber(mu)})`}`);
  }
  if (card.maxCondition !== undefined && mu !== undefined && B.toNumber(mu) > 0 && B.toNumber(B.div(beta, mu)) > card.maxCondition) {
    throw new InputError(at('function'), spec.function, `must have β/μ <= ${card.maxCondition} (${card.id}'s condition cap); it has ${B.toNumber(B.div(beta, mu))}`);
  }
  const decay = 'rhoDecay' in spec ? spec.rhoDecay : undefined;
  if (card.rhoDecay !== decay) {
    throw new InputError(at('rhoDecay'), decay, card.rhoDecay === undefined ? `${card.id} is a claim about a constant ρ` : `must be ${card.rhoDecay} (${card.id}'s radius schedule)`);
  }
  if ('rule' in card.eta) {
    const rule = isStepSizeRule(spec.eta) ? spec.eta.rule : undefined;
    if (rule !== card.eta.rule) throw new InputError(at('eta'), spec.eta, `must be { "rule": "${card.eta.rule}" }: ${card.id} is a claim about that step size`);
  } else {
    if (isStepSizeRule(spec.eta)) throw new InputError(at('eta'), spec.eta, `${card.id} admits ${rangeText(card.eta, 'η')}, not a rule`);
    const x0 = spec.x0.map((x, i) => parseNumber(B, `${at('x0')}[${i}]`, x));
    const rho = spec.rho === undefined ? B.zero : parseNumber(B, at('rho'), spec.rho);
    const eta = resolveStepSize(B, spec.eta, { f, x0, rho, steps: spec.steps });
    requireWithin(B.mul(eta, beta), card.eta, at('eta'), spec.eta, card.id, 'η', SLACK.eta);
  }
  if (card.rho !== undefined && spec.rho !== undefined) {
    const rho = parseNumber(B, at('rho'), spec.rho);
    requireWithin(B.mul(rho, beta), card.rho, at('rho'), spec.rho, card.id, 'ρ', SLACK.rho);
  }
  if (stochastic && card.noise !== undefined && !card.noise.includes(spec.oracle.kind)) {
    throw new InputError(at('oracle.kind'), spec.oracle.kind, `must be one of ${card.noise.join(', ')}: the noise models ${card.id} is a claim about`);
  }
  const { min, max } = card.horizon ?? {};
  if ((min !== undefined && spec.steps < min) || (max !== undefined && spec.steps > max)) {
    throw new InputError(at('steps'), spec.steps, `must be ${min ?? 1} <= T${max === undefined ? '' : ` <= ${max}`}: the horizons ${card.id} is a claim about`);
  }
  if (card.start === 'optimum') requireAtOptimum(B, f, spec, at('x0'), card.id);
  if (stochastic && card.scope === 'stochastic' && card.requiresSmoothComponents && !buildOracle(B, f, spec.oracle).certificate.componentsSmooth) {
    throw new InputError(at('oracle'), spec.oracle, `must have β-smooth components: ${card.id}'s analysis (m-SAM) needs them`);
  }
}

/** x0 = x* (to 10^-9 of max(1, ‖x*‖): a generator writes x* from the float64 certificate). */
function requireAtOptimum<T>(B: Backend<T>, f: SmoothFunction<T>, spec: CaseSpec, field: string, id: string): void {
  const xStar = f.certificate.xStar;
  if (xStar === undefined) throw new InputError(field, spec.x0, `${id} starts at x*, and this member has no minimizer`);
  const x0 = spec.x0.map((x, i) => parseNumber(B, `${field}[${i + 1}]`, x));
  const distance = B.toNumber(norm(B, x0.map((x, i) => B.sub(x, xStar[i]!))));
  const scale = Math.max(1, B.toNumber(norm(B, xStar)));
  if (!(distance <= 1e-9 * scale)) throw new InputError(field, spec.x0, `must be x* (${id} starts every run at the minimizer); it is ${distance.toExponential(3)} away`);
}

/** The classes a member belongs to: smooth always; convex and strongly convex by its certificate. */
function classOf(kind: 'convex' | 'strongly-convex' | undefined): FunctionClass[] {
  return kind === undefined ? ['smooth'] : kind === 'convex' ? ['smooth', 'convex'] : ['smooth', 'convex', 'strongly-convex'];
}

/** `timesBeta` (η·β or ρ·β, in the comparison backend) within `range`, up to the slack. */
function requireWithin(timesBeta: ReturnType<typeof decimalBackend>['zero'], range: StepRange, field: string, text: unknown, id: string, symbol: string, relativeSlack: string): void {
  const B = decimalBackend(COMPARISON_DIGITS);
  const slack = B.fromString(relativeSlack);
  const max = parseNumber(B, `${id} ${symbol} max`, range.max);
  const aboveMax = range.includeMax ? B.cmp(timesBeta, B.add(max, B.mul(max, slack))) > 0 : B.cmp(timesBeta, B.sub(max, B.mul(max, slack))) >= 0;
  const min = range.min === undefined ? undefined : parseNumber(B, `${id} ${symbol} min`, range.min);
  const belowMin = min !== undefined && B.cmp(timesBeta, B.sub(min, B.mul(min, slack))) < 0;
  if (aboveMax || belowMin) throw new OutOfRangeError(field, text, rangeText(range, symbol), id, symbol, Number(B.toNumber(timesBeta).toPrecision(6)));
}

/** A step size or radius outside a card's range, with the range and the value (η·β or ρ·β) as data. */
export class OutOfRangeError extends InputError {
  constructor(
    field: string,
    value: unknown,
    /** The range in words, e.g. "0 < η <= 1/β". */
    readonly range: string,
    readonly card: string,
    symbol: string,
    /** η·β or ρ·β. */
    readonly timesBeta: number,
  ) {
    super(field, value, `must satisfy ${range} for ${card}; here ${symbol}·β = ${timesBeta}`);
  }
}

function rangeText(range: StepRange, symbol: string): string {
  const over = (text: string) => (/^[\d.]+$/.test(text) ? `${text}/β` : `(${text})/β`);
  const low = range.min === undefined ? `0 < ${symbol}` : `${over(range.min)} <= ${symbol}`;
  return `${low} ${range.includeMax ? '<=' : '<'} ${over(range.max)}`;
}

/** Number texts of the constants: each must satisfy its card's rule (positive unless the card says otherwise). */
export function requireConstantValues(card: Card, constants: Readonly<Record<string, NumberText>>, field: (name: string) => string): void {
  const B = decimalBackend(COMPARISON_DIGITS);
  for (const [name, text] of Object.entries(constants)) {
    if (!(name in card.constants)) continue;
    const value = parseNumber(B, field(name), text);
    const rule = card.constantRules?.[name] ?? 'positive';
    if (rule === 'positive' && !(B.cmp(value, B.zero) > 0)) throw new InputError(field(name), text, `must be > 0 (${card.id}'s constant ${name} scales its bound)`);
    if (rule === 'non-negative' && B.cmp(value, B.zero) < 0) throw new InputError(field(name), text, `must be >= 0 (${card.id}'s constant ${name})`);
  }
}
