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
};
