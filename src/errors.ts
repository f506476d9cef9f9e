/**
 * Errors a user can cause and errors the numbers can cause, kept apart so that the CLI can turn
 * the first kind into a one-line message with exit code 2 and never show a stack trace for them.
 */

/** Bad input: names the field, the value it was given and the rule the value breaks. */
export class InputError extends Error {
  constructor(
    readonly field: string,
    readonly value: unknown,
    readonly rule: string,
    /** The whole message, where the usual "invalid FIELD = VALUE: RULE" reads badly. */
    message?: string,
  ) {
    super(message ?? `invalid ${field} = ${showValue(value)}: ${rule}`);
    this.name = 'InputError';
  }
}

/** A computation that could not be carried out in the chosen arithmetic (overflow, NaN, ...). */
export class NumericalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NumericalError';
  }
}

/**
 * A run that left the range of its arithmetic: names the quantity that overflowed and where, so
 * that a diverging run reads as what it is (not as a bad option).
 */
export class OverflowError extends NumericalError {
  constructor(
    /** What overflowed, e.g. "the iterate x_13". */
    readonly quantity: string,
    /** The step at which it did. */
    readonly step: number,
    readonly backend: string,
    readonly context: string,
    /** Where, when the run was one of several: the path of a stochastic run, and the horizon of the run (a limit claim runs to T, 4T and 16T). */
    readonly where: { readonly path?: number; readonly horizon?: number } = {},
  ) {
    super(`${quantity}${where.path === undefined ? '' : ` of path ${where.path}`} overflowed the ${backend} range: the run diverges (${context})${backend === 'float64' ? '; the decimal backend holds far larger numbers' : ''}`);
    this.name = 'OverflowError';
  }

  get path(): number | undefined {
    return this.where.path;
  }

  /** The same overflow, said to have happened on path `path`, or in the run to `horizon`. */
  at(where: { readonly path?: number; readonly horizon?: number }): OverflowError {
    return new OverflowError(this.quantity, this.step, this.backend, this.context, { ...this.where, ...where });
  }
}

function showValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return '(missing)';
  try {
    const text = JSON.stringify(value);
    if (text === undefined) return String(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return String(value);
  }
}
