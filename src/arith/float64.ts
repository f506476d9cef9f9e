/**
 * The float64 backend: plain JavaScript numbers, IEEE 754 binary64 with round-to-nearest.
 */
import { DECIMAL_LITERAL, type Backend } from './backend.js';
import { float64Kernels } from './kernels.js';

function compare(a: number, b: number): -1 | 0 | 1 {
  if (Number.isNaN(a) || Number.isNaN(b)) throw new RangeError('cannot compare NaN');
  return a < b ? -1 : a > b ? 1 : 0;
}

export const float64: Backend<number> = Object.freeze({
  name: 'float64',
  precision: 16,
  unitRoundoff: 2 ** -53,
  zero: 0,
  one: 1,
  pi: Math.PI,
  fromNumber: (x: number) => x,
  fromString(text: string): number {
    if (!DECIMAL_LITERAL.test(text)) throw new SyntaxError(`not a decimal literal: ${JSON.stringify(text)}`);
    return Number(text);
  },
  toString: (a: number) => (Object.is(a, -0) ? '0' : String(a)),
  toNumber: (a: number) => a,
  add: (a: number, b: number) => a + b,
  sub: (a: number, b: number) => a - b,
  mul: (a: number, b: number) => a * b,
  div: (a: number, b: number) => a / b,
  neg: (a: number) => -a,
  abs: Math.abs,
  sqrt: Math.sqrt,
  exp: Math.exp,
  log: Math.log,
  sin: Math.sin,
  cos: Math.cos,
  cmp: compare,
  max: Math.max,
  min: Math.min,
  isFinite: (a: number) => Number.isFinite(a),
  vector: float64Kernels,
} satisfies Backend<number>);
