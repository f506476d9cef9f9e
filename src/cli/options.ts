/**
 * Reading option texts, and naming options in the errors of the library underneath.
 */
import { InputError } from '../errors.js';
import { MAX_SHARDS, type Shard } from '../job/shard.js';

/** A whole-number option such as --steps: digits only, within [min, max]. */
export function wholeOption(option: string, text: string | undefined, min: number, max: number): number {
  const rule = `must be a whole number from ${min} to ${max}`;
  if (text === undefined || !/^\s*\d+\s*$/.test(text)) throw new InputError(option, text, rule);
  const value = Number(text);
  if (value < min || value > max) throw new InputError(option, text, rule);
  return value;
}

/** --shard i/n: shard i of n (src/job/shard.ts), two whole numbers with 1 <= i <= n <= MAX_SHARDS. */
export function shardOption(text: string): Shard {
  const rule = `must be i/n, shard i of n, with whole numbers 1 <= i <= n <= ${MAX_SHARDS} (e.g. 1/2)`;
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!(match && index >= 1 && index <= count && count <= MAX_SHARDS)) throw new InputError('--shard', text, rule);
  return { index, count };
}

export function requireOption<V>(option: string, value: V | undefined, why = 'is required'): V {
  if (value === undefined) throw new InputError(option, undefined, why);
  return value;
}

export function oneOf<V extends string>(option: string, text: string, choices: readonly V[]): V {
  if (!(choices as readonly string[]).includes(text)) throw new InputError(option, text, `must be one of ${choices.join(', ')}`);
  return text as V;
}

/**
 * Re-labels an InputError from the library with the option a user typed: a field such as
 * "eigenvalues[2]" becomes "--eigenvalues[2]". `aliases` maps library field prefixes to options.
 */
export function asOptionError(error: InputError, aliases: Readonly<Record<string, string>>): InputError {
  const prefix = Object.keys(aliases)
    .filter((field) => error.field === field || error.field.startsWith(`${field}[`) || error.field.startsWith(`${field} `))
    .sort((a, b) => b.length - a.length)[0];
  if (prefix === undefined) return error;
  return new InputError(aliases[prefix] + error.field.slice(prefix.length), error.value, error.rule);
}
