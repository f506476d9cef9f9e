/**
 * fast-check settings from the environment, so that any property run can be repeated or enlarged
 * without editing code:
 *   FC_SEED=<n>          the seed (fast-check prints it, with the path, when a property fails)
 *   FC_PATH=<path>       replay one shrunk counterexample (with FC_SEED)
 *   FC_NUM_RUNS=<n>      runs per property, instead of each property's own default budget
 */
import fc from 'fast-check';

function whole(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === '') return undefined;
  if (!/^-?\d+$/.test(text)) throw new Error(`${name} must be a whole number, not ${JSON.stringify(text)}`);
  return Number(text);
}

const seed = whole('FC_SEED');
const numRuns = whole('FC_NUM_RUNS');
const path = process.env.FC_PATH;
fc.configureGlobal({
  ...fc.readConfigureGlobal(),
  ...(seed === undefined ? {} : { seed }),
  ...(numRuns === undefined ? {} : { numRuns }),
  ...(path ? { path, endOnFailure: true } : {}),
});
