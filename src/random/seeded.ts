/**
 * Reproducible randomness: a stream is named by a seed and any number of labels (for instance a
 * role and a path index), and the same name always yields the same numbers on every machine.
 *
 * The generator is pure-rand's xoroshiro128+, started from a state made by hashing the name with
 * the murmur3 finalizer (pure-rand's own seeding puts nearby seeds in nearly equal states, and
 * their first outputs are then nearly equal too).
 */
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { InputError } from '../errors.js';

export const MAX_SEED = 2 ** 32 - 1;

export interface RandomStream {
  /** Uniform on [0, 1), a multiple of 2^-53. */
  uniform(): number;
  /**
   * Standard normal (Box–Muller, one variate per pair of uniforms). Stored files name functions
   * by seed (a quadratic's rotationSeed, a logistic's data seed), so this sequence must never
   * change, not even to use the pair's second variate.
   */
  gaussian(): number;
  /** Uniform integer in [0, n). */
  integer(n: number): number;
}

export function validateSeed(field: string, seed: unknown): asserts seed is number {
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new InputError(field, seed, `must be a whole number from 0 to ${MAX_SEED}`);
  }
}

export function randomStream(seed: number, ...labels: number[]): RandomStream {
  validateSeed('seed', seed);
  return wrap(xoroshiro128plusFromState(initialState(seed, labels)));
}

function initialState(seed: number, labels: readonly number[]): number[] {
  let h = fmix32(seed ^ 0x5a17c0de);
  for (const label of labels) h = fmix32(h ^ fmix32((label + 0x9e3779b9) | 0));
  const state = [1, 2, 3, 4].map((i) => fmix32((h + Math.imul(i, 0x9e3779b9)) | 0));
  return state.every((w) => w === 0) ? [1, 0, 0, 0] : state;
}

/** The murmur3 32-bit finalizer: a bijection on 32-bit words with full avalanche. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

function wrap(rng: RandomGenerator): RandomStream {
  const uniform = () => uniformFloat64(rng);
  return {
    uniform,
    gaussian() {
      const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
      return radius * Math.cos(2 * Math.PI * uniform());
    },
    integer(n: number) {
      if (!Number.isInteger(n) || n < 1) throw new RangeError(`integer(n) needs a whole n >= 1, got ${n}`);
      return Math.floor(uniform() * n);
    },
  };
}
