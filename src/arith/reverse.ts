/**
 * Reverse-mode automatic differentiation over float64, as a Backend: every value remembers how it
 * was computed (a tape of operations, each with the partial derivatives of its result by its
 * operands), so that the gradient of one result by every input is one sweep back along the tape.
 *
 * Why a backend: the class-wide worst-case search (src/interpolation/) maximizes a card's ratio
 * over data that SAM's own equations turn into a trajectory. Written over Backend, the search
 * differentiates the very code that checks the card (its bound, its measure, the method's ascent
 * and step, the interpolation conditions), so nothing is written twice for the optimizer.
 *
 * Comparisons (cmp, max, min, abs) follow the values, as float64 would; the derivative of max and
 * min is that of the operand chosen, of abs that of ±a (a subgradient at 0). A tape is reused:
 * `reset` forgets every operation, and values from before a reset must not be used after it.
 */
import type { Backend } from './backend.js';
import { DECIMAL_LITERAL } from './backend.js';

/** A value on a tape: its float64 value and the index of the operation that made it (−1 for a constant). */
export interface Tracked {
  readonly value: number;
  readonly index: number;
}

export class Tape {
  private size = 0;
  private first = new Int32Array(1024);
  private second = new Int32Array(1024);
  private firstPartial = new Float64Array(1024);
  private secondPartial = new Float64Array(1024);

  /** How many operations (inputs included) the tape holds. */
  get length(): number {
    return this.size;
  }

  reset(): void {
    this.size = 0;
  }

  /** Forgets the operations recorded after the first `length` (values made since must not be used). */
  truncate(length: number): void {
    this.size = Math.min(this.size, length);
  }

  /** An input: a value whose derivative is asked for. */
  input(value: number): Tracked {
    return { value, index: this.record(-1, 0, -1, 0) };
  }

  /** A result depending on a (and b), with ∂result/∂a = da (and ∂result/∂b = db); a constant when neither is on the tape. */
  result(value: number, a: Tracked, da: number, b?: Tracked, db = 0): Tracked {
    const ia = a.index;
    const ib = b === undefined ? -1 : b.index;
    if (ia < 0 && ib < 0) return { value, index: -1 };
    return { value, index: this.record(ia, da, ib, db) };
  }

  /**
   * The gradient of `output` by the inputs, in the order they were made (inputs are the first
   * entries when they are made before anything else, as src/interpolation/ does: `inputs` of them).
   */
  gradient(output: Tracked, inputs: number): Float64Array {
    const adjoint = new Float64Array(this.size);
    if (output.index >= 0) adjoint[output.index] = 1;
    for (let k = output.index; k >= 0; k--) {
      const a = adjoint[k]!;
      if (a === 0) continue;
      const i = this.first[k]!;
      if (i >= 0) adjoint[i]! += a * this.firstPartial[k]!;
      const j = this.second[k]!;
      if (j >= 0) adjoint[j]! += a * this.secondPartial[k]!;
    }
    return adjoint.slice(0, inputs);
  }

  private record(i: number, di: number, j: number, dj: number): number {
    if (this.size === this.first.length) this.grow();
    const k = this.size++;
    this.first[k] = i;
    this.firstPartial[k] = di;
    this.second[k] = j;
    this.secondPartial[k] = dj;
    return k;
  }

  private grow(): void {
    const n = 2 * this.first.length;
    const copy = <A extends Int32Array | Float64Array>(a: A, make: (n: number) => A): A => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.first = copy(this.first, (m) => new Int32Array(m));
    this.second = copy(this.second, (m) => new Int32Array(m));
    this.firstPartial = copy(this.firstPartial, (m) => new Float64Array(m));
    this.secondPartial = copy(this.secondPartial, (m) => new Float64Array(m));
  }
}

const constant = (value: number): Tracked => ({ value, index: -1 });

const tapes = new WeakMap<object, Tape>();

/**
 * `work`'s result, with nothing it computed kept on B's tape when B records on one (a search done
 * in B whose intermediate values the derivative does not need, such as a bisection on constants):
 * only constants may leave `work`. Any other backend simply runs it.
 */
export function unrecorded<T, R>(B: Backend<T>, work: () => R): R {
  const tape = tapes.get(B);
  if (tape === undefined) return work();
  const mark = tape.length;
  try {
    return work();
  } finally {
    tape.truncate(mark);
  }
}

/** The backend recording on `tape`. */
export function reverseBackend(tape: Tape): Backend<Tracked> {
  const B = makeReverseBackend(tape);
  tapes.set(B, tape);
  return B;
}

function makeReverseBackend(tape: Tape): Backend<Tracked> {
  const compare = (a: Tracked, b: Tracked): -1 | 0 | 1 => {
    if (Number.isNaN(a.value) || Number.isNaN(b.value)) throw new RangeError('cannot compare NaN');
    return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  };
  return Object.freeze({
    name: 'reverse',
    precision: 16,
    unitRoundoff: constant(2 ** -53),
    zero: constant(0),
    one: constant(1),
    pi: constant(Math.PI),
    fromNumber: constant,
    fromString(text: string): Tracked {
      if (!DECIMAL_LITERAL.test(text)) throw new SyntaxError(`not a decimal literal: ${JSON.stringify(text)}`);
      return constant(Number(text));
    },
    toString: (a: Tracked) => (Object.is(a.value, -0) ? '0' : String(a.value)),
    toNumber: (a: Tracked) => a.value,
    add: (a: Tracked, b: Tracked) => tape.result(a.value + b.value, a, 1, b, 1),
    sub: (a: Tracked, b: Tracked) => tape.result(a.value - b.value, a, 1, b, -1),
    mul: (a: Tracked, b: Tracked) => tape.result(a.value * b.value, a, b.value, b, a.value),
    div(a: Tracked, b: Tracked) {
      const q = a.value / b.value;
      return tape.result(q, a, 1 / b.value, b, -q / b.value);
    },
    neg: (a: Tracked) => tape.result(-a.value, a, -1),
    abs: (a: Tracked) => (a.value < 0 ? tape.result(-a.value, a, -1) : a),
    sqrt(a: Tracked) {
      const r = Math.sqrt(a.value);
      return tape.result(r, a, 0.5 / r);
    },
    exp(a: Tracked) {
      const e = Math.exp(a.value);
      return tape.result(e, a, e);
    },
    log: (a: Tracked) => tape.result(Math.log(a.value), a, 1 / a.value),
    sin: (a: Tracked) => tape.result(Math.sin(a.value), a, Math.cos(a.value)),
    cos: (a: Tracked) => tape.result(Math.cos(a.value), a, -Math.sin(a.value)),
    cmp: compare,
    max: (a: Tracked, b: Tracked) => (compare(a, b) >= 0 ? a : b),
    min: (a: Tracked, b: Tracked) => (compare(a, b) <= 0 ? a : b),
    isFinite: (a: Tracked) => Number.isFinite(a.value),
  } satisfies Backend<Tracked>);
}
