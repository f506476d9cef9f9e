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
  ) {
    super(`invalid ${field} = ${showValue(value)}: ${rule}`);
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
