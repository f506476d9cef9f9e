/**
 * `report/results.json`: the whole run as one tidy table, one row per case drawn (card, family,
 * parameters, ratio, level, seed), for a notebook:
 *
 *     import json, pandas as pd
 *     rows = pd.DataFrame(json.load(open('report/results.json'))['rows'])
 *
 * Every row is flat (no nesting), its columns the same for every card; a parameter a case does not
 * have is null. The page's scatters are drawn from the same rows.
 */
import type { CheckedCard } from '../check/check-all.js';
import { PARAMETER_TITLES, type CaseParameters, type CaseRow } from '../check/case-row.js';
import { formatJson } from './json.js';
import type { NotRun } from '../parallel/jobs.js';

export const RESULTS_FORMAT = 'samcheck-results';

/** A row of results.json: a case's row with its card and its place in the card's sampling. */
export type ResultRow = { readonly card: string; readonly index: number; readonly seed: number; readonly family: string; readonly corner: string | null } & CaseParameters & {
    readonly ratio: number | null;
    readonly lowerRatio: number | null;
    readonly level: string;
    readonly at: number;
  };

export function resultRows(checks: readonly CheckedCard[]): ResultRow[] {
  return checks.flatMap((c) => (c.rows ?? []).map((row, index) => resultRow(c, row, index)));
}

function resultRow(c: CheckedCard, row: CaseRow, index: number): ResultRow {
  // JSON has no NaN or Infinity: an undecidable ratio (NaN) is null, a divergence (Infinity) too,
  // with its level saying which.
  const finite = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? null : v);
  return {
    card: c.id,
    index,
    seed: c.seed,
    family: row.family,
    corner: row.corner ?? null,
    ...row.parameters,
    ratio: finite(row.ratio),
    lowerRatio: finite(row.lowerRatio),
    level: row.level,
    at: row.at,
  };
}

/** The file's text: what the run was, what each column means, and the rows, one per line (formatJson). */
export function resultsJson(
  run: { readonly seed: number; readonly runs?: number | null; readonly precision: number; readonly checks: readonly CheckedCard[]; readonly interrupted?: NotRun },
  command: string,
  generated: Date,
): string {
  return `${formatJson({
    format: RESULTS_FORMAT,
    version: 1,
    generated: generated.toISOString(),
    command,
    // An interrupted job's rows are those of the checks that finished; these did not.
    interrupted: run.interrupted ?? null,
    seed: run.seed,
    runs: run.runs ?? null,
    precision: run.precision,
    columns: {
      card: 'the card or conjecture ID (THEOREMS.md)',
      index: "the case's place in its card's sampling (0-based)",
      seed: "the card's fast-check seed: FC_SEED and the index find the case again",
      family: 'the function family',
      corner: 'the construction corner the case was drawn near, or null',
      ...Object.fromEntries(Object.entries(PARAMETER_TITLES).map(([k, title]) => [k, `${title} (null where the case has none)`])),
      ratio: 'observed/bound at the step or horizon `at` (stochastic: the mean over paths; null: no arithmetic could decide, or the run diverged)',
      lowerRatio: "stochastic cases: the one-sided lower confidence bound over the bound, the statistic the verdict uses; else null",
      level: 'how the case was decided: certified, verified, float, statistical or undecided',
      at: 'the step (lemmas) or horizon (runs) of the largest ratio',
    },
    rows: resultRows(run.checks),
  })}\n`;
}
