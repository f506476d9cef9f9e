/**
 * Counting what a computation costs, in a unit that does not depend on the machine: a backend that
 * computes like another one and adds up its operations, each weighted by what it costs in decimal
 * arithmetic relative to a multiplication (measured with decimal.js at 40 digits on this suite's
 * reference machine: add 1.0 µs, mul 1.3 µs, div 6.6 µs, sqrt 34 µs, exp/ln/sin/cos 170 to 200 µs;
 * at 80 digits the transcendental functions cost about three times as much again).
 *
 * Run in float64, it tells before a decimal verification starts how much work that verification
 * is, so that a check can refuse to let one case dominate it (src/check/verdict.ts) with a budget
 * that is a count, never a time.
 */
import type { Backend } from './backend.js';

/** The weight of each operation, in units of one decimal multiplication. */
export const OPERATION_WEIGHTS = {
  cheap: 1,
  div: 5,
  sqrt: 25,
  transcendental: 150,
} as const;

export interface CountingBackend<T> {
  readonly backend: Backend<T>;
  /** The weighted number of operations made so far. */
  units(): number;
}

/** `B` with every arithmetic operation counted (conversions and comparisons count as cheap). */
export function countingBackend<T>(B: Backend<T>): CountingBackend<T> {
  let units = 0;
  const counted =
    <A extends unknown[], R>(weight: number, op: (...args: A) => R) =>
    (...args: A): R => {
      units += weight;
      return op(...args);
    };
  const { cheap, div, sqrt, transcendental } = OPERATION_WEIGHTS;
  // Without the backend's vector kernels: their scalar operations would go uncounted.
  const { vector: _kernels, ...scalar } = B;
  const backend: Backend<T> = {
    ...scalar,
    add: counted(cheap, B.add),
    sub: counted(cheap, B.sub),
    mul: counted(cheap, B.mul),
    neg: counted(cheap, B.neg),
    abs: counted(cheap, B.abs),
    cmp: counted(cheap, B.cmp),
    max: counted(cheap, B.max),
    min: counted(cheap, B.min),
    div: counted(div, B.div),
    sqrt: counted(sqrt, B.sqrt),
    exp: counted(transcendental, B.exp),
    log: counted(transcendental, B.log),
    sin: counted(transcendental, B.sin),
    cos: counted(transcendental, B.cos),
  };
  return { backend: Object.freeze(backend), units: () => units };
}
