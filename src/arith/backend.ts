/**
 * One numeric interface for every computation in the suite (DESIGN.md, "One generic numeric
 * interface"). A backend is a dictionary of operations over its own value type: float64 values stay
 * plain numbers, decimal values are decimal.js instances of a constructor cloned for one precision.
 * Function families, algorithms and bounds are written once against this interface.
 *
 * Precision is a property of a backend object, never global state: two backends at different
 * precisions can be used side by side in one process.
 */
import type { VectorKernels } from './kernels.js';

export type BackendName = 'float64' | 'dd' | 'qd' | 'decimal' | 'interval' | 'interval64' | 'reverse';

export interface Backend<T> {
  readonly name: BackendName;
  /**
   * Significant decimal digits the backend carries. float64 carries 53 bits (about 15.95 digits)
   * and reports 16; its strings are the shortest ones that round-trip (up to 17 digits).
   */
  readonly precision: number;
  /** Relative rounding error of one operation (half an ulp): 2^-53 for float64, 5·10^-p for decimal. */
  readonly unitRoundoff: T;
  readonly zero: T;
  readonly one: T;
  readonly pi: T;

  /** Converts a JavaScript number through its shortest round-trip decimal string (0.1 -> 0.1). */
  fromNumber(x: number): T;
  /** Reads a decimal literal ("-1.25e-3"), rounded to the working precision. Throws on anything else. */
  fromString(text: string): T;
  /** Every digit the value holds (float64: the shortest round-trip string). */
  toString(a: T): string;
  toNumber(a: T): number;

  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  neg(a: T): T;
  abs(a: T): T;
  sqrt(a: T): T;
  exp(a: T): T;
  log(a: T): T;
  sin(a: T): T;
  cos(a: T): T;
  /** -1, 0 or 1. A certified (interval) backend may throw when the order cannot be decided. */
  cmp(a: T, b: T): -1 | 0 | 1;
  /** The larger and the smaller value; defined even where `cmp` cannot decide (intervals). */
  max(a: T, b: T): T;
  min(a: T, b: T): T;
  isFinite(a: T): boolean;
  /** The backend's own vector kernels (kernels.ts); vector.ts falls back to generic loops without them. */
  readonly vector?: VectorKernels<T>;
}

/** The syntax every backend accepts in fromString: an optionally signed decimal with an exponent. */
export const DECIMAL_LITERAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
