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

/** A whole number from the environment variable `name`, or undefined when it is not set. */
export function wholeFromEnvironment(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === '') return undefined;
  if (!/^-?\d+$/.test(text)) throw new Error(`${name} must be a whole number, not ${JSON.stringify(text)}`);
  return Number(text);
}

/**
 * The seed of this test file's run: FC_SEED, or one drawn afresh for the file. Every property of
 * the file and every suite that drives fast-check itself uses it, so the rerun line a failing test
 * prints (fast-check-setup.ts) replays it, whatever the test threw.
 */
export const FILE_SEED = wholeFromEnvironment('FC_SEED') ?? randomInt(0, 2 ** 31);

/** The file's seed (FC_SEED, or the one drawn for this run of the file). */
export function propertySeed(): number {
  return FILE_SEED;
}
