/**
 * Would the deterministic cards notice a wrong SAM? Each broken variant is handed to the checks in
 * place of SAM (the cards evaluate whatever method they are given), and the test records which
 * cards catch it:
 * - ascent sign flipped (y = x − ρu),
 * - normalization dropped (y = x + ρ∇f(x), i.e. USAM),
 * - descent gradient taken at x instead of y (gradient descent in disguise).
 * Measured with 100 cases per card (seed 11): the flipped ascent is caught by L2, L3, L4, L7,
 * D-SC, D-SC-rate and D-C; the dropped normalization by L1, L3, L4, L7, D-SC, D-SC-rate, D-C and
 * D-NC; gradient descent in disguise only by L6, and by no bound card: the constructions
 * (LB-D-SC, LB-D-NC-b) must catch it.
 */
import { describe, expect, test } from 'vitest';
import { METHODS, type Method } from '../../src/algorithms/ascent.js';
import { axpy, unitVector } from '../../src/arith/vector.js';
import { checkCard } from '../../src/check/check-card.js';
import { DEFAULT_SHAPE } from '../../src/generators/cases.js';
import { cardById } from '../../src/theorems/catalog.js';
import { propertySeed } from '../budget.js';

const flippedAscent: Method = {
  ...METHODS.sam,
  name: 'sam with the ascent sign flipped',
  ascent(B, x, g, rho) {
    const u = unitVector(B, g);
    return u === undefined ? x : axpy(B, B.neg(rho), u, x);
  },
};
const unnormalized: Method = { ...METHODS.usam, name: 'sam without normalization' };
const descentAtX: Method = { ...METHODS.sam, name: 'sam descending along ∇f(x)', descentAt: 'current-point' };

const seed = propertySeed();
const shape = { ...DEFAULT_SHAPE, maxDim: 6, maxCondition: 1e4, maxSteps: 300 };

function catches(id: string, method: Method, runs: number): boolean {
  return checkCard(cardById(id), { runs, seed, precision: 30, method, shape, shrink: false }).status === 'violated';
}

describe('broken SAM variants against the deterministic cards', () => {
  test.each([
    [flippedAscent.name, flippedAscent, 'L2'],
    [unnormalized.name, unnormalized, 'L1'],
    [descentAtX.name, descentAtX, 'L6'],
  ])('%s is caught by a lemma (%s)', (_, method, id) => {
    expect(catches(id, method, 200), `seed ${seed}`).toBe(true);
  });

  test.each([
    [flippedAscent.name, flippedAscent, 'D-C'],
    [unnormalized.name, unnormalized, 'D-NC'],
  ])('%s is caught by a bound card (%s)', (_, method, id) => {
    expect(catches(id, method, 200), `seed ${seed}`).toBe(true);
  });

  test.each(['L5', 'L7', 'D-SC', 'D-C', 'D-NC'])(`${descentAtX.name} passes %s: it satisfies every bound SAM does`, (id) => {
    expect(catches(id, descentAtX, 60), `seed ${seed}`).toBe(false);
  });

  test('the real SAM passes the cards that catch the variants', () => {
    for (const id of ['L1', 'L2', 'L6', 'D-C', 'D-NC']) expect(catches(id, METHODS.sam, 60), `${id}, seed ${seed}`).toBe(false);
  });
});
