/**
 * What a card is checked on: a deterministic run or a stochastic one (with an oracle and paths).
 */
import type { RunSpec } from './run-spec.js';
import type { StochasticRunSpec } from './stochastic.js';

export type CaseSpec = RunSpec | StochasticRunSpec;

export function isStochasticSpec(spec: CaseSpec): spec is StochasticRunSpec {
  return 'oracle' in spec;
}
