/**
 * Choosing a backend by name and precision, as users and files do.
 */
import type { Backend, BackendName } from './backend.js';
import { decimalBackend, validatePrecision, MAX_DECIMAL_PRECISION } from './decimal.js';
import { float64 } from './float64.js';
import { InputError } from '../errors.js';

/** The backends a run can be chosen to execute in (intervals are used by certification only). */
export const BACKEND_NAMES = ['decimal', 'float64'] as const satisfies readonly BackendName[];

export interface BackendChoice {
  readonly backend: (typeof BACKEND_NAMES)[number];
  /** Significant digits; used by the decimal backend only. */
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
  validatePrecision(choice.precision);
  return decimalBackend(choice.precision) as Backend<unknown>;
}

/**
 * The higher precision at which to rerun a computation to measure the digits it lost: 2p for a
 * p-digit decimal run (capped at the maximum), 40 digits for float64; undefined when no higher
 * precision is available.
 */
export function referencePrecision(choice: BackendChoice): number | undefined {
  if (choice.backend === 'float64') return 40;
  const p = choice.precision ?? 0;
  const reference = Math.min(2 * p, MAX_DECIMAL_PRECISION);
  return reference > p ? reference : undefined;
}
