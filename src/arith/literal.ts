/**
 * Exact numbers as text. Everything a user or a file gives (CLI options, function specs,
 * counterexample files) is kept as text and converted by the backend that runs it, so the same
 * instance means the same exact number at every precision.
 *
 * A number text is a decimal literal ("0.25", "-3e-4") or a fraction of two ("1/3", "2e-1/7").
 */
import { DECIMAL_LITERAL, type Backend } from './backend.js';
import { InputError } from '../errors.js';

export type NumberText = string;

const NUMBER_RULE = 'must be a finite number such as 0.25, -3e-4 or a fraction such as 1/3';

export function isNumberText(text: unknown): text is NumberText {
  if (typeof text !== 'string') return false;
  const parts = text.trim().split('/');
  return parts.length <= 2 && parts.every((p) => DECIMAL_LITERAL.test(p.trim()));
}

/** The value of a number text in backend B; an InputError names `field` when the text is malformed. */
export function parseNumber<T>(B: Backend<T>, field: string, text: unknown): T {
  if (!isNumberText(text)) throw new InputError(field, text, NUMBER_RULE);
  const [numerator, denominator] = text.trim().split('/').map((p) => p.trim()) as [string, string?];
  const p = B.fromString(numerator);
  if (denominator === undefined) return p;
  const q = B.fromString(denominator);
  if (B.cmp(q, B.zero) === 0) throw new InputError(field, text, 'the denominator of a fraction must not be 0');
  return B.div(p, q);
}

/** "1,2,3" -> three values. Entries are named field[1], field[2], ... in errors (1-based, as users count). */
export function parseList<T>(B: Backend<T>, field: string, text: unknown): T[] {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new InputError(field, text, 'must be a comma-separated list of numbers such as 1,-2.5,1/3');
  }
  return parseNumbers(B, field, text.split(','));
}

/** The values of a list of number texts; entry i is named field[i] in errors (1-based, as users count). */
export function parseNumbers<T>(B: Backend<T>, field: string, texts: readonly unknown[]): T[] {
  if (!Array.isArray(texts)) throw new InputError(field, texts, 'must be a list of numbers');
  return texts.map((text, i) => parseNumber(B, `${field}[${i + 1}]`, text));
}

/** Splits a list text into its entries, each checked to be a number text (for specs that keep text). */
export function splitNumberList(field: string, text: unknown): NumberText[] {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new InputError(field, text, 'must be a comma-separated list of numbers such as 1,-2.5,1/3');
  }
  return text.split(',').map((entry, i) => {
    const trimmed = entry.trim();
    if (!isNumberText(trimmed)) throw new InputError(`${field}[${i + 1}]`, entry, NUMBER_RULE);
    return trimmed;
  });
}

/** "2,1;1,3" -> rows of number texts; every row must have as many entries as there are rows. */
export function splitMatrixText(field: string, text: unknown): NumberText[][] {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new InputError(field, text, 'must be rows separated by ";" of comma-separated numbers, such as "2,1;1,3"');
  }
  const rows = text.split(';').map((row, i) => splitNumberList(`${field} row ${i + 1}`, row));
  rows.forEach((row, i) => {
    if (row.length !== rows.length) {
      throw new InputError(field, text, `must be square: row ${i + 1} has ${row.length} entries but there are ${rows.length} rows`);
    }
  });
  return rows;
}
