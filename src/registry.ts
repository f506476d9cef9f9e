/**
 * The methods and families a user defines (defineMethod, defineFamily), by name, beside the
 * built-in ones. Kept on globalThis under a registered symbol, so that a user's file that imports
 * `samcheck` through another path (a TypeScript loader, a test runner's module graph) still adds
 * to the one registry the checks read.
 */
export interface Registry<V> {
  get(name: string): V | undefined;
  /**
   * Adds `value` under `name`. The same definition loaded twice (one file imported by two module
   * graphs, as a test runner does) has the same `fingerprint` and replaces the first; a different
   * definition under a taken name is 'taken', an error the caller words.
   */
  add(name: string, value: V, fingerprint: string): 'added' | 'same' | 'taken';
  names(): string[];
}

export function globalRegistry<V>(kind: string): Registry<V> {
  const key = Symbol.for(`samcheck.registry.${kind}`);
  const holder = globalThis as unknown as Record<symbol, Map<string, { value: V; fingerprint: string }> | undefined>;
  const map = (holder[key] ??= new Map());
  return {
    get: (name) => map.get(name)?.value,
    add(name, value, fingerprint) {
      const old = map.get(name);
      if (old !== undefined && old.fingerprint !== fingerprint) return 'taken';
      map.set(name, { value, fingerprint });
      return old === undefined ? 'added' : 'same';
    },
    names: () => [...map.keys()],
  };
}

/**
 * A definition's fingerprint: its data and the source text of its functions (BigInts as text,
 * an object met twice written once, so that any fast-check arbitrary can be part of it). Values a
 * closure captures are not in it: one name must name one definition.
 */
export function fingerprintOf(definition: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(definition, (_key, value: unknown) => {
    if (typeof value === 'function') return `fn:${value.toString()}`;
    if (typeof value === 'bigint') return `${value}n`;
    if (typeof value === 'object' && value !== null) {
      if (seen.has(value)) return '[seen]';
      seen.add(value);
    }
    return value;
  });
}
