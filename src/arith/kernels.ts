/**
 * Vector kernels a backend may supply (issue "Fast arithmetic tiers", item 3). The generic vector
 * functions of vector.ts call the backend's dictionary once per scalar operation; shared by every
 * backend, those call sites see many value types and V8 cannot inline them. A backend's own
 * kernels are closures over its own operations, so each call site sees one type: float64's are
 * plain loops over number arrays (which V8 stores as unboxed doubles), the multi-word backends'
 * call their word arithmetic directly. Families and algorithms never see the difference: they call
 * vector.ts, which uses a backend's kernels when it has them.
 */
import type { Mat, Vec } from './vector.js';

export interface VectorKernels<T> {
  dot(x: Vec<T>, y: Vec<T>): T;
  add(x: Vec<T>, y: Vec<T>): T[];
  sub(x: Vec<T>, y: Vec<T>): T[];
  scale(a: T, x: Vec<T>): T[];
  /** a·x + y */
  axpy(a: T, x: Vec<T>, y: Vec<T>): T[];
  matVec(A: Mat<T>, x: Vec<T>): T[];
  /** x/‖x‖ as vector.ts's unitVector computes it (the same operations in the same order), or undefined when x = 0. */
  unitVector?(x: Vec<T>): T[] | undefined;
  allFinite?(x: Vec<T>): boolean;
}

/** Kernels written over a backend's own add and mul (one closure set per backend). */
export function kernelsOver<T>(zero: T, add: (a: T, b: T) => T, sub: (a: T, b: T) => T, mul: (a: T, b: T) => T): VectorKernels<T> {
  const dot = (x: Vec<T>, y: Vec<T>): T => {
    let s = zero;
    for (let i = 0; i < x.length; i++) s = add(s, mul(x[i]!, y[i]!));
    return s;
  };
  const map2 = (x: Vec<T>, y: Vec<T>, op: (a: T, b: T) => T): T[] => {
    const out = new Array<T>(x.length);
    for (let i = 0; i < x.length; i++) out[i] = op(x[i]!, y[i]!);
    return out;
  };
  return {
    dot,
    add: (x, y) => map2(x, y, add),
    sub: (x, y) => map2(x, y, sub),
    scale(a, x) {
      const out = new Array<T>(x.length);
      for (let i = 0; i < x.length; i++) out[i] = mul(a, x[i]!);
      return out;
    },
    axpy(a, x, y) {
      const out = new Array<T>(x.length);
      for (let i = 0; i < x.length; i++) out[i] = add(mul(a, x[i]!), y[i]!);
      return out;
    },
    matVec(A, x) {
      const out = new Array<T>(A.length);
      for (let i = 0; i < A.length; i++) out[i] = dot(A[i]!, x);
      return out;
    },
  };
}

/** float64's kernels: the loops with the arithmetic inline. */
export const float64Kernels: VectorKernels<number> = {
  dot(x, y) {
    let s = 0;
    for (let i = 0; i < x.length; i++) s += x[i]! * y[i]!;
    return s;
  },
  add(x, y) {
    const out = new Array<number>(x.length);
    for (let i = 0; i < x.length; i++) out[i] = x[i]! + y[i]!;
    return out;
  },
  sub(x, y) {
    const out = new Array<number>(x.length);
    for (let i = 0; i < x.length; i++) out[i] = x[i]! - y[i]!;
    return out;
  },
  scale(a, x) {
    const out = new Array<number>(x.length);
    for (let i = 0; i < x.length; i++) out[i] = a * x[i]!;
    return out;
  },
  axpy(a, x, y) {
    const out = new Array<number>(x.length);
    for (let i = 0; i < x.length; i++) out[i] = a * x[i]! + y[i]!;
    return out;
  },
  matVec(A, x) {
    const out = new Array<number>(A.length);
    for (let i = 0; i < A.length; i++) {
      const row = A[i]!;
      let s = 0;
      for (let j = 0; j < x.length; j++) s += row[j]! * x[j]!;
      out[i] = s;
    }
    return out;
  },
  // SAM's ascent direction: a quarter of a float64 step when it went through the dictionary.
  unitVector(x) {
    let j = 0;
    let largest = Math.abs(x[0]!);
    for (let i = 1; i < x.length; i++) {
      const a = Math.abs(x[i]!);
      if (a > largest) {
        largest = a;
        j = i;
      } else if (Number.isNaN(a)) largest = a;
    }
    // As the backend's cmp: no order, no direction.
    if (Number.isNaN(largest)) throw new RangeError('cannot compare NaN');
    if (largest === 0) return undefined;
    const pivot = x[j]!;
    const scaled = new Array<number>(x.length);
    let sumSq = 0;
    for (let i = 0; i < x.length; i++) {
      const si = i === j ? (pivot > 0 ? 1 : -1) : x[i]! / largest;
      scaled[i] = si;
      sumSq += si * si;
    }
    const length = Math.sqrt(sumSq);
    for (let i = 0; i < x.length; i++) scaled[i] = scaled[i]! / length;
    return scaled;
  },
  allFinite(x) {
    for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i]!)) return false;
    return true;
  },
};
