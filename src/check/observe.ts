/**
 * Evaluating a card on one instance in one backend: the pairs (observed, bound) it claims.
 */
import type { Backend } from '../arith/backend.js';
import { parseNumber, type NumberText } from '../arith/literal.js';
import { isZero } from '../arith/scalar.js';
import { dot, norm, sub, unitVector, type Vec } from '../arith/vector.js';
import { advance, descentPoint, startMemory, type Method } from '../algorithms/ascent.js';
import { methodOf } from '../algorithms/methods.js';
import { instantiate, runInstance, type Instance, type RunSpec } from '../algorithms/run-spec.js';
import { InputError } from '../errors.js';
import type { SmoothFunction } from '../functions/types.js';
import type { Card, Constants, Observation, RunCard, StepCard, StepQuantities } from '../theorems/card.js';

export interface ObserveOptions {
  /** The implementation under test; the card's own method when absent. */
  readonly method?: Method;
  /** Replacements for the card's named constants, as exact number texts. */
  readonly constants?: Readonly<Record<string, NumberText>>;
}

/** Throws, naming `field` and `value`, unless `name` is one of the card's constants. */
export function requireConstant(card: Card, name: string, field: string, value: unknown = name): void {
  if (name in card.constants) return;
  const known = Object.keys(card.constants);
  throw new InputError(field, value, `is not a constant of ${card.id} (${known.length ? `it has ${known.join(', ')}` : 'it has none'})`);
}

/** The card's constants with `overrides`, checked by name and parsed in B. */
export function cardConstants<T>(B: Backend<T>, card: Card, overrides: Readonly<Record<string, NumberText>> = {}): Constants<T> {
  for (const name of Object.keys(overrides)) requireConstant(card, name, `constant ${name}`, overrides[name]);
  const texts = { ...card.constants, ...overrides };
  return Object.fromEntries(Object.entries(texts).map(([name, text]) => [name, parseNumber(B, `constant ${name}`, text)]));
}

/** The observations of a deterministic card on `spec` in backend B (none when a lemma's x is stationary). */
export function observe<T>(B: Backend<T>, card: StepCard | RunCard, spec: RunSpec, options: ObserveOptions = {}): Observation<T>[] {
  return observer(B, card, spec, options.method ?? methodOf('algorithm', card.algorithm, 'deterministic'))(cardConstants(B, card, options.constants));
}

/**
 * The card's observations on `spec` as a function of its constants: the step or the run is
 * computed once, and only the claims are evaluated again for other constants (the audit's
 * threshold search).
 */
export function observer<T>(B: Backend<T>, card: StepCard | RunCard, spec: RunSpec, method: Method): (constants: Constants<T>) => Observation<T>[] {
  return instanceObserver(B, card, spec, instantiate(B, spec), method);
}

/**
 * observer's work on an instance already made: `spec` gives the horizon and ρ's schedule, the
 * instance the function, start and parameters (the class-wide search, src/interpolation/, hands
 * in a function that answers from its data).
 */
export function instanceObserver<T>(B: Backend<T>, card: StepCard | RunCard, spec: RunSpec, instance: Instance<T>, method: Method): (constants: Constants<T>) => Observation<T>[] {
  const { f, x0, eta, rho } = instance;
  if (card.scope === 'step') {
    const s = stepQuantities(B, f, x0, eta, rho, method);
    return (constants) => (s === undefined ? [] : [{ ...card.observe(B, s, constants), at: 0 }]);
  }
  const trajectory = runInstance(spec, instance, method);
  const { beta, mu } = f.certificate;
  const r = { f, beta, mu, rho, eta, steps: spec.steps, delta0: trajectory.gap[0]!, trajectory };
  return (constants) => card.observe(B, r, constants);
}

/** The quantities of THEOREMS.md §2 for one step of `method` from x; undefined when ∇f(x) = 0. */
function stepQuantities<T>(B: Backend<T>, f: SmoothFunction<T>, x: Vec<T>, eta: T, rho: T, method: Method): StepQuantities<T> | undefined {
  const { gap, gradient: g } = f.evaluate(x);
  const u = unitVector(B, g);
  if (u === undefined) return undefined;
  const gNorm = norm(B, g);
  if (isZero(B, gNorm)) return undefined;
  const y = method.ascent(B, x, g, rho);
  const gHat = y === x ? g : f.gradient(y);
  const delta = sub(B, gHat, g);
  const at = descentPoint(method, x, y);
  // One step from x with the memory a run starts with (a momentum method's first step is plain).
  const { x: xNext } = advance(B, method, { x, eta, direction: at === x ? g : f.gradient(at), state: startMemory(B, method, x), t: 0 });
  const { beta, mu } = f.certificate;
  return { f, beta, mu, rho, eta, x, g, gNorm, u, y, gHat, delta, a: dot(B, delta, u), gap, gapNext: f.gap(xNext) };
}
