/**
 * The public API for claims: `defineConjecture({...})` turns a short description into a check
 * that `npm test` and `samcheck run` treat like a card, and `defineCard({...})` states a theorem
 * card with the same fields (every built-in card is made with it). A file in
 * properties/conjectures/ (or a folder named with --conjectures) whose default export is a
 * conjecture is picked up with no other change.
 *
 *   export default defineConjecture({
 *     id: 'C2',
 *     statement: 'USAM converges linearly all the way on strongly convex quadratics',
 *     class: 'strongly-convex',
 *     families: ['quadratic'],
 *     algorithm: 'usam',
 *     eta: { max: '1/2' },              // 0 < η <= (1/2)/β
 *     rho: { max: '1' },                // 0 < ρ <= 1/β
 *     measure: 'gap',
 *     claim: { bound: '(1 - eta*mu)^T * delta0' },
 *     expected: 'true',
 *   });
 *
 * A bound is checked as measure_T <= bound at every horizon T of the run (for n-SAM, m-SAM and
 * SGD: E[measure_T] <= bound, statistically); `{ limit: 0 }` claims measure_T -> 0 (src/check/limit.ts).
 */
import type { NumberText } from '../arith/literal.js';
import type { Algorithm, Method } from '../algorithms/ascent.js';
import { findMethod, methodNames } from '../algorithms/methods.js';
import { EXPECTATION_MEASURES, isCustomMeasure, measureOfRun, measureText, MEASURES, type Measure } from './measures.js';
import { RHO_DECAYS, STEP_SIZE_RULES, type RhoDecay, type StepSizeRule } from '../algorithms/schedules.js';
import type { StochasticAlgorithm } from '../algorithms/stochastic.js';
import { InputError } from '../errors.js';
import { familyNames, isBuiltinFamily, userFamily, type FamilySpec, type UserFamily } from '../functions/index.js';
import { isBuiltinOracleKind, oracleKinds, userOracle, type UserOracle } from '../oracles/build.js';
import type { OracleKind } from '../oracles/oracle.js';
import { classContains, type Card, type FunctionClass, type LimitCard, type Observation, type RunCard, type SearchShape, type StepCard, type StochasticCard } from '../theorems/card.js';
import { parseFormula } from './formula.js';

export { MEASURES, type Measure, type CustomMeasure } from './measures.js';
export type Expectation = 'true' | 'false' | 'open';

export interface ConjectureSpec {
  /** A short ID, unique among cards and conjectures (letters, digits, -). */
  readonly id: string;
  /** The conjecture in words. */
  readonly statement: string;
  readonly class: FunctionClass;
  /** Only these families of the class: quadratic, logistic, cosine, or families made by defineFamily (by name or the family itself). */
  readonly families?: readonly (FamilySpec['family'] | UserFamily | string)[];
  /** A method's name (sam, usam, gd, n-sam, m-sam, sgd, or a defineMethod id) or the method itself. */
  readonly algorithm: Algorithm | StochasticAlgorithm | Method;
  /**
   * gap, gradNormSq, avgGradNormSq, minGradNormSq, distSq, tailGap, tailGradNormSq, tailDistSq
   * (src/conjectures/measures.ts), or a measure of one's own { name, at(B, { trajectory, f, t }) }
   * (stochastic methods and limits: gap or avgGradNormSq). Not used by a claim written as code.
   */
  readonly measure?: Measure;
  /**
   * A bound in beta, mu, rho, eta, delta0 (f(x0) − f*), T, gradNormSq0 (‖∇f(x0)‖², deterministic
   * methods), sigmaSq (stochastic) and the named constants; or a limit: the measure tends to 0;
   * or, for a deterministic method, a claim written as code over the backend: `step`, one step
   * from x (the quantities of StepQuantities: g, u, y, ĝ, δ, a, the gaps; a lemma), or `run`, the
   * observations of a whole run (RunQuantities: the trajectory and the parameters).
   */
  readonly claim: { readonly bound: string } | { readonly limit: 0 } | { readonly step: StepCard['observe'] } | { readonly run: RunCard['observe'] };
  /** η's range in units of 1/β (default 0 < η <= 1/β; `min` raises the lower end), or a card's step-size rule. */
  readonly eta?: { readonly max: NumberText; readonly includeMax?: boolean; readonly min?: NumberText } | { readonly rule: StepSizeRule };
  /**
   * ρ's range in units of 1/β (default: drawn from 10^-4 to 10); `min` raises the lower end, and
   * min = max pins ρ to one value (η likewise).
   */
  readonly rho?: { readonly max: NumberText; readonly includeMax?: boolean; readonly min?: NumberText };
  readonly rhoDecay?: RhoDecay;
  /** The horizons T drawn (a limit claim's base T, judged at T, 4T, 16T): min <= T <= max; min = max pins T. */
  readonly horizon?: { readonly min?: number; readonly max?: number };
  /** 'optimum': every case starts exactly at x* (the search keeps it there). */
  readonly start?: 'optimum';
  /**
   * Stochastic claims: only these noise models (gaussian, rademacher, student-t, discrete,
   * two-point, finite-sum, or models made by defineOracle, by kind or themselves).
   */
  readonly noise?: readonly (OracleKind | UserOracle | string)[];
  /** Named constants of the bound, overridable with samcheck run --constant. */
  readonly constants?: Readonly<Record<string, NumberText>>;
  /** Only members with β/μ at most this. */
  readonly maxCondition?: number;
  /** The search: runs (default 100), maxDim, maxSteps, paths, rhoExponents, shrinkEvaluations. */
  readonly budget?: SearchShape;
  /** What the tests assert: 'true' must hold, 'false' must be falsified, 'open' only reports. */
  readonly expected?: Expectation;
  readonly source?: string;
  /** The idea of its derivation, for the catalog (`samcheck catalog`). */
  readonly proof?: string;
  /** The claim in symbols, for tables and the catalog (default: measure <= formula; required for a claim written as code). */
  readonly notation?: string;
}

export type Conjecture = Card & { readonly expected: Expectation; readonly isConjecture: true };

/**
 * A theorem card stated the way a conjecture is (defineCard): the same fields, with the card's
 * kind, title and tightness note instead of a statement and an expectation, and optionally the
 * claim as the paper writes it (`notation`; the bound formula is what is computed). A violation
 * of a card is `violated`, of a conjecture `falsified`.
 */
export type CardSpec = Omit<ConjectureSpec, 'statement' | 'expected' | 'source'> & {
  readonly kind: 'lemma' | 'upper' | 'lower';
  readonly title: string;
  readonly source: string;
  readonly tightness: string;
  /** The claim in the paper's symbols, shown in tables and the catalog (default: measure <= formula). */
  readonly notation?: string;
  readonly constantRules?: Card['constantRules'];
};

/** What makes a claim a conjecture or a theorem card. */
interface Role {
  /** How its fields are named in messages: "conjecture ID" or "card ID". */
  readonly word: 'conjecture' | 'card';
  readonly fields: Pick<Card, 'kind' | 'title' | 'source' | 'tightness' | 'constantRules'> & { readonly expected?: Expectation; readonly isConjecture?: true };
  readonly notation?: string;
}

const VARIABLES = ['beta', 'mu', 'rho', 'eta', 'delta0', 'T'] as const;

export function isConjecture(value: unknown): value is Conjecture {
  return typeof value === 'object' && value !== null && (value as { isConjecture?: unknown }).isConjecture === true;
}

export function defineConjecture(spec: ConjectureSpec): Conjecture {
  const id = validId('conjecture', spec?.id);
  const statement = typeof spec.statement === 'string' && spec.statement.trim() !== '' ? spec.statement : invalid(`conjecture ${id}: statement`, spec.statement, 'must be a sentence');
  const expected = spec.expected ?? 'open';
  const fields = { kind: 'conjecture' as const, title: statement, source: spec.source ?? `conjecture ${id}`, tightness: `Conjecture (expected ${expected}).`, expected, isConjecture: true as const };
  return defineClaim(spec, { word: 'conjecture', fields, ...(spec.notation ? { notation: spec.notation } : {}) }) as Conjecture;
}

/** A theorem card (a lemma, an upper or a lower bound) written like a conjecture. */
export function defineCard(spec: CardSpec): Card {
  const id = validId('card', spec?.id);
  const text = (name: 'title' | 'source' | 'tightness') => (typeof spec[name] === 'string' && spec[name].trim() !== '' ? spec[name] : invalid(`card ${id}: ${name}`, spec[name], 'must be a sentence'));
  if (!['lemma', 'upper', 'lower'].includes(spec.kind)) invalid(`card ${id}: kind`, spec.kind, 'must be lemma, upper or lower');
  const fields = { kind: spec.kind, title: text('title'), source: text('source'), tightness: text('tightness'), ...(spec.constantRules ? { constantRules: spec.constantRules } : {}) };
  return defineClaim(spec, { word: 'card', fields, ...(spec.notation ? { notation: spec.notation } : {}) });
}

function validId(word: string, id: unknown): string {
  return typeof id === 'string' && /^[A-Za-z][A-Za-z0-9-]*$/.test(id) ? id : invalid(`${word} id`, id, 'must be letters, digits and -, starting with a letter');
}

function defineClaim(spec: Omit<ConjectureSpec, 'statement' | 'expected'>, role: Role): Card {
  const id = spec.id;
  const field = (name: string) => `${role.word} ${id}: ${name}`;
  const need = <V>(name: string, value: V | undefined, rule: string, ok: (v: V) => boolean): V => (value !== undefined && ok(value) ? value : invalid(field(name), value, rule));
  const cls = need('class', spec.class, 'must be smooth, convex or strongly-convex', (c) => ['smooth', 'convex', 'strongly-convex'].includes(c));
  const named = typeof spec.algorithm === 'object' && spec.algorithm !== null ? spec.algorithm.name : spec.algorithm;
  const method = findMethod(named);
  if (method === undefined || (typeof spec.algorithm === 'object' && method !== spec.algorithm)) {
    invalid(field('algorithm'), named, `must be one of ${methodNames().join(', ')}, or a method made by defineMethod`);
  }
  const algorithm: string = method.name;
  const stochastic = method.sampling !== undefined;
  const code = typeof spec.claim === 'object' && spec.claim !== null && ('step' in spec.claim || 'run' in spec.claim);
  const measure = code && spec.measure === undefined ? 'gap' : need('measure', spec.measure, `must be one of ${MEASURES.join(', ')}, or { name, at(B, { trajectory, f, t }) }`, (m) => isCustomMeasure(m) ? typeof m.name === 'string' && m.name !== '' : (MEASURES as readonly string[]).includes(m));
  const expectation = !isCustomMeasure(measure) && (EXPECTATION_MEASURES as readonly string[]).includes(measure) ? (measure as (typeof EXPECTATION_MEASURES)[number]) : undefined;
  const families = spec.families?.map((family) => {
    const name = typeof family === 'object' && family !== null ? family.name : family;
    const user = typeof name === 'string' ? userFamily(name) : undefined;
    if (!isBuiltinFamily(name) && user === undefined) invalid(field('families'), name, `must be among ${familyNames().join(', ')}, or a family made by defineFamily`);
    if (user !== undefined && !classContains(cls, user.class)) invalid(field('families'), name, `is a ${user.class} family, not in the ${role.word}'s class ${cls}`);
    return name;
  });
  if (families !== undefined && families.length === 0) invalid(field('families'), spec.families, 'must name at least one family (or be left out: every built-in family of the class)');
  if (spec.rhoDecay !== undefined && !(RHO_DECAYS as readonly string[]).includes(spec.rhoDecay)) invalid(field('rhoDecay'), spec.rhoDecay, `must be one of ${RHO_DECAYS.join(', ')}`);
  if (spec.eta !== undefined && 'rule' in spec.eta && !(STEP_SIZE_RULES as readonly string[]).includes(spec.eta.rule)) {
    invalid(field('eta.rule'), spec.eta.rule, `must be one of ${STEP_SIZE_RULES.join(', ')}`);
  }
  const constants = spec.constants ?? {};
  const horizon = spec.horizon;
  if (horizon !== undefined) {
    const whole = (name: 'min' | 'max') => {
      const value = horizon[name];
      if (value !== undefined && !(Number.isInteger(value) && value >= 1)) invalid(field(`horizon.${name}`), value, 'must be a whole number of steps >= 1');
    };
    if (typeof horizon !== 'object' || horizon === null) invalid(field('horizon'), horizon, 'must be { min?, max? } (whole numbers of steps)');
    whole('min');
    whole('max');
    if (horizon.min !== undefined && horizon.max !== undefined && horizon.min > horizon.max) invalid(field('horizon'), horizon, 'must have min <= max');
  }
  if (spec.start !== undefined && spec.start !== 'optimum') invalid(field('start'), spec.start, "must be 'optimum' (every case starts at x*), or absent");
  const noise = spec.noise === undefined ? undefined : (Array.isArray(spec.noise) ? spec.noise : []).map((n) => (typeof n === 'object' && n !== null ? n.kind : n));
  if (spec.noise !== undefined && noise !== undefined) {
    if (!stochastic) invalid(field('noise'), spec.noise, 'is for stochastic methods (n-sam, m-sam, sgd, or a method with sampling)');
    if (!Array.isArray(spec.noise) || noise.length === 0) invalid(field('noise'), spec.noise, `must be a non-empty list of ${oracleKinds().join(', ')}`);
    for (const kind of noise) if (!isBuiltinOracleKind(kind) && userOracle(String(kind)) === undefined) invalid(field('noise'), kind, `must be one of ${oracleKinds().join(', ')}, or a noise model made by defineOracle`);
    const onlyQuadratics = families !== undefined && families.every((f) => f === 'quadratic');
    if (noise.every((kind) => kind === 'finite-sum') && !onlyQuadratics) {
      invalid(field('noise'), spec.noise, "finite-sum noise needs quadratics: add families: ['quadratic']");
    }
  }
  const eta: Card['eta'] = spec.eta === undefined ? { max: '1', includeMax: true } : 'rule' in spec.eta ? spec.eta : { max: spec.eta.max, includeMax: spec.eta.includeMax ?? true, ...(spec.eta.min ? { min: spec.eta.min } : {}) };
  const fields = {
    id,
    ...role.fields,
    requires: cls,
    constants,
    ...(typeof spec.proof === 'string' && spec.proof.trim() !== '' ? { proof: spec.proof } : {}),
    eta,
    ...(families ? { families } : {}),
    ...(spec.maxCondition !== undefined ? { maxCondition: spec.maxCondition } : {}),
    ...(spec.rho ? { rho: { max: spec.rho.max, includeMax: spec.rho.includeMax ?? true, ...(spec.rho.min ? { min: spec.rho.min } : {}) } } : {}),
    ...(spec.rhoDecay ? { rhoDecay: spec.rhoDecay } : {}),
    ...(spec.budget ? { search: spec.budget } : {}),
    ...(horizon ? { horizon } : {}),
    ...(spec.start ? { start: spec.start } : {}),
    ...(noise ? { noise } : {}),
  };
  const measured = measureText(measure, stochastic);
  if (spec.claim === undefined || typeof spec.claim !== 'object' || spec.claim === null) return invalid(field('claim'), spec.claim, 'must be { bound: "formula" }, { limit: 0 }, { step(B, s, c) } or { run(B, r, c) }');
  if ('step' in spec.claim || 'run' in spec.claim) {
    const observe = 'step' in spec.claim ? spec.claim.step : spec.claim.run;
    if (typeof observe !== 'function') invalid(field('claim'), observe, 'must be a function over the backend');
    if (stochastic) invalid(field('claim'), 'code', 'a claim written as code is about a deterministic method (a stochastic claim is a bound formula)');
    if (role.notation === undefined) invalid(field('notation'), undefined, 'must say the claim in symbols: the code that computes it cannot');
    if ('step' in spec.claim) return { ...fields, algorithm, scope: 'step', claim: role.notation, observe: spec.claim.step } satisfies StepCard;
    return { ...fields, algorithm, scope: 'run', claim: role.notation, observe: spec.claim.run } satisfies RunCard;
  }
  if ('limit' in spec.claim) {
    if (expectation === undefined) invalid(field('measure'), measureName(measure), 'a limit claim is judged on gap or avgGradNormSq');
    const card: LimitCard = { ...fields, algorithm, scope: 'limit', measure: expectation, claim: role.notation ?? `${measured} -> 0 as T -> ∞` };
    return card;
  }
  const names = [...VARIABLES, ...(stochastic ? ['sigmaSq'] : ['gradNormSq0']), ...Object.keys(constants)];
  const bound = parseFormula(field('claim.bound'), spec.claim.bound, names);
  if (bound.names.has('mu') && cls !== 'strongly-convex') invalid(field('claim.bound'), spec.claim.bound, 'uses mu, which only a strongly-convex class has');
  const claim = role.notation ?? `${measured} <= ${bound.text}`;
  const formula = { formula: bound.text };
  if (stochastic) {
    if (expectation === undefined) invalid(field('measure'), measureName(measure), 'a stochastic claim is judged on gap or avgGradNormSq');
    const card: StochasticCard = {
      ...fields,
      algorithm,
      scope: 'stochastic',
      measure: expectation,
      claim,
      ...formula,
      requiresSmoothComponents: method.sampling === 'shared',
      bound: (B, q, t, c) => bound.evaluate(B, { ...c, beta: q.beta, rho: q.rho, eta: q.eta, delta0: q.delta0, sigmaSq: q.sigmaSq, T: B.fromNumber(t), ...(q.mu ? { mu: q.mu } : {}) }),
    };
    return card;
  }
  const card: RunCard = {
    ...fields,
    algorithm: algorithm as Algorithm,
    scope: 'run',
    claim,
    ...formula,
    observe(B, r, c) {
      const at: Observation<typeof r.delta0>[] = [];
      const values = { ...c, beta: r.beta, rho: r.rho, eta: r.eta, delta0: r.delta0, gradNormSq0: r.trajectory.gradNormSq[0]!, ...(r.mu ? { mu: r.mu } : {}) };
      for (let t = 1; t <= r.steps; t++) {
        at.push({ observed: measureOfRun(B, measure, r.trajectory, r.f, t), bound: bound.evaluate(B, { ...values, T: B.fromNumber(t) }), at: t });
      }
      return at;
    },
  };
  return card;
}

function measureName(measure: Measure): string {
  return isCustomMeasure(measure) ? measure.name : measure;
}

function invalid(field: string, value: unknown, rule: string): never {
  throw new InputError(field, value, rule);
}

