/**
 * Budgets and seeds of the property suites, from the environment (see fast-check-setup.ts):
 * FC_NUM_RUNS replaces each property's default number of runs, FC_SEED fixes the seed.
 */
import { randomInt } from 'node:crypto';
import type fc from 'fast-check';

export function budget<Ts>(defaultRuns: number): fc.Parameters<Ts> {
  return process.env.FC_NUM_RUNS ? {} : { numRuns: defaultRuns };
}

/** The number of cases for suites that drive fast-check themselves (the card checker). */
export function propertyRuns(defaultRuns: number): number {
  return process.env.FC_NUM_RUNS ? Number(process.env.FC_NUM_RUNS) : defaultRuns;
}

/** FC_SEED, or a fresh seed for this test run (printed by the suites that fail). */
export function propertySeed(): number {
  return process.env.FC_SEED ? Number(process.env.FC_SEED) : randomInt(0, 2 ** 31);
}
