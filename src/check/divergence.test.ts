/**
 * Divergence is a counterexample, not an error (issue "Conjecture verdicts a researcher can
 * trust", item 3): a run that overflows float64 under a claim of convergence or of a finite bound
 * falsifies it, confirmed in decimal, saved, and replayable; before, such a case made the check
 * err with no case counted ("cases: 0, worst: null").
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import type { RunSpec } from '../algorithms/run-spec.js';
import { defineConjecture } from '../conjectures/define.js';
import { loadConjectures } from '../conjectures/load.js';
import { registerConjectures } from '../theorems/catalog.js';
import { checkCard } from './check-card.js';
import { DIVERGENCE_GROWTH } from './divergence.js';
import { replayFile } from './replay.js';
import { judgeCase } from './verdict.js';

const folder = mkdtempSync(join(tmpdir(), 'samcheck-divergence-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** USAM y = x + ρ∇f on (β/2)x² steps by η(1 + ρβ)β: with ρ = 10/β and η = 1/β, 11 > 2, so it diverges. */
const diverging: RunSpec = { algorithm: 'usam', function: { family: 'quadratic', eigenvalues: ['1'] }, x0: ['1'], eta: { overBeta: '1' }, rho: '10', steps: 2000 };

describe('a diverging run', () => {
  test('under a bound: violated in decimal at the step where float64 overflowed', () => {
    const bounded = defineConjecture({ id: 'USAM-BOUNDED', statement: 'USAM never raises the gap', class: 'strongly-convex', algorithm: 'usam', rho: { max: '10' }, measure: 'gap', claim: { bound: 'delta0' } });
    const verdict = judgeCase(bounded, diverging, { precision: 30 });
    expect(verdict.holds).toBe(false);
    expect(verdict.level).toBe('verified');
    expect(verdict.ratio).toBeGreaterThan(1e300); // finite in decimal, beyond float64
    expect(verdict.prefix).toBeLessThan(diverging.steps);
    expect(verdict.reason).toMatch(/^diverges: ‖x_\d+‖ = .* in decimal at 30 digits/);
  });

  test('under a limit claim: falsified, verified, with the size decimal sees', () => {
    const converges = defineConjecture({ id: 'USAM-LIMIT', statement: 'USAM converges', class: 'strongly-convex', algorithm: 'usam', rho: { max: '10' }, measure: 'gap', claim: { limit: 0 } });
    const verdict = judgeCase(converges, { ...diverging, steps: 100 }, { precision: 30 });
    expect(verdict).toMatchObject({ holds: false, level: 'verified', ratio: Infinity });
    expect(verdict.reason).toContain(`more than ${DIVERGENCE_GROWTH.toExponential(0)} times the scale of the start`);
  });
});

describe('a false convergence conjecture of USAM with ρ up to 10/β, from a file in a temporary folder', () => {
  const file = join(folder, 'usam-converges.mjs');
  const define = fileURLToPath(new URL('../conjectures/define.ts', import.meta.url));
  writeFileSync(
    file,
    `import { defineConjecture } from ${JSON.stringify(define)};
export default defineConjecture({
  id: 'USAM-CONV',
  statement: 'USAM with 0 < ρ <= 10/β reaches the minimizer of a strongly convex function',
  class: 'strongly-convex',
  // On a quadratic USAM's map is linear: it converges or diverges. (On a logistic regression with
  // large ρ it can also settle on a bounded cycle, which the limit test falsifies at level float.)
  families: ['quadratic'],
  algorithm: 'usam',
  // η >= 1/(2β) and β/μ <= 4, as C4 does: a run that converges does so within the horizons, so
  // what falsifies the claim is divergence (η(1 + ρβ)β > 2), not a slow transient.
  eta: { min: '1/2', max: '1' },
  maxCondition: 4,
  rho: { max: '10' },
  measure: 'gap',
  claim: { limit: 0 },
  expected: 'false',
});
`,
  );

  test.each([1, 2, 3, 4, 5])('seed %i: falsified, with a saved file that replays', async (seed) => {
    const { conjectures, problems } = await loadConjectures(folder);
    expect(problems).toEqual([]);
    registerConjectures(conjectures);
    const report = checkCard(conjectures[0]!, { runs: 100, seed, precision: 30, counterexampleFolder: join(folder, `found-${seed}`) });
    expect(report.status).toBe('falsified');
    expect(report.cases).toBeGreaterThan(0);
    expect(report.counterexample?.level).toBe('verified');
    expect(report.counterexample?.ratio).toBe('Infinity'); // a divergence, confirmed in decimal
    const replay = replayFile(report.counterexample!.file!);
    expect(replay.error).toBeUndefined();
    expect(replay.invalid).toBeUndefined();
    expect(replay.reproduced).toBe(true);
  });
});
