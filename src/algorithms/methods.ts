/**
 * Every method by name: the built-in deterministic ones (SAM, USAM, GD), the stochastic ones
 * (n-SAM, m-SAM, SGD) and those a user made with defineMethod. Specs, cards and counterexample
 * files name a method; this is where the name becomes the object.
 */
import { InputError } from '../errors.js';
import { fingerprintOf, globalRegistry, registerNamed } from '../registry.js';
import { METHODS, STOCHASTIC_METHODS, type Method } from './ascent.js';

const userMethods = globalRegistry<Method>('methods');

/** The method called `name`, or undefined. */
export function findMethod(name: unknown): Method | undefined {
  if (typeof name !== 'string') return undefined;
  if (Object.hasOwn(METHODS, name)) return (METHODS as Readonly<Record<string, Method>>)[name];
  return (Object.hasOwn(STOCHASTIC_METHODS, name) ? STOCHASTIC_METHODS[name] : undefined) ?? userMethods.get(name);
}

/** Every method name known now, deterministic ones first. */
export function methodNames(which: 'deterministic' | 'stochastic' | 'all' = 'all'): string[] {
  const all = [...Object.keys(METHODS), ...Object.keys(STOCHASTIC_METHODS), ...userMethods.names()];
  if (which === 'all') return all;
  return all.filter((name) => (findMethod(name)!.sampling !== undefined) === (which === 'stochastic'));
}

/** The method `value` names, of the kind asked for; an InputError naming `field` otherwise. */
export function methodOf(field: string, value: unknown, which: 'deterministic' | 'stochastic' | 'all' = 'all'): Method {
  const method = findMethod(value);
  if (method === undefined || (which !== 'all' && (method.sampling !== undefined) !== (which === 'stochastic'))) {
    const known = methodNames(which);
    const hint = typeof value === 'string' && method === undefined ? ' (a method made by defineMethod is known once the file defining it is loaded: pass its folder with --conjectures)' : '';
    throw new InputError(field, value, `must be one of ${known.join(', ')}${hint}`);
  }
  return method;
}

/** Adds a user's method (made from `definition`); its name must not be taken by another method. */
export function registerMethod(method: Method, definition: unknown): void {
  const isBuiltin = (name: string) => Object.hasOwn(METHODS, name) || Object.hasOwn(STOCHASTIC_METHODS, name);
  registerNamed(userMethods, { field: 'method id', noun: 'method', definer: 'defineMethod', isBuiltin }, method.name, method, fingerprintOf(definition));
}
