/**
 * Choosing a backend by name and precision, as users and files do.
 */
import type { Backend, BackendName } from './backend.js';
import { decimalBackend, validatePrecision, MAX_DECIMAL_PRECISION } from './decimal.js';
import { float64 } from './float64.js';
import { DD_DIGITS, doubleDoubleBackend } from './double-double.js';
import { QD_DIGITS, quadDoubleBackend } from './quad-double.js';
import { InputError } from '../errors.js';

/**
 * The backends a run can be chosen to execute in (intervals are used by certification only):
 * decimal at any precision, float64, and the fixed-precision multi-word tiers dd (about 31 digits)
 * and qd (about 62).
 */
export const BACKEND_NAMES = ['decimal', 'float64', 'dd', 'qd'] as const satisfies readonly BackendName[];

export interface BackendChoice {
  readonly backend: (typeof BACKEND_NAMES)[number];
  /** Significant digits; used by the decimal backend only (float64, dd and qd have fixed ones). */
  readonly precision?: number;
}

export function validateBackendName(field: string, value: unknown): asserts value is BackendChoice['backend'] {
  if (typeof value !== 'string' || !(BACKEND_NAMES as readonly string[]).includes(value)) {
    throw new InputError(field, value, `must be one of ${BACKEND_NAMES.join(', ')}`);
  }
}

export function selectBackend(choice: BackendChoice): Backend<unknown> {
  validateBackendName('backend', choice.backend);
  if (choice.backend === 'float64') return float64 as Backend<unknown>;
  if (choice.backend === 'dd') return doubleDoubleBackend() as Backend<unknown>;
  if (choice.backend === 'qd') return quadDoubleBackend() as Backend<unknown>;
  validatePrecision(choice.precision);
  return decimalBackend(choice.precision) as Backend<unknown>;
}

/**
 * The higher precision at which to rerun a computation to measure the digits it lost: 2p for a
 * p-digit decimal run (capped at the maximum), 40 digits for float64; undefined when no higher
 * precision is available; for dd and qd, decimal at twice their digits.
 */
export function referencePrecision(choice: BackendChoice): number | undefined {
  if (choice.backend === 'float64') return 40;
  if (choice.backend !== 'decimal') return 2 * selectBackend(choice).precision;
  const p = choice.precision ?? 0;
  const reference = Math.min(2 * p, MAX_DECIMAL_PRECISION);
  return reference > p ? reference : undefined;
}

/** How a report names the arithmetic of a run ("decimal backend at 60 digits", "quad-double backend (62 digits)"). */
export function arithmeticText(choice: BackendChoice, precision: number): string {
  if (choice.backend === 'decimal') return `decimal backend at ${precision} digits`;
  if (choice.backend === 'dd') return `double-double backend (${precision} digits)`;
  if (choice.backend === 'qd') return `quad-double backend (${precision} digits)`;
  return 'float64 backend';
}

/**
 * The cheapest backend that carries at least `digits` significant digits: double-double up to 31,
 * quad-double up to 62, decimal.js above (issue "Fast arithmetic tiers", item 4). Where two
 * implementations must agree (the p/2p comparison of a verdict), the second opinion stays decimal.
 */
export function cheapestBackend(digits: number): Backend<unknown> {
  if (digits <= DD_DIGITS) return doubleDoubleBackend() as Backend<unknown>;
  if (digits <= QD_DIGITS) return quadDoubleBackend() as Backend<unknown>;
  return decimalBackend(digits) as Backend<unknown>;
}
