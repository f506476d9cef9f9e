/**
 * The power benchmark's claims whose truth is known (issue "Verdict power, measured and met"):
 * how often does `samcheck run` say the right thing? Each claim is checked as a user checks it
 * (a card with `--constant`, or a conjecture of one's own) and carries the evidence of its truth.
 *
 * False claims are generated from the catalog, by rules, each naming its witness:
 * - constant: a card's constant set to 0.9 × the largest fraction of it that a construction or a
 *   certified class-wide file reaches (a constant the card is allowed, L4's, divided instead);
 * - floor dropped: a card's floor constant set to 0 (every floor the paper proves unavoidable);
 * - measure: a bound with its constant at 0.9 × a fraction a construction reaches on every measure
 *   of its run (the last iterate, the minimum, the tail, the average), claimed of another measure;
 * - eta range: the same claim with η restricted to a part of the card's range where a witness lives;
 * - horizon: the same claim on long horizons only;
 * - noise: a stochastic card's constant variant with the noise restricted to its witness's model.
 * True claims: every card (the paper's theorems, proved in THEOREMS.md), the shipped conjectures
 * expected true, and classical results with exact constants from the literature.
 *
 * A false claim's witness, when it is one case of the suite's families, is stored with it and
 * checked by the tests to violate it (src/power/corpus.test.ts): the evidence is computed, not only
 * asserted.
 */
import type { CaseSpec } from '../algorithms/case.js';
import { defineConjecture, type ConjectureSpec } from '../conjectures/define.js';
import { normSq, sub } from '../arith/vector.js';
import { knownTightness } from '../constructions/tightness.js';
import { InputError } from '../errors.js';
import type { Card } from '../theorems/card.js';
import { allChecks, cardById } from '../theorems/catalog.js';
import type { Observation } from '../theorems/card.js';

export type Truth = 'true' | 'false';
export const SHAPES = ['card', 'conjecture', 'classical', 'constant', 'floor dropped', 'measure', 'eta range', 'horizon', 'noise'] as const;
export type Shape = (typeof SHAPES)[number];

export interface PowerClaim {
  /** Unique in the corpus, and a shell word: the base card and what was changed ("D-NC:c=0.9", "D-NC/gradNormSq:c=0.9"). */
  readonly id: string;
  readonly truth: Truth;
  readonly shape: Shape;
  /** The card or conjecture it is made from. */
  readonly base: string;
  /** Why its truth is known: the witness of a false claim, the proof or source of a true one. */
  readonly evidence: string;
  /** What is checked: the base card (with `constants`), or a conjecture made from it. */
  readonly card: Card;
  /** Constants given as `samcheck run ID --constant` gives them. */
  readonly constants?: Readonly<Record<string, string>>;
  /** For a false claim: one case of the suite's families that violates it. */
  readonly witness?: CaseSpec;
}

/** 0.9 of the largest fraction known to be reached: a false claim with 10% of room for its witness. */
const BELOW_WITNESS = 0.9;

/** The runs of the constructions, as cases (the witnesses of the variants they refute). */
// LB-D-NC-q: (β/2)x² with β = 2, η = 1/β, ρ = 0.1 from x0 = 7ρ: SAM jumps to −ρ and alternates on ±ρ.
const QUADRATIC_CYCLE: CaseSpec = { algorithm: 'sam', function: { family: 'quadratic', eigenvalues: ['2'] }, x0: ['0.7'], eta: { overBeta: '1' }, rho: '0.1', steps: 20 };
// The same from x0 = ρ, on the cycle from the start: ‖∇f(x_t)‖² = β²ρ² at every t, and Δ0 = βρ²/2.
const ON_THE_CYCLE: CaseSpec = { ...QUADRATIC_CYCLE, x0: ['0.1'] };
// LB-D-SC-step: from next to x* one step lands on the floor of L7 and D-SC.
const STEP_CYCLE: CaseSpec = { algorithm: 'sam', function: { family: 'quadratic', eigenvalues: ['1'] }, x0: ['1e-20'], eta: '0.01', rho: '1', steps: 40 };
// LB-S (K = 9, m = 0.8): E x_T -> ρm; at η = 0.002 the σ² terms of the bounds stay below the floor's share.
const TWO_POINT: CaseSpec = { algorithm: 'n-sam', function: { family: 'quadratic', eigenvalues: ['1'] }, oracle: { kind: 'two-point', K: '9', s: '2' }, x0: ['0'], eta: '0.002', rho: '0.5', steps: 6000, paths: 1000, seed: 1 };
// LB-S with K = 19 (m = 0.9): E f(x_T) − f* -> βρ²m²/2 = 0.405·β²ρ²/μ and E‖∇f‖² -> 0.81·β²ρ², far enough
// above 0.288 and 0.576 of them (the variants below) for a finite horizon, with a step small enough
// for the σ² terms (σ² = Ks² = 76) to leave room: ηβK << 1, and ημT = 8 or 20.
const TWO_POINT_K19_GAP: CaseSpec = { ...TWO_POINT, oracle: { kind: 'two-point', K: '19', s: '2' }, eta: '0.0002', steps: 40000, paths: 200 };
const TWO_POINT_K19: CaseSpec = { ...TWO_POINT, oracle: { kind: 'two-point', K: '19', s: '2' }, eta: '0.0005', steps: 40000, paths: 200 };
// LB-D-NC-c with s = 0.975ρ (β = 2, ρ = 0.3, a = β(2s − ρ) = 0.57): x̂ = 1 is a fixed point of SAM for every
// 0 < η <= 1/β, with |f'(x̂)|² = 0.9025·β²ρ², and Δ0 = a²/(2β).
const TRAP_AT_SMALL_STEP: CaseSpec = { algorithm: 'sam', function: { family: 'piecewise-quadratic', beta: '2', coordinates: [{ breakpoints: ['1', '1.2925'], slope: '0.57' }] }, x0: ['1'], eta: '0.125', rho: '0.3', steps: 100 };

/**
 * The largest fraction of a card's constant known to be reached, and by what: the constructions
 * (constructions/tightness.ts), or for the lemmas an equality case (a quadratic along a top or
 * bottom eigenvector; the store's certified class-wide files reach 0.99999 of each).
 */
export function bestKnownFraction(id: string): { fraction: number; by: string } | undefined {
  const equality: Record<string, string> = {
    L1: 'equality on a quadratic along its top eigenvector (δ = βρu)',
    L3: 'equality on a quadratic along its top eigenvector (‖δ‖² = βρa)',
    L4: 'equality on a quadratic along its bottom eigenvector (a = μρ)',
  };
  if (equality[id] !== undefined) return { fraction: 1, by: equality[id] };
  const known = knownTightness(id).map((k) => ({ fraction: k.constant, by: `${k.construction}${k.robust ? '' : ' (exact start)'}` }));
  return known.sort((a, b) => b.fraction - a.fraction)[0];
}

/** `value` × `factor`, as a short exact text. */
function scaled(value: string, factor: number): string {
  return String(Number((numberOf(value) * factor).toPrecision(6)));
}

/** A number text of the catalog (a decimal or a fraction p/q) as a number. */
function numberOf(text: string): number {
  const [p, q] = text.split('/');
  return q === undefined ? Number(p) : Number(p) / Number(q);
}

/** A conjecture made from `card`'s formula and class, for the variants that change more than a constant. */
function variant(card: Card, id: string, statement: string, changes: Partial<ConjectureSpec>, measure: NonNullable<ConjectureSpec['measure']>): Card {
  if (card.formula === undefined) throw new InputError('card', card.id, 'has no bound formula to make a variant of');
  return defineConjecture({
    id,
    statement,
    class: card.requires,
    algorithm: card.algorithm,
    ...(card.families ? { families: card.families } : {}),
    eta: 'rule' in card.eta ? card.eta : { max: card.eta.max, includeMax: card.eta.includeMax, ...(card.eta.min ? { min: card.eta.min } : {}) },
    measure,
    claim: { bound: card.formula },
    constants: card.constants,
    ...changes,
    expected: 'false',
  });
}

function falseClaims(): PowerClaim[] {
  const claims: PowerClaim[] = [];
  // Constant: 0.9 of the best fraction known, for every card with one.
  const constantOf: Record<string, { witness?: CaseSpec; allowed?: boolean }> = {
    L1: { witness: { algorithm: 'sam', function: { family: 'quadratic', eigenvalues: ['4', '1'] }, x0: ['1', '0'], eta: '0.1', rho: '0.3', steps: 1 } },
    L3: { witness: { algorithm: 'sam', function: { family: 'quadratic', eigenvalues: ['4', '1'] }, x0: ['1', '0'], eta: '0.1', rho: '0.3', steps: 1 } },
    L4: { allowed: true, witness: { algorithm: 'sam', function: { family: 'quadratic', eigenvalues: ['4', '1'] }, x0: ['0', '1'], eta: '0.1', rho: '0.3', steps: 1 } },
    L7: { witness: { ...STEP_CYCLE, steps: 1 } },
    'D-SC': { witness: STEP_CYCLE },
    'D-SC-rate': {},
    'D-C': { witness: QUADRATIC_CYCLE },
    'D-NC': { witness: QUADRATIC_CYCLE },
    'S-SC-n': { witness: TWO_POINT_K19_GAP },
    'S-NC-n': { witness: TWO_POINT_K19 },
  };
  for (const [id, { witness, allowed }] of Object.entries(constantOf)) {
    const card = cardById(id);
    const best = bestKnownFraction(id);
    if (best === undefined) continue;
    const [name, stated] = Object.entries(card.constants)[0]!;
    const value = allowed ? scaled(stated, 1 / (BELOW_WITNESS * best.fraction)) : scaled(stated, BELOW_WITNESS * best.fraction);
    claims.push({
      id: `${id}:${name}=${value}`,
      truth: 'false',
      shape: 'constant',
      base: id,
      evidence: `${best.by} reaches ${best.fraction.toPrecision(4)} of ${name} = ${stated}; ${name} = ${value} is ${allowed ? `above 1/0.9 of what it allows` : '0.9 of that'}`,
      card,
      constants: { [name]: value },
      ...(witness ? { witness } : {}),
    });
  }
  // Floor dropped: the floors the paper proves unavoidable, with the construction that shows it.
  const floors: Record<string, { witness: CaseSpec; by: string }> = {
    L7: { witness: { ...STEP_CYCLE, steps: 1 }, by: 'LB-D-SC-step: one step from near x* lands on the floor' },
    'D-SC': { witness: STEP_CYCLE, by: 'LB-D-SC-step: SAM stays on a 2-cycle above x*' },
    'D-C': { witness: QUADRATIC_CYCLE, by: "LB-D-NC-q: on (β/2)x² with η = 1/β SAM alternates on ±ρ, ‖∇f‖ = βρ at every step" },
    'D-NC': { witness: QUADRATIC_CYCLE, by: 'LB-D-NC-q, as for D-C' },
    'S-SC-n': { witness: TWO_POINT, by: 'LB-S: E x_T -> ρm with the two-point noise, E f(x_T) − f* >= βρ²m²/2 above the σ² term' },
    'S-NC-n': { witness: TWO_POINT, by: 'LB-S: E‖∇f‖² >= β²ρ²m² above the σ² term' },
  };
  for (const [id, { witness, by }] of Object.entries(floors)) {
    const card = cardById(id);
    const [name] = Object.keys(card.constants);
    claims.push({ id: `${id}:${name}=0`, truth: 'false', shape: 'floor dropped', base: id, evidence: by, card, constants: { [name!]: '0' }, witness });
  }
  // Measure, eta range, horizon: D-NC's and D-C's bound with c = 0.9, on the quadratic 2-cycle (LB-D-NC-q) where
  // every measure of the run is β²ρ² from the first step, and on LB-D-NC-a's trap, where it is (β/k)²sin²(kρ) for any η.
  for (const id of ['D-NC', 'D-C'] as const) {
    const card = cardById(id);
    for (const measure of ['gradNormSq', 'minGradNormSq', 'tailGradNormSq'] as const) {
      claims.push({
        id: `${id}/${measure}:c=0.9`,
        truth: 'false',
        shape: 'measure',
        base: id,
        evidence: 'LB-D-NC-q from x0 = ρ: on (β/2)x² with η = 1/β, ‖∇f(x_t)‖² = β²ρ² at every t, so every measure of the run is β²ρ², above 0.9β²ρ² + 2Δ0/(ηT) = (0.9 + 1/T)β²ρ² once T > 10',
        card: variant(card, `${id}-${measure}`, `${id}'s bound with c = 0.9, on ${measure}`, { constants: { c: '0.9' } }, measure),
        witness: ON_THE_CYCLE,
      });
    }
  }
  const dnc = cardById('D-NC');
  claims.push(
    {
      id: 'D-NC:c=0.9:eta=1/2..1',
      truth: 'false',
      shape: 'eta range',
      base: 'D-NC',
      evidence: "LB-D-NC-q from x0 = ρ at η = 1/β, the range's upper end",
      card: variant(dnc, 'D-NC-upper-eta', "D-NC's bound with c = 0.9, for 1/(2β) <= η <= 1/β", { constants: { c: '0.9' }, eta: { min: '1/2', max: '1' } }, 'avgGradNormSq'),
      witness: ON_THE_CYCLE,
    },
    {
      id: 'D-NC:c=0.8:eta=0..1/2',
      truth: 'false',
      shape: 'eta range',
      base: 'D-NC',
      evidence: 'LB-D-NC-c with s = 0.975ρ: x̂ is a fixed point of SAM for every η <= 1/β, with ‖∇f(x̂)‖² = 0.9025·β²ρ² (at βη = 1/4 the bound is (0.8 + 3.61/T)β²ρ²)',
      card: variant(dnc, 'D-NC-lower-eta', "D-NC's bound with c = 0.8, for 0 < η <= 1/(2β)", { constants: { c: '0.8' }, eta: { max: '1/2' } }, 'avgGradNormSq'),
      witness: TRAP_AT_SMALL_STEP,
    },
    {
      id: 'D-NC:c=0.9:T=100..400',
      truth: 'false',
      shape: 'horizon',
      base: 'D-NC',
      evidence: 'LB-D-NC-q from x0 = ρ, run to 100 steps and more',
      card: variant(dnc, 'D-NC-long', "D-NC's bound with c = 0.9, on horizons of 100 to 400 steps", { constants: { c: '0.9' }, horizon: { min: 100, max: 400 } }, 'avgGradNormSq'),
      witness: { ...ON_THE_CYCLE, steps: 100 } as CaseSpec,
    },
  );
  // Noise: the stochastic constant variants with the noise restricted to their witness's model.
  for (const [id, witness] of [['S-SC-n', TWO_POINT_K19_GAP], ['S-NC-n', TWO_POINT_K19]] as const) {
    const card = cardById(id);
    const best = bestKnownFraction(id)!;
    const value = scaled(card.constants.c!, BELOW_WITNESS * best.fraction);
    claims.push({
      id: `${id}:c=${value}:noise=two-point`,
      truth: 'false',
      shape: 'noise',
      base: id,
      evidence: `LB-S reaches ${best.fraction.toPrecision(4)} of c with the two-point noise`,
      card: variant(card, `${id}-two-point`, `${id}'s bound with c = ${value}, under two-point noise`, { constants: { c: value }, noise: ['two-point'] }, card.scope === 'stochastic' ? card.measure : 'gap'),
      witness,
    });
  }
  // The shipped conjectures expected false, each refuted by the construction or derivation its source names.
  for (const card of allChecks()) {
    if (card.kind !== 'conjecture' || (card as { expected?: string }).expected !== 'false') continue;
    claims.push({ id: card.id, truth: 'false', shape: 'conjecture', base: card.id, evidence: card.source, card });
  }
  return claims;
}

/** A run claim written as code: GD's tight rate on convex functions, in ‖x_0 − x*‖² (no formula variable has it). */
const droriTeboulle = defineConjecture({
  id: 'GD-C-tight',
  statement: 'GD with η = 1/β on a β-smooth convex function: f(x_T) − f* <= β‖x_0 − x*‖²/(4T + 2)',
  class: 'convex',
  algorithm: 'gd',
  eta: { min: '1', max: '1' },
  notation: 'f(x_T) − f* <= β‖x_0 − x*‖²/(4T + 2),  η = 1/β',
  claim: {
    run(B, r) {
      const xStar = r.f.certificate.xStar;
      if (xStar === undefined) return [];
      const distSq0 = normSq(B, sub(B, r.trajectory.iterates[0]!, xStar));
      const at: Observation<typeof distSq0>[] = [];
      for (let t = 1; t <= r.steps; t++) at.push({ observed: r.trajectory.gap[t]!, bound: B.div(B.mul(r.beta, distSq0), B.fromNumber(4 * t + 2)), at: t });
      return at;
    },
  },
  expected: 'true',
  source: 'Drori & Teboulle, Math. Program. 145 (2014), Thm 3.1 (tight: attained by a Huber-like function)',
});

function trueClaims(): PowerClaim[] {
  const claims: PowerClaim[] = [];
  for (const card of allChecks()) {
    if (card.kind === 'conjecture') {
      // Those expected false are false claims (falseClaims); the open ones have no known answer.
      if ((card as { expected?: string }).expected !== 'true') continue;
      claims.push({ id: card.id, truth: 'true', shape: 'conjecture', base: card.id, evidence: card.source, card });
    } else {
      claims.push({ id: card.id, truth: 'true', shape: 'card', base: card.id, evidence: `${card.source}; proof: ${card.proof ?? 'THEOREMS.md'}`, card });
    }
  }
  const classical: { card: Card; evidence: string }[] = [
    { card: droriTeboulle, evidence: droriTeboulle.source },
    {
      card: defineConjecture({
        id: 'GD-NC-descent',
        statement: 'GD with 0 < η <= 1/β on a β-smooth function: (1/T) Σ_{t<T} ‖∇f(x_t)‖² <= 2Δ0/(ηT)',
        class: 'smooth',
        algorithm: 'gd',
        measure: 'avgGradNormSq',
        claim: { bound: '2*delta0/(eta*T)' },
        expected: 'true',
        source: 'the descent lemma summed: Nesterov, Lectures on Convex Optimization (2018), (1.2.19)',
      }),
      evidence: 'the descent lemma f(x⁺) <= f(x) − η(1 − βη/2)‖∇f(x)‖², summed (Nesterov 2018, §1.2.3)',
    },
    {
      card: defineConjecture({
        id: 'GD-SC-contraction',
        statement: 'GD with 0 < η < 2/β on a β-smooth μ-strongly convex function contracts f − f* by max{(1 − ημ)², (1 − ηβ)²} per step',
        class: 'strongly-convex',
        algorithm: 'gd',
        eta: { max: '2', includeMax: false },
        measure: 'gap',
        claim: { bound: 'max((1 - eta*mu)^2, (1 - eta*beta)^2)^T * delta0' },
        expected: 'true',
        source: 'Taylor, Hendrickx & Glineur, Optim. Lett. 12 (2018), Thm 3.3 (tight: attained on quadratics)',
      }),
      evidence: 'one step is tight on F_{μ,β} (Taylor, Hendrickx & Glineur 2018); by induction at every T',
    },
  ];
  for (const { card, evidence } of classical) claims.push({ id: card.id, truth: 'true', shape: 'classical', base: card.id, evidence, card });
  return claims;
}

let corpus: PowerClaim[] | undefined;

/** Every claim of the benchmark, true then false (built once per thread, the same in every thread). */
export function powerCorpus(): readonly PowerClaim[] {
  corpus ??= [...trueClaims(), ...falseClaims()];
  return corpus;
}

export function powerClaim(id: string): PowerClaim {
  const claim = powerCorpus().find((c) => c.id === id);
  if (claim === undefined) throw new InputError('claim', id, `is not a claim of the power benchmark (${powerCorpus().map((c) => c.id).join('; ')})`);
  return claim;
}

/** The claims also run at ½× and 2× their default budget, to show how power grows with it: one of each false shape, and C3, a true limit claim (GD-C-tight left out: at 2× it alone would take a quarter of the benchmark's time). */
export const BUDGET_STUDY: readonly string[] = [
  'D-NC:c=0.9',
  'S-SC-n:c=0.288',
  'D-SC:c=0',
  'D-NC/gradNormSq:c=0.9',
  'D-NC:c=0.8:eta=0..1/2',
  'D-NC:c=0.9:T=100..400',
  'S-SC-n:c=0.288:noise=two-point',
  'C3',
];
