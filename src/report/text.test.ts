import { describe, expect, test } from 'vitest';
import { renderTable, showDigits, showEstimate, showRatio, tableSteps } from './text.js';

describe('numbers in tables', () => {
  test('showDigits rounds to the digits known, and marks a value with none', () => {
    expect(showDigits('0.123456789', 4)).toBe('0.1235');
    expect(showDigits('1.5e-70', 0)).toBe('2e-70?');
    expect(showDigits('0', 0)).toBe('0?');
  });

  test('a ratio near 1 shows its distance from 1', () => {
    expect(showRatio('1')).toBe('1');
    expect(showRatio('0.99999993658')).toBe('1 − 6.3e-8');
    expect(showRatio('1.0000002')).toBe('1 + 2e-7');
    expect(showRatio('0.5')).toBe('0.5');
    expect(showRatio('Infinity')).toBe('Infinity');
  });

  test('an estimate shows the digits its interval leaves undecided no further', () => {
    expect(showEstimate('0.402934', '0.387312', '0.418556', 6)).toBe('0.403 ± 0.016');
    expect(showEstimate('12.5', '2.5', '22.5', 6)).toBe('12 ± 10');
    expect(showEstimate('1234.5', '1034.5', '1434.5', 6)).toBe('1230 ± 200');
    expect(showEstimate('-0.25', '-0.25', '-0.25', 6)).toBe('-0.25');
    expect(showEstimate('1.2346e-7', '1.2e-7', '1.269e-7', 6)).toBe('(1.235 ± 0.035)e-7');
    expect(showEstimate('3e7', '2e7', '4e7', 6)).toBe('(3.0 ± 1.0)e7');
  });
});

describe('tables', () => {
  test('align columns by characters, not UTF-16 units', () => {
    expect(renderTable(['‖x‖', 'n'], [['−1', '10']], ['left', 'right'])).toBe('‖x‖   n\n---  --\n−1   10');
  });

  test('select at most the requested steps, always the first and the last', () => {
    expect(tableSteps(5, 40)).toEqual([0, 1, 2, 3, 4, 5]);
    const steps = tableSteps(1000, 20);
    expect(steps.length).toBeLessThanOrEqual(20);
    expect(steps[0]).toBe(0);
    expect(steps.at(-1)).toBe(1000);
  });
});
