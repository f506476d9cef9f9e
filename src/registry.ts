/**
 * The methods, families and noise models a user defines (defineMethod, defineFamily, defineOracle), by name, beside the
 * built-in ones. Kept on globalThis under a registered symbol, so that a user's file that imports
 * `samcheck` through another path (a TypeScript loader, a test runner's module graph) still adds
 * to the one registry the checks read.
 */
import { InputError } from './errors.js';

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

/** How a registry's entries are named in messages, and which names the built-in ones hold. */
export interface Naming {
  /** The field a name is given in, e.g. 'family name'. */
  readonly field: string;
  /** What an entry is, e.g. 'family', and what makes one, e.g. 'defineFamily'. */
  readonly noun: string;
  readonly definer: string;
  readonly isBuiltin: (name: string) => boolean;
}

/**
 * Adds a user's definition to `registry`: refused when its name is a built-in one's or another
 * definition's (the same definition loaded twice replaces itself, see Registry.add).
 */
export function registerNamed<V>(registry: Registry<V>, naming: Naming, name: string, value: V, fingerprint: string): void {
  if (naming.isBuiltin(name)) throw new InputError(naming.field, name, `is the name of a built-in ${naming.noun}: choose another`);
  if (registry.add(name, value, fingerprint) === 'taken') {
    throw new InputError(naming.field, name, `is already the name of another ${naming.noun} made by ${naming.definer} (two files define it)`);
  }
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
