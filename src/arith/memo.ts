/**
 * Values computed in a backend and kept for the next caller that asks for the same key in the same
 * backend: the orthogonal factor of a rotated quadratic and its Hessian Q·Λ·Qᵀ (d³ operations,
 * which in float64 took longer than a 100-step run of the function they define, and which
 * certification's attempts at one precision asked for again and again).
 *
 * Kept per backend object in a WeakMap, so a backend that is dropped takes its values with it (a
 * counting backend is made per count: its counts never see another call's cached work), and at
 * most `limit` keys per backend, the least recently asked for going first. A cached value is
 * shared by every caller: it must never be mutated (the callers' types say readonly).
 */
import type { Backend } from './backend.js';

export function backendMemo<V>(limit: number): <T>(B: Backend<T>, key: string, make: () => V) => V {
  const perBackend = new WeakMap<object, Map<string, V>>();
  return (B, key, make) => {
    let cache = perBackend.get(B);
    if (cache === undefined) perBackend.set(B, (cache = new Map()));
    const kept = cache.get(key);
    if (kept !== undefined) {
      // Asked for again: to the back of the queue (a Map iterates in insertion order).
      cache.delete(key);
      cache.set(key, kept);
      return kept;
    }
    const value = make();
    cache.set(key, value);
    if (cache.size > limit) cache.delete(cache.keys().next().value as string);
    return value;
  };
}
