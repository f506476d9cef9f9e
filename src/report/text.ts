/**
 * Plain-text output: aligned tables, and numbers shown only to the digits known to be right.
 */
import { Decimal } from 'decimal.js';

const Exact = Decimal.clone({ precision: 2100, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -7, toExpPos: 21 });

/**
 * `text` rounded to `digits` significant digits. With no trustworthy digit the value's rounded
 * magnitude is shown with a trailing "?".
 */
export function showDigits(text: string, digits: number): string {
  const value = new Exact(text);
  if (value.isZero()) return digits > 0 ? '0' : '0?';
  return digits > 0 ? value.toSignificantDigits(digits).toString() : `${value.toSignificantDigits(1).toString()}?`;
}

/**
 * A ratio observed/bound for a table: near 1 as its distance from 1 ("1 − 6.3e-8"), so that a
 * near-equality does not read as an equality; exactly 1 as "1".
 */
export function showRatio(text: string): string {
  if (!/^[-+0-9.eE]+$/.test(text)) return text; // Infinity
  const distance = new Exact(text).minus(1);
  if (distance.isZero()) return '1';
  if (distance.abs().gte('1e-4')) return showDigits(text, 6);
  return `1 ${distance.isNegative() ? '−' : '+'} ${distance.abs().toSignificantDigits(2).toExponential()}`;
}

/**
 * An estimate with its interval [lo, hi] as "mean ± half-width": the half-width to 2 significant
 * digits and the mean to the same last decimal place, so that no digit the noise decides is shown.
 * A zero-width interval (every path agreed) shows the mean to `digits` significant digits.
 */
export function showEstimate(mean: string, lo: string, hi: string, digits: number): string {
  const half = new Exact(hi).minus(lo).div(2);
  if (half.isZero()) return showDigits(mean, digits);
  const rounded = half.toSignificantDigits(2, Decimal.ROUND_UP);
  const lastPlace = rounded.e - 1; // the exponent of the half-width's second digit
  const quantum = new Exact(10).pow(lastPlace);
  const m = new Exact(mean).div(quantum).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).times(quantum);
  const largest = Decimal.max(m.abs(), rounded).e;
  if (largest >= -4 && largest < 6) {
    const places = Math.max(0, -lastPlace);
    return `${m.toFixed(places)} ± ${rounded.toFixed(places)}`;
  }
  // Far from 1: a common power of ten, "(1.23 ± 0.05)e-7".
  const scale = new Exact(10).pow(largest);
  const places = Math.max(0, largest - lastPlace);
  return `(${m.div(scale).toFixed(places)} ± ${rounded.div(scale).toFixed(places)})e${largest}`;
}

export type Alignment = 'left' | 'right';

export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[], align?: readonly Alignment[]): string {
  const widths = headers.map((h, j) => Math.max(width(h), ...rows.map((r) => width(r[j] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, j) => (align?.[j] === 'left' ? pad(cell, widths[j]!, 'end') : pad(cell, widths[j]!, 'start')))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

// Characters, not UTF-16 units, so that ‖ and − line up.
function width(text: string): number {
  return [...text].length;
}

function pad(text: string, to: number, side: 'start' | 'end'): string {
  const fill = ' '.repeat(Math.max(0, to - width(text)));
  return side === 'start' ? fill + text : text + fill;
}

/**
 * At most `maxRows` step indices from 0..T for a table: the first steps, then roughly
 * logarithmically spaced ones, always including T. maxRows 0 means every step.
 */
export function tableSteps(T: number, maxRows: number): number[] {
  if (maxRows === 0 || T + 1 <= maxRows) return Array.from({ length: T + 1 }, (_, t) => t);
  const head = Math.min(10, Math.floor(maxRows / 2));
  const steps = new Set<number>(Array.from({ length: head }, (_, t) => t));
  const remaining = maxRows - head;
  const start = Math.max(head, 1);
  for (let i = 1; i <= remaining; i++) steps.add(Math.round(start * (T / start) ** (i / remaining)));
  steps.add(T);
  return [...steps].filter((t) => t <= T).sort((a, b) => a - b);
}
