/**
 * The power benchmark's results, per claim and budget: how often a false claim was found false
 * (with a Wilson score interval, as ETNA and FuzzBench report rates over trials) and how much it
 * took, how often a true claim came out right, undecided, in error, or (a soundness bug) false.
 */
import type { PowerClaim, Shape, Truth } from './corpus.js';
import type { PowerRun } from './run.js';

export interface ClaimResult {
  readonly claim: string;
  readonly truth: Truth;
  readonly shape: Shape;
  readonly base: string;
  /** The class and method of the claim's card (what a verdict's citation matches on: src/power/cite.ts). */
  readonly class: string;
  readonly algorithm: string;
  readonly evidence: string;
  readonly factor: number;
  readonly runs: number;
  /** Runs that found the claim false (falsified, or violated for a card). */
  readonly refuted: number;
  /** The 95% Wilson score interval of the rate refuted/runs. */
  readonly interval: readonly [number, number];
  readonly inconclusive: number;
  /** Runs with cases judged only on the horizons their precision resolves (the rest of those horizons unjudged). */
  readonly partlyJudged: number;
  readonly errors: number;
  /** Over the runs that refuted it: the median cases drawn and search evaluations spent. */
  readonly medianCases: number | null;
  readonly medianEvaluations: number | null;
  /** The seeds whose run said the wrong thing (false: not refuted; true: refuted, inconclusive or in error). */
  readonly missedSeeds: readonly number[];
  readonly seconds: number;
}

export function isRefutation(status: PowerRun['status']): boolean {
  return status === 'falsified' || status === 'violated';
}

/** The 95% Wilson score interval of k successes in n trials. */
export function wilson(k: number, n: number, z = 1.959963984540054): [number, number] {
  if (n === 0) return [0, 1];
  const p = k / n;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The runs of each claim at each budget, in the corpus's order. */
export function summarize(claims: readonly PowerClaim[], runs: readonly PowerRun[]): ClaimResult[] {
  const results: ClaimResult[] = [];
  for (const claim of claims) {
    const factors = [...new Set(runs.filter((r) => r.claim === claim.id).map((r) => r.factor))].sort((a, b) => a - b);
    for (const factor of factors) {
      const own = runs.filter((r) => r.claim === claim.id && r.factor === factor);
      const refuting = own.filter((r) => isRefutation(r.status));
      const wrong = claim.truth === 'false' ? own.filter((r) => !isRefutation(r.status)) : own.filter((r) => r.status !== 'holds' && r.status !== 'no counterexample');
      results.push({
        claim: claim.id,
        truth: claim.truth,
        shape: claim.shape,
        base: claim.base,
        class: claim.card.requires,
        algorithm: claim.card.algorithm,
        evidence: claim.evidence,
        factor,
        runs: own.length,
        refuted: refuting.length,
        interval: wilson(refuting.length, own.length),
        inconclusive: own.filter((r) => r.status === 'inconclusive').length,
        // Runs recorded before the count existed have none.
        partlyJudged: own.filter((r) => (r.partlyJudged ?? 0) > 0).length,
        errors: own.filter((r) => r.status === 'error').length,
        medianCases: median(refuting.map((r) => r.cases)),
        medianEvaluations: median(refuting.map((r) => r.evaluations)),
        missedSeeds: wrong.map((r) => r.seed).sort((a, b) => a - b),
        seconds: Number(own.reduce((s, r) => s + r.seconds, 0).toFixed(1)),
      });
    }
  }
  return results;
}

/** Per shape and truth: the runs, and how many said the right thing. */
export function byShape(results: readonly ClaimResult[]): { shape: Shape; truth: Truth; claims: number; runs: number; right: number }[] {
  const rows = new Map<string, { shape: Shape; truth: Truth; claims: number; runs: number; right: number }>();
  for (const r of results) {
    const key = `${r.truth} ${r.shape}`;
    const row = rows.get(key) ?? { shape: r.shape, truth: r.truth, claims: 0, runs: 0, right: 0 };
    row.claims++;
    row.runs += r.runs;
    row.right += r.runs - r.missedSeeds.length;
    rows.set(key, row);
  }
  return [...rows.values()];
}

const percent = (x: number) => `${(100 * x).toFixed(x === 1 || x === 0 ? 0 : 1)}%`;

/** How a benchmark was run, and whether it was stopped before every run was made. */
export interface PowerAbout {
  readonly command: string;
  readonly seeds: string;
  readonly environment: string;
  readonly seconds: number;
  readonly interrupted?: { readonly runsNotMade: number; readonly of: number; readonly claims: readonly string[] };
}

/** The results as a markdown page: the summary by shape, then every claim. */
export function powerMarkdown(results: readonly ClaimResult[], about: PowerAbout): string {
  const lines = [
    '# Verdict power: how often samcheck is right on claims whose truth is known',
    '',
    ...(about.interrupted ? [`**Interrupted**: ${about.interrupted.runsNotMade} of ${about.interrupted.of} runs were not made (${about.interrupted.claims.join(', ')}); the rates below are over the runs made.`, ''] : []),
    `Generated by \`${about.command}\` (${about.seeds}; ${about.environment}; ${Math.round(about.seconds)} s of checks).`,
    'Each claim is checked as `samcheck run` checks it, at its default budget (1×) and, for some, at ½× and 2×; each run draws',
    "from its own seed. A false claim should be found false on every seed; a true claim should never be (that would be",
    'a soundness bug), and should rarely stay `inconclusive`. Intervals are 95% Wilson score intervals. The claims and',
    'their evidence are in `src/power/corpus.ts`; the tests check that every false claim\'s witness violates it.',
    '"Partly judged" counts runs with cases judged only on the horizons their precision resolves: past them a bound (a',
    'geometric rate of 10^-300, say) is below the measure\'s rounding noise at that precision, and the run says so with',
    'the digits that would judge them (`src/check/resolution.ts`).',
    '',
    '## By shape',
    '',
    '| truth | shape | claims | runs | right | rate |',
    '|---|---|---:|---:|---:|---:|',
    ...byShape(results).map((s) => `| ${s.truth} | ${s.shape} | ${s.claims} | ${s.runs} | ${s.right} | ${percent(s.right / s.runs)} |`),
    '',
    '## False claims: found false',
    '',
    '| claim | shape | budget | found | 95% interval | median cases | median evaluations | missed seeds | witness |',
    '|---|---|---:|---:|---|---:|---:|---|---|',
    ...results
      .filter((r) => r.truth === 'false')
      .map((r) => `| \`${r.claim}\` | ${r.shape} | ${r.factor}× | ${r.refuted}/${r.runs} | [${percent(r.interval[0])}, ${percent(r.interval[1])}] | ${r.medianCases ?? '-'} | ${r.medianEvaluations ?? '-'} | ${seedsText(r.missedSeeds)} | ${escape(r.evidence)} |`),
    '',
    '## True claims: never found false, rarely undecided',
    '',
    '| claim | shape | budget | runs | no counterexample or holds | partly judged | inconclusive | error | found false | source |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...results
      .filter((r) => r.truth === 'true')
      .map((r) => `| \`${r.claim}\` | ${r.shape} | ${r.factor}× | ${r.runs} | ${r.runs - r.refuted - r.inconclusive - r.errors} | ${r.partlyJudged} | ${r.inconclusive} | ${r.errors} | ${r.refuted} | ${escape(r.evidence)} |`),
    '',
  ];
  return lines.join('\n');
}

function seedsText(seeds: readonly number[]): string {
  if (seeds.length === 0) return '-';
  return seeds.length <= 6 ? seeds.join(', ') : `${seeds.slice(0, 6).join(', ')} and ${seeds.length - 6} more`;
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|');
}
