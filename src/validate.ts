/**
 * Checks shared by every public entry. Each throws an InputError that names the field, the value
 * and the rule (DESIGN.md, Conventions: Errors).
 */
import type { Backend } from './arith/backend.js';
import { parseNumber } from './arith/literal.js';
import { sign } from './arith/scalar.js';
import { InputError } from './errors.js';

export function wholeNumber(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InputError(field, value, `must be a whole number from ${min} to ${max}`);
  }
  return value;
}

/** Parses a number text and requires it to be > 0. */
export function positiveNumber<T>(B: Backend<T>, field: string, text: unknown): T {
  const value = parseNumber(B, field, text);
  if (sign(B, value) <= 0) throw new InputError(field, text, 'must be > 0');
  return value;
}

/** Parses a number text and requires it to be >= 0. */
export function nonNegativeNumber<T>(B: Backend<T>, field: string, text: unknown): T {
  const value = parseNumber(B, field, text);
  if (sign(B, value) < 0) throw new InputError(field, text, 'must be >= 0');
  return value;
}

export function requireLength(field: string, value: readonly unknown[], length: number, why: string): void {
  if (value.length !== length) {
    throw new InputError(field, value, `must have ${length} entries (${why}), not ${value.length}`);
  }
}
