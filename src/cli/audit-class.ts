/**
 * `samcheck audit ID --class`: the worst case of a card over its whole class, not only over the
 * suite's families (src/interpolation/): the data of SAM's run on a member of the class, searched
 * over everything the class allows at one instance (κ, βη, horizon T), certified in interval
 * arithmetic, and saved as a counterexample file of kind `interpolated` that `samcheck replay`
 * certifies again. The value is the card's ratio observed/bound at T, or with --constant the
 * fraction of the constant the worst case needs: a proven lower bound over the class.
 */
import { Decimal } from 'decimal.js';
import { isNumberText } from '../arith/literal.js';
import { InputError } from '../errors.js';
import { knownTightness } from '../constructions/tightness.js';
import { storeCounterexample } from '../check/counterexamples.js';
import { interpolatedContent, reciprocalText } from '../interpolation/files.js';
import { cardGoal, deterministicCard, type GoalMode } from '../interpolation/goals.js';
import type { Setting } from '../interpolation/problem.js';
import { DEFAULT_EPSILON } from '../interpolation/search.js';
import { worstCaseSteps } from '../interpolation/worst-case.js';
import { drainYielding } from '../parallel/yielding.js';
import { interruptible } from './interrupt.js';
import { methodOf } from '../algorithms/methods.js';
import { formatJson } from '../report/json.js';
import { showDigits } from '../report/text.js';
import { replayCommandFor } from '../theorems/catalog.js';
import type { Card } from '../theorems/card.js';
import { EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK } from './exit-codes.js';
import { requireWritableFolder } from './folders.js';
import type { CliIO } from './io.js';
import { wholeOption } from './options.js';
import { DEFAULT_FINDINGS_FOLDER, seedOption } from './run.js';

export interface ClassAuditOptions {
  steps?: string;
  kappa?: string;
  etaBeta?: string;
  dim?: string;
  evaluations?: string;
  seed?: string;
  constant?: string;
  saveTo?: string;
  json?: boolean;
}

/** Evaluations when none are asked for: a few rounds of starts (under a minute at T <= 4 on a 2-core machine). */
export const DEFAULT_CLASS_EVALUATIONS = 40_000;
const MAX_STEPS = 12;
const MAX_DIM = 30;

export async function classAuditCommand(anyCard: Card, options: ClassAuditOptions, io: CliIO): Promise<number> {
  const card = deterministicCard(anyCard);
  const mode: GoalMode = options.constant === undefined ? { kind: 'ratio' } : { kind: 'constant', name: options.constant };
  const goal = cardGoal(card, mode);
  const setting = classSetting(card, options);
  const evaluations = options.evaluations === undefined ? DEFAULT_CLASS_EVALUATIONS : wholeOption('--evaluations', options.evaluations, 1, 1e9);
  const seed = seedOption(options.seed);
  const saveTo = options.saveTo ?? DEFAULT_FINDINGS_FOLDER;
  requireWritableFolder('--save-to', saveTo);
  const instance = instanceText(setting);
  io.err(`samcheck audit ${card.id} --class${options.constant ? ` (constant ${options.constant})` : ''}: ${instance}; ${evaluations} evaluations, seed ${seed}`);
  const started = performance.now();
  // Driven step by step so that Ctrl-C is heard between climbs: the search then ends, and what it
  // found is certified and saved as usual.
  const { result: worst, interrupted } = await interruptible(io, 'the search ends after its current climb, and its best case is certified and saved', (stop) =>
    drainYielding(
      worstCaseSteps(setting, goal, {
        seed,
        evaluations,
        stop: stop.requested,
        onStart: (p) => io.err(`  start ${p.start + 1}: ${Number.isFinite(p.value) ? showDigits(String(p.value), 8) : p.value}${p.violation > 1e-9 ? ` (outside the class by ${p.violation.toExponential(1)})` : ''}; best ${Number.isFinite(p.best) ? showDigits(String(p.best), 8) : 'none yet'}; ${p.evaluations} evaluations`),
      }),
    ),
  );
  const seconds = Number(((performance.now() - started) / 1000).toFixed(1));
  const certified = worst.certified;
  // A fraction <= 0 says only that no case found needs the constant: nothing worth a file.
  const informative = certified !== undefined && (mode.kind === 'ratio' || Number(certified.certification.value) > 0);
  const saved = informative ? storeCounterexample(saveTo, interpolatedContent(card, mode, setting, worst, { seed, epsilon: DEFAULT_EPSILON })) : undefined;
  const value = certified?.certification.value;
  const violates = value !== undefined && card.kind !== 'conjecture' && new Decimal(value).gt(1);
  if (options.json) {
    io.out(
      formatJson({
        id: card.id,
        constant: options.constant ?? null,
        setting: { ...setting, method: setting.method.name },
        searchValue: worst.searchValue ?? null,
        certified: certified === undefined ? null : { value, precision: certified.certification.precision },
        problem: worst.problem ?? null,
        file: saved?.path ?? null,
        starts: worst.search.starts,
        evaluations: worst.search.evaluations,
        seconds,
        interrupted,
      }),
    );
  } else {
    const what = options.constant === undefined ? 'the ratio observed/bound' : `the constant ${options.constant}: the case needs a fraction`;
    const known = knownTightness(card.id);
    const construction = known.length === 0 ? 'no construction' : `constructions reach ${showDigits(String(Math.max(...known.map((k) => k.constant))), 6)}`;
    const lines = [
      ...(interrupted ? [`INTERRUPTED after ${worst.search.evaluations} of ${evaluations} evaluations: what the search had found, certified`] : []),
      `${card.id} over its class (${instance}): ${what} ${value === undefined ? 'not certified' : `>= ${showDigits(value, 9)} (certified: every interpolation condition and the value proven in interval arithmetic at ${certified!.certification.precision} digits)`}`,
      `  the float64 search saw ${worst.searchValue === undefined ? 'no case inside the class' : showDigits(String(worst.searchValue), 9)}; ${worst.search.starts} starts, ${worst.search.evaluations} evaluations in ${seconds} s (seed ${seed})`,
      ...(value === undefined ? [`  why not certified: ${worst.problem ?? 'the search found no case inside the class to certify'}`] : []),
      ...(value !== undefined && !informative ? [`  no case found needs ${options.constant} here (the other terms of the bound cover it): no file saved`] : []),
      `  tightness of ${card.id}'s constant: ${construction}${value === undefined || options.constant === undefined ? '' : `; this class-wide case ${showDigits(value, 6)}`}; stated 1`,
      ...(saved === undefined ? [] : [`  file: ${saved.path}${saved.written ? '' : ' (already saved)'}`, `  replay: ${replayCommandFor(saved.path, card.id)}`]),
      ...(violates ? [`  VIOLATES ${card.id}: a member of its class exceeds the bound (certified)`] : []),
    ];
    io.out(lines.join('\n'));
  }
  if (interrupted) return EXIT_INTERRUPTED;
  return violates ? EXIT_FAILED : EXIT_OK;
}

/** The instance of the search from the options, each checked against the card's class and ranges. */
export function classSetting(card: ReturnType<typeof deterministicCard>, options: ClassAuditOptions): Setting {
  const cls = card.requires;
  if ('rule' in card.eta) throw new InputError('ID', card.id, 'chooses η by a rule; --class searches at a fixed η');
  const steps = card.scope === 'step' ? stepOfStepCard(card.id, options.steps) : options.steps === undefined ? 1 : wholeOption('--steps', options.steps, 1, MAX_STEPS);
  if (options.kappa !== undefined && cls !== 'strongly-convex') throw new InputError('--kappa', options.kappa, `applies to strongly convex cards (${card.id} is stated for ${cls} functions)`);
  const kappa = options.kappa ?? '10';
  if (cls === 'strongly-convex' && !(isNumberText(kappa) && valueOf(kappa).gt(1))) throw new InputError('--kappa', kappa, 'must be a number > 1 (κ = β/μ)');
  const max = valueOf(card.eta.max);
  const etaBeta = options.etaBeta ?? (card.eta.includeMax ? card.eta.max : `${card.eta.max}/2`);
  if (!isNumberText(etaBeta) || !(valueOf(etaBeta).gt(0) && (card.eta.includeMax ? valueOf(etaBeta).lte(max) : valueOf(etaBeta).lt(max)))) {
    throw new InputError('--eta-beta', etaBeta, `must be a number in (0, ${card.eta.max}${card.eta.includeMax ? ']' : ')'}: ${card.id}'s range of βη`);
  }
  const points = card.scope === 'step' ? 4 : 2 * steps + 2;
  const dim = options.dim === undefined ? (cls === 'smooth' ? 1 : Math.min(points, MAX_DIM)) : wholeOption('--dim', options.dim, 1, MAX_DIM);
  if (cls === 'smooth' && dim !== 1) throw new InputError('--dim', options.dim, 'must be 1 for a nonconvex card: only one-dimensional data have an interpolant whose infimum is known');
  return {
    cls,
    beta: '1',
    ...(cls === 'strongly-convex' ? { mu: reciprocalText(kappa) } : {}),
    eta: etaBeta,
    rho: '1',
    steps,
    dim,
    method: methodOf('algorithm', card.algorithm, 'deterministic'),
  };
}

function stepOfStepCard(id: string, text: string | undefined): number {
  if (text !== undefined && text.trim() !== '1') throw new InputError('--steps', text, `must be 1 for the one-step claim ${id}`);
  return 1;
}

/** "strongly convex, κ = 10, βη = 1/2, T = 2, d = 6 (β = ρ = 1: the ratio does not depend on βρ)". */
export function instanceText(s: Setting): string {
  const cls = s.cls === 'strongly-convex' ? `strongly convex, κ = ${reciprocalText(s.mu!)}` : s.cls === 'convex' ? 'convex' : 'nonconvex';
  return `${cls}, βη = ${s.eta}, T = ${s.steps}, d = ${s.dim} (β = ρ = 1: the class is invariant under f ↦ s²f(·/s), so βρ does not matter)`;
}

function valueOf(text: string): Decimal {
  const [p, q] = text.split('/');
  return q === undefined ? new Decimal(p!) : new Decimal(p!).div(q);
}

