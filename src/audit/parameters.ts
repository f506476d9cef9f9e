/**
 * The continuous parameters of a case, as a vector for local search: ρ, η (in units of 1/β), the
 * start x0, the spectrum of a quadratic, the curvatures, frequencies and phases of a cosine, a
 * logistic regression's λ, and the noise of an oracle (σ, scales, the K and s of the two-point
 * noise). Positive quantities are searched on a log scale, so a step multiplies them; signed ones
 * (coordinates, phases) on a linear scale. Discrete choices (dimension, horizon, data, seeds, the
 * values of discrete noise) stay as they are.
 */
import { float64 } from '../arith/float64.js';
import { parseNumber } from '../arith/literal.js';
import { isStochasticSpec, type CaseSpec } from '../algorithms/case.js';
import type { OracleSpec } from '../oracles/oracle.js';
import { buildFunction } from '../functions/index.js';
import type { FamilySpec } from '../functions/types.js';
import type { Card, StepRange } from '../theorems/card.js';
import { optimumOf } from '../generators/cases.js';

export interface Parameter {
  readonly name: string;
  readonly scale: 'log' | 'linear';
  /** The value in search coordinates (log of the quantity, or the quantity). */
  readonly value: number;
  /** A first step in search coordinates. */
  readonly step: number;
}

export interface Parameterization {
  readonly parameters: readonly Parameter[];
  /** The case with the parameters set to `values` (search coordinates), kept in the card's ranges. */
  rebuild(values: readonly number[]): CaseSpec;
}

/** A number as a short exact text (12 significant digits). */
export function numberText(x: number): string {
  return String(Number(x.toPrecision(12)));
}

const LOG_STEP = 0.5;
const LOG_LIMIT = 12 * Math.LN10;

export function parameterize(card: Card, spec: CaseSpec): Parameterization {
  const parameters: Parameter[] = [];
  const setters: ((s: Mutable, v: number) => void)[] = [];
  const add = (name: string, scale: 'log' | 'linear', quantity: number, set: (s: Mutable, q: number) => void, linearStep = 0) => {
    if (scale === 'log' && !(quantity > 0)) return; // zeros (a flat direction, no noise) stay zero
    parameters.push({ name, scale, value: scale === 'log' ? Math.log(quantity) : quantity, step: scale === 'log' ? LOG_STEP : linearStep });
    // A positive quantity stays within [10^-12, 10^12]: a ratio that only improves as ρ -> ∞ or
    // η -> 0 says so long before, and absurd magnitudes only cost the confirmation precision.
    setters.push((s, v) => set(s, scale === 'log' ? Math.exp(Math.min(LOG_LIMIT, Math.max(-LOG_LIMIT, v))) : v));
  };
  const num = (text: string) => parseNumber(float64, 'parameter', text);

  // A pinned η or ρ (min = max) is no parameter: every step away would be pulled back.
  if (spec.rho !== undefined && !isPinned(card.rho)) add('rho', 'log', num(spec.rho), (s, q) => (s.rho = numberText(q)));
  if (typeof spec.eta === 'object' && 'overBeta' in spec.eta && !('max' in card.eta && isPinned(card.eta))) add('eta·β', 'log', num(spec.eta.overBeta), (s, q) => (s.eta = { overBeta: numberText(q) }));
  const size = Math.hypot(...spec.x0.map(num)) / Math.sqrt(spec.x0.length) || 1;
  // A pinned start (x*) is no parameter either.
  if (card.start !== 'optimum') spec.x0.forEach((text, i) => add(`x0[${i + 1}]`, 'linear', num(text), (s, q) => (s.x0[i] = numberText(q)), 0.5 * (Math.abs(num(text)) + size)));
  familyParameters(spec.function, add, num);
  if (isStochasticSpec(spec)) oracleParameters(spec.oracle, add, num);

  return {
    parameters,
    rebuild(values) {
      const s = clone(spec);
      values.forEach((v, i) => setters[i]!(s, v));
      return withinRanges(card, s);
    },
  };
}

// The deep copy a setter edits: each setter writes one field of the family or oracle shape it was
// made for (checked when it was made), so the copy's fields are left untyped here.
type Mutable = { -readonly [K in keyof CaseSpec]: any } & { x0: string[]; function: any; oracle?: any };
type Add = (name: string, scale: 'log' | 'linear', quantity: number, set: (s: Mutable, q: number) => void, linearStep?: number) => void;

function familyParameters(f: FamilySpec, add: Add, num: (t: string) => number): void {
  switch (f.family) {
    case 'quadratic':
      f.eigenvalues?.forEach((text, i) => add(`λ${i + 1}`, 'log', num(text), (s, q) => (s.function.eigenvalues[i] = numberText(q))));
      return;
    case 'cosine':
      f.terms.forEach((term, i) => {
        add(`β${i + 1}`, 'log', num(term.beta), (s, q) => (s.function.terms[i].beta = numberText(q)));
        add(`k${i + 1}`, 'log', num(term.k), (s, q) => (s.function.terms[i].k = numberText(q)));
        add(`φ${i + 1}`, 'linear', num(term.phase ?? '0'), (s, q) => (s.function.terms[i].phase = numberText(q)), 0.5);
      });
      if (f.terms.length < f.dim) add('βq', 'log', num(f.quadBeta), (s, q) => (s.function.quadBeta = numberText(q)));
      return;
    case 'logistic':
      add('λ', 'log', num(f.l2), (s, q) => (s.function.l2 = numberText(q)));
  }
}

function oracleParameters(o: OracleSpec, add: Add, num: (t: string) => number): void {
  switch (o.kind) {
    case 'gaussian':
      if ('scales' in o) o.scales.forEach((text, i) => add(`noise scale ${i + 1}`, 'log', num(text), (s, q) => (s.oracle.scales[i] = numberText(q))));
      else add('σ', 'log', num(o.sigma), (s, q) => (s.oracle.sigma = numberText(q)));
      return;
    case 'rademacher':
    case 'student-t':
      add('σ', 'log', num(o.sigma), (s, q) => (s.oracle.sigma = numberText(q)));
      return;
    case 'two-point':
      add('K', 'log', num(o.K), (s, q) => (s.oracle.K = numberText(Math.max(1, q))));
      add('s', 'log', num(o.s), (s, q) => (s.oracle.s = numberText(q)));
      return;
    default:
      return; // discrete values and finite sums keep their exact centring
  }
}

function clone(spec: CaseSpec): Mutable {
  return JSON.parse(JSON.stringify(spec)) as Mutable;
}

/** A case with η and ρ pulled back into the card's ranges (a copy; the generators' corners use it). */
export function keepInRanges(card: Card, spec: CaseSpec): CaseSpec {
  return withinRanges(card, clone(spec));
}

/** η and ρ pulled back into the card's ranges, lower ends included (in units of 1/β of the rebuilt function). */
function withinRanges(card: Card, s: Mutable): CaseSpec {
  if ('max' in card.eta && typeof s.eta === 'object' && s.eta !== null && 'overBeta' in s.eta) {
    s.eta = { overBeta: fractionText(clampFraction(num(s.eta.overBeta), card.eta), card.eta) };
  }
  // ρ <= max/β: the β of the rebuilt function, from its float64 certificate.
  if (card.rho !== undefined && s.rho !== undefined) s.rho = numberText(rhoInRange(card, betaOf(s.function), num(s.rho)));
  // A pinned start follows x* when the function moves (a logistic regression's λ moves its minimizer).
  if (card.start === 'optimum') s.x0 = optimumOf(s.function);
  return s as CaseSpec;
}

/** ρ pulled into the card's range for a function of smoothness β (ρ itself when the card has none). */
export function rhoInRange(card: Card, beta: number, rho: number): number {
  if (card.rho === undefined) return rho;
  const largest = (num(card.rho.max) / beta) * (card.rho.includeMax ? 1 : 1 - 1e-9) * (1 - 1e-9);
  const smallest = card.rho.min === undefined ? 0 : (num(card.rho.min) / beta) * (1 + 1e-9);
  return Math.max(Math.min(smallest, largest), Math.min(rho, largest));
}

/** Whether a case's member keeps the card's condition cap β/μ <= maxCondition (float64, a relative 10^-9 inside). */
export function withinCondition(card: Card, spec: CaseSpec): boolean {
  if (card.maxCondition === undefined) return true;
  try {
    const { beta, mu } = buildFunction(float64, spec.function).certificate;
    return mu === undefined || mu <= 0 || beta / mu <= card.maxCondition * (1 - 1e-9);
  } catch {
    return false; // out of the family's domain
  }
}

/** Whether a range is one value (min = max). */
export function isPinned(range: StepRange | undefined): boolean {
  return range?.min !== undefined && num(range.min) >= num(range.max);
}

/**
 * η·β as 12 digits, unless rounding carries it past an end of `range`: then the end itself, as
 * exactly as the range writes it (a range ending at 2/3 keeps '2/3', where '0.666666666667'
 * would lie above it), or for an open end a value just inside.
 */
function fractionText(value: number, range: StepRange): string {
  const text = numberText(value);
  const max = num(range.max);
  if (num(text) > max || (!range.includeMax && num(text) >= max)) return range.includeMax ? range.max : numberText(max * (1 - 1e-9));
  if (range.min !== undefined && num(text) < num(range.min)) return range.min;
  return text;
}

function clampFraction(value: number, range: StepRange): number {
  const max = num(range.max);
  const min = range.min === undefined ? 0 : num(range.min);
  const upper = range.includeMax ? max : max * (1 - 1e-9);
  return Math.min(upper, Math.max(min, value));
}

function num(text: string): number {
  return parseNumber(float64, 'parameter', text);
}

function betaOf(f: FamilySpec): number {
  return buildFunction(float64, f).certificate.beta;
}
