/**
 * Conjecture verdicts a researcher can trust (issue items 1, 2, 5, 6): the constructions' corners
 * are among every generator's cases, a targeted search follows the sampling, and a conjecture that
 * survives says how much searching stands behind it. The false conjecture below is of the shape
 * that was reported to survive 1,000 cases of sampling: its counterexample needs LB-S's regime
 * (asymmetric two-point noise, a start at x*, a small η, a long horizon).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { isStochasticSpec } from '../algorithms/case.js';
import { float64 } from '../arith/float64.js';
import { parseNumber } from '../arith/literal.js';
import { runCli } from '../cli/program.js';
import { memoryIO } from '../cli/io.js';
import { defineConjecture } from '../conjectures/define.js';
import { buildFunction } from '../functions/index.js';
import { arbTaggedCase, CORNER_SHARE } from '../generators/card-cases.js';
import { cyclePoint, DEFAULT_SHAPE } from '../generators/cases.js';
import type { StochasticRunSpec } from '../algorithms/stochastic.js';
import { CARDS, cardById } from '../theorems/catalog.js';
import { C4 } from '../conjectures/c4.js';
import { admissibilityProblem } from './admissible.js';
import { checkCard } from './check-card.js';
import { replayFile } from './replay.js';
import { floatRatio } from './verdict.js';
import { survivalText } from '../report/verdicts.js';

const folder = mkdtempSync(join(tmpdir(), 'samcheck-search-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('a false stochastic conjecture that needs the LB-S regime, from a file in a temporary folder', () => {
  const conjectures = join(folder, 'conjectures');
  const define = fileURLToPath(new URL('../conjectures/define.ts', import.meta.url));
  mkdirSync(conjectures);
  writeFileSync(
    join(conjectures, 'n-sam-floor.mjs'),
    `import { defineConjecture } from ${JSON.stringify(define)};
// False: LB-S keeps E f(x_T) − f* near βρ²m²/2 however small η is, and this floor vanishes with η.
export default defineConjecture({
  id: 'NSAM-ETA-FLOOR',
  statement: 'n-SAM comes within O(η) of the optimum: E f(x_T) − f* <= (1 − ημ)^T Δ0 + η(βσ² + β³ρ²)/μ',
  class: 'strongly-convex',
  families: ['quadratic'],
  algorithm: 'n-sam',
  measure: 'gap',
  claim: { bound: '(1 - eta*mu)^T * delta0 + eta*(beta*sigmaSq + beta^3*rho^2)/mu' },
  expected: 'false',
});
`,
  );

  test.each([1, 2, 3, 4, 5])('seed %i: samcheck run falsifies it with the default budget, and the saved file replays', async (seed) => {
    const io = memoryIO();
    const found = join(folder, `found-${seed}`);
    const code = await runCli(['run', 'NSAM-ETA-FLOOR', '--conjectures', conjectures, '--seed', String(seed), '--save-to', found, '--json'], io);
    expect(code, io.stderr()).toBe(0); // a falsified conjecture is a finding, not a failure
    const [card] = JSON.parse(io.stdout()).cards;
    expect(card.status).toBe('falsified');
    expect(card.counterexample.level).toBe('statistical');
    const replay = replayFile(card.counterexample.file);
    expect(replay.error).toBeUndefined();
    expect(replay.reproduced).toBe(true);
  });
});

test('the replay command a finding of a conjecture from a folder prints names the folder, and runs as printed', async () => {
  const conjectures = join(folder, 'conjectures');
  const io = memoryIO();
  await runCli(['run', 'NSAM-ETA-FLOOR', '--conjectures', conjectures, '--seed', '1', '--save-to', join(folder, 'found-table')], io);
  const command = /^ {2}replay: npx samcheck (replay .+)$/m.exec(io.stdout())?.[1];
  expect(command).toMatch(new RegExp(`--conjectures ${conjectures.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  const replay = memoryIO();
  expect(await runCli(command!.split(' '), replay), replay.stderr()).toBe(0);
  expect(replay.stdout()).toMatch(/reproduced \(statistical\)/);
});

describe('the corners of the constructions', () => {
  const checks = [...CARDS, C4];

  test.each(checks.map((c) => [c.id, c] as const))('%s: every corner case is admissible, and corners take their share', (_, card) => {
    const drawn = fc.sample(arbTaggedCase(card), { seed: 11, numRuns: 400 });
    for (const { instance } of drawn.filter((d) => d.corner !== undefined)) expect(admissibilityProblem(card, instance)?.message).toBeUndefined();
    const corners = drawn.filter((d) => d.corner !== undefined).length;
    if (corners > 0) {
      expect(corners / drawn.length).toBeGreaterThan(CORNER_SHARE - 0.08);
      expect(corners / drawn.length).toBeLessThan(CORNER_SHARE + 0.08);
    }
  });

  test('the classes get the corners their constructions live in', () => {
    const names = (id: string) => new Set(fc.sample(arbTaggedCase(cardById(id)), { seed: 5, numRuns: 300 }).map((d) => d.corner).filter(Boolean));
    expect([...names('D-NC')].sort()).toEqual(['LB-D-NC-a cosine trap', 'LB-D-NC-b cosine trap', 'LB-D-NC-c piecewise trap', 'LB-D-NC-q alternation', 'LB-D-SC 2-cycle', 'LB-D-SC-step overshoot']);
    expect([...names('D-SC')].sort()).toEqual(['LB-D-NC-q alternation', 'LB-D-SC 2-cycle', 'LB-D-SC-step overshoot']); // no cosine, no piecewise quadratic: not convex
    expect([...names('S-SC-n')]).toEqual(['LB-S asymmetric noise']);
    expect([...names('C2')]).toEqual([]); // USAM: no construction of the paper is about it
  });

  test("LB-D-NC-c's piecewise trap takes D-NC's ratio far past the smooth trap's 0.0472, from starts inside the basin", () => {
    const dnc = cardById('D-NC');
    const traps = fc.sample(arbTaggedCase(dnc), { seed: 3, numRuns: 600 }).filter((d) => d.corner === 'LB-D-NC-c piecewise trap' && d.instance.steps >= 300);
    expect(traps.length).toBeGreaterThan(5);
    const ratios = traps.map((d) => floatRatio(dnc, d.instance));
    expect(Math.max(...ratios)).toBeGreaterThan(0.5);
    expect(Math.max(...ratios)).toBeLessThanOrEqual(1);
  });

  test('the search keeps to the claim: a range end that 12 digits would cross (2/3), and a condition cap', () => {
    // True and tight at the end: GD with ηβ <= 2/3 has (1 − ηλ)² <= 1 − (4/3)ηλ, equality at ηλ = 2/3.
    const edge = defineConjecture({
      id: 'GD-EDGE', statement: 'one GD step with ηβ <= 2/3', class: 'strongly-convex', families: ['quadratic'], algorithm: 'gd',
      eta: { max: '2/3' }, horizon: { min: 1, max: 1 }, measure: 'gap', claim: { bound: 'delta0 - 2/3*eta*gradNormSq0' }, expected: 'true',
    });
    // True with its cap: GD with η = 1/β and β/μ <= 4 contracts each eigencomponent by 3/4.
    const capped = defineConjecture({
      id: 'GD-COND', statement: 'GD at η = 1/β with β/μ <= 4', class: 'strongly-convex', families: ['quadratic'], algorithm: 'gd',
      eta: { min: '1', max: '1' }, maxCondition: 4, measure: 'gap', claim: { bound: '(3/4)^(2*T) * delta0' }, expected: 'true',
    });
    for (const [card, seed] of [[edge, 1], [capped, 2]] as const) {
      const report = checkCard(card, { runs: 60, seed, precision: 30 });
      expect(report.status, card.id).toBe('no counterexample');
      expect(admissibilityProblem(card, report.worst!.instance), card.id).toBeUndefined();
    }
  });

  test('starts exactly at x* and exactly on the 2-cycle are drawn', () => {
    const drawn = fc.sample(arbTaggedCase(cardById('D-SC')), { seed: 7, numRuns: 400 }).map((d) => d.instance);
    const atOptimum = drawn.filter((s) => s.x0.every((c, i) => Number(c) === buildFunction(float64, s.function).certificate.xStar![i]));
    const onCycle = drawn.filter((s) => !isStochasticSpec(s) && s.rho !== undefined && [1, -1].some((sign) => JSON.stringify(cyclePoint(s.function, s.rho!, s.eta, sign as 1 | -1, 0)) === JSON.stringify(s.x0)));
    expect(atOptimum.length).toBeGreaterThan(0);
    expect(onCycle.length).toBeGreaterThan(0);
  });

  test("LB-S's corner: (β/2)x² from x* = 0, two-point noise with s >= βρ, ηβ = 0.01 or 0.003 for 6/(βη) steps on twice the paths, K up to 99", () => {
    const lbs = fc.sample(arbTaggedCase(cardById('S-SC-n')), { seed: 3, numRuns: 200 }).filter((d) => d.corner === 'LB-S asymmetric noise');
    expect(lbs.length).toBeGreaterThan(20);
    for (const { instance } of lbs) {
      if (!isStochasticSpec(instance) || instance.oracle.kind !== 'two-point') throw new Error('not an LB-S case');
      const beta = buildFunction(float64, instance.function).certificate.beta;
      expect(instance.x0).toEqual(['0']);
      expect([`${JSON.stringify({ overBeta: '0.01' })} 600`, `${JSON.stringify({ overBeta: '0.003' })} 2000`]).toContain(`${JSON.stringify(instance.eta)} ${instance.steps}`);
      expect(instance.paths).toBe(2 * DEFAULT_SHAPE.stochastic.paths);
      expect(Number(instance.oracle.s)).toBeGreaterThanOrEqual(beta * Number(instance.rho) * (1 - 1e-9));
    }
    const drawn = (key: (i: StochasticRunSpec) => string) => new Set(lbs.map((d) => key(d.instance as StochasticRunSpec)));
    expect(drawn((i) => String(i.steps))).toEqual(new Set(['600', '2000']));
    expect(drawn((i) => (i.oracle as { K: string }).K)).toEqual(new Set(['3', '9', '19', '99']));
  });
});

describe('the targeted search after the sampling', () => {
  test('D-NC: the search never lowers the worst ratio and raises it on some seed; its evaluations are counted', () => {
    const gains = [1, 2, 3].map((seed) => {
      const sampled = checkCard(cardById('D-NC'), { runs: 20, seed, precision: 30, searchEvaluations: 0 });
      const searched = checkCard(cardById('D-NC'), { runs: 20, seed, precision: 30, searchEvaluations: 40 });
      expect(sampled.search).toBeUndefined();
      expect(searched.search?.evaluations).toBe(40);
      expect(searched.status).toBe('holds');
      expect(searched.worstRatio!).toBeGreaterThanOrEqual(sampled.worstRatio!);
      expect(searched.worstRatio!).toBeLessThanOrEqual(1);
      return searched.worstRatio! - sampled.worstRatio!;
    });
    expect(Math.max(...gains)).toBeGreaterThan(0);
  });

  test('a surviving conjecture reports its cases, its search and its coverage, and the search keeps its pins', () => {
    const pinned = defineConjecture({
      id: 'PINNED-GD',
      statement: 'GD at η = 1/(2β) halves nothing it should not',
      class: 'strongly-convex',
      families: ['quadratic', 'logistic'],
      algorithm: 'gd',
      eta: { min: '1/2', max: '1/2' },
      measure: 'gap',
      claim: { bound: 'delta0' },
      expected: 'true',
    });
    const report = checkCard(pinned, { runs: 30, seed: 4, precision: 30 });
    expect(report.status).toBe('no counterexample');
    expect(report.search?.evaluations).toBe(30); // one evaluation per case drawn, for a conjecture
    expect(Object.values(report.coverage.families).reduce((a, b) => a + b, 0)).toBe(report.cases);
    expect(report.coverage.noise).toBeUndefined(); // deterministic
    expect(survivalText({ ...report, tightness: [], seconds: 0, rerun: '' })).toMatch(
      /^no counterexample in 30 cases \(30 evaluations of targeted search; best ratio .+ \(\w+\) at .+\); cases drawn by families: \d+ \w+(, \d+ \w+)?; construction corners: none in its class$/,
    );
    expect(parseNumber(float64, 'eta', (report.worst!.instance.eta as { overBeta: string }).overBeta)).toBe(0.5);
  });
});
