/**
 * Each property's default number of runs, unless FC_NUM_RUNS asks for another (see fast-check-setup.ts).
 */
import type fc from 'fast-check';

export function budget<Ts>(defaultRuns: number): fc.Parameters<Ts> {
  return process.env.FC_NUM_RUNS ? {} : { numRuns: defaultRuns };
}
