/**
 * The cells of a verdict table, shared by `samcheck run`, the main job and the HTML report.
 */
import { Decimal } from 'decimal.js';
import { replayCommandFor } from '../theorems/catalog.js';
import type { CheckedCard } from '../check/check-all.js';
import type { CardReport } from '../check/check-card.js';
import { RESOLUTION_GUARD } from '../check/resolution.js';
import { classWideTightness, type ClassWideResult } from '../interpolation/files.js';
import { tightnessRange } from '../constructions/tightness.js';
import { describeRun } from './describe.js';
import { CONFIDENCE_METHOD } from '../check/statistical.js';
import { showDigits, showRatio } from './text.js';

/** The worst ratio; for a statistical case its mean's ratio, then its lower bound's; marked when it needs the reason below. */
export function worstText(c: CheckedCard): string {
  if (c.worst === null) return '-';
  const mark = aboveOneReason(c) === undefined ? '' : ' *';
  return `${showRatio(c.worst.ratio)}${c.worst.lowerRatio === undefined ? '' : ` (>= ${showRatio(c.worst.lowerRatio)})`}${mark}`;
}

/**
 * Why a worst ratio above 1 sits beside `holds` (or an undecided verdict), in words; undefined
 * when the ratio does not exceed 1 or the card is contradicted anyway.
 */
export function aboveOneReason(c: CheckedCard): string | undefined {
  const w = c.worst;
  // Compared as a decimal: 1 + 2e-79 is 1 in float64.
  if (w === null || !exceedsOne(w.ratio) || c.status === 'violated' || c.status === 'falsified') return undefined;
  if (w.lowerRatio !== undefined) {
    return `the sample mean lies above the bound, but its one-sided lower confidence bound (${showRatio(w.lowerRatio)} of the bound) does not: no evidence against the claim at the card's level`;
  }
  if (w.level === 'undecided') return `${w.reason ?? 'neither decimal precision nor intervals could settle this near-equality'}: no violation is claimed`;
  return `an equality to rounding: the margin is below the rounding of the ${w.level} evaluation (runs at p and 2p digits agree that it vanishes)`;
}

export const LEVELS_HEADER = 'cert/ver/float/stat/undec';

export function levelsText(c: CheckedCard): string {
  const l = c.levels;
  return `${l.certified}/${l.verified}/${l.float}/${l.statistical}/${l.undecided}`;
}

/** The fractions of the stated constant reached by constructions ("-" when none). */
export function constructionsText(c: CheckedCard): string {
  return tightnessRange(c.tightness);
}

/**
 * What sets the lower end of what is known of the constant a bound needs: the construction that
 * reaches the most, and the class-wide worst case, which sets it when it reaches at least as much.
 */
function lowerEnd(c: CheckedCard, classWide: readonly ClassWideResult[]) {
  const construction = c.tightness.reduce<CheckedCard['tightness'][number] | undefined>((a, t) => (a === undefined || t.constant > a.constant ? t : a), undefined);
  const wide = classWideTightness(c.id, classWide);
  const fromClass = wide !== undefined && (construction === undefined || wide.value >= construction.constant);
  return { construction, wide, fromClass };
}

/**
 * What is known of the constant a bound needs: [the largest fraction of the stated constant a
 * construction reaches, 1], or a class-wide worst case's when at least as large (certified, from
 * the store's interpolated files), marked "(class, T <= N)"; a smaller class-wide value is shown
 * beside, "(class >= v, T <= N)". A card with neither: "-".
 */
export function tightnessInterval(c: CheckedCard, classWide: readonly ClassWideResult[] = []): string {
  const { construction, wide, fromClass } = lowerEnd(c, classWide);
  if (construction === undefined && wide === undefined) return '-';
  const show = (v: number) => Number(v.toPrecision(3));
  const low = fromClass ? wide!.value : construction!.constant;
  return `[${show(low)}, 1]${wide === undefined ? '' : fromClass ? ` (class, T <= ${wide.steps})` : ` (class >= ${show(wide.value)}, T <= ${wide.steps})`}`;
}

/**
 * What sets the lower end of the tightness interval: the construction that reaches the most (its
 * name), or the class-wide worst case (the constant it is of). Undefined: neither exists.
 */
export function tightnessSource(c: CheckedCard, classWide: readonly ClassWideResult[] = []): { readonly kind: 'construction'; readonly name: string } | { readonly kind: 'class'; readonly constant: string } | undefined {
  const { construction, wide, fromClass } = lowerEnd(c, classWide);
  if (fromClass) return { kind: 'class', constant: wide!.constant };
  return construction === undefined ? undefined : { kind: 'construction', name: construction.construction };
}

export function worstInstanceText(c: CheckedCard): string {
  return c.worst === null ? '' : describeRun(c.worst.instance);
}

/**
 * What a conjecture's survival rests on, in words (never "holds": that word is for theorems): the
 * cases searched and how, and the case that came closest.
 */
export function survivalText(c: CheckedCard): string {
  const search = c.search === undefined ? 'no targeted search' : `${c.search.evaluations} evaluations of targeted search`;
  const best = c.worst === null ? 'no case claimed anything' : `best ratio ${showRatio(c.worst.ratio)}${c.worst.lowerRatio === undefined ? '' : ` (lower bound ${showRatio(c.worst.lowerRatio)})`} (${c.worst.level}) at ${describeRun(c.worst.instance)}`;
  return `no counterexample in ${c.cases} cases (${search}; ${best}); ${coverageText(c)}${partialText(c)}${c.power ? `; ${c.power}` : ''}`;
}

/** The cases judged only on the horizons their precision resolves (src/check/resolution.ts), as a clause ('' when none). */
export function partialText(c: CardReport): string {
  const b = c.beyondResolution;
  if (b === undefined) return '';
  return `; ${b.cases} case${b.cases === 1 ? '' : 's'} judged only on the horizons ${b.cases === 1 ? 'its' : 'their'} precision resolves (past them the bound is below the measure's rounding noise at that precision, with ${RESOLUTION_GUARD} digits to spare; --precision ${b.atLeast ? 'above ' : ''}${b.digits} judges ${b.cases === 1 ? 'it' : 'them'} whole)`;
}

/** The targeted search's evaluations for the tables ("-": none was made). */
export function searchedText(c: CheckedCard): string {
  return c.search === undefined ? '-' : String(c.search.evaluations);
}

/** What the targeted search did, and what the cases covered: one line for a card's section. */
export function searchText(c: CheckedCard): string {
  if (c.status === 'no counterexample') return survivalText(c);
  const s = c.search;
  const search =
    s === undefined
      ? 'no targeted search (the sampling decided, or found nothing to start from)'
      : `targeted search: ${s.evaluations} evaluations, best float64 ratio ${s.bestRatio === null ? '-' : showRatio(String(s.bestRatio))}, ${s.judged} finalist${s.judged === 1 ? '' : 's'} judged in full${s.undecided > 0 ? ` (${s.undecided} undecided)` : ''}`;
  return `${search}; ${coverageText(c)}${c.power ? `; ${c.power}` : ''}`;
}

/** The cases drawn per family, noise model and construction corner, in words. */
export function coverageText(c: CheckedCard): string {
  const list = (counts: Readonly<Record<string, number>>) =>
    Object.entries(counts)
      .sort((a, b) => b[1] - a[1])
      .map(([name, n]) => `${n} ${name}`)
      .join(', ');
  const parts = [`families: ${list(c.coverage.families) || 'none'}`];
  if (c.coverage.noise !== undefined) parts.push(`noise: ${list(c.coverage.noise) || 'none'}`);
  parts.push(`construction corners: ${list(c.coverage.corners) || 'none in its class'}`);
  return `cases drawn by ${parts.join('; ')}`;
}

function exceedsOne(ratio: string): boolean {
  try {
    return new Decimal(ratio).gt(1);
  } catch {
    return false; // "NaN", "0/0"
  }
}

/** What the constructions reach, inconclusive conjectures, and each counterexample with its replay command. */
export function findingLines(cards: readonly CheckedCard[]): string[] {
  const lines: string[] = [];
  for (const c of cards) {
    const reason = aboveOneReason(c);
    if (reason !== undefined) lines.push(`* ${c.id}: worst ratio ${showRatio(c.worst!.ratio)} with ${c.status}: ${reason}.`);
  }
  for (const c of cards.filter((card) => card.tightness.length > 0)) {
    const known = c.tightness.map((t) => `${t.construction} ${Number(t.constant.toPrecision(6))}${t.robust ? '' : ' (exact start only)'}`);
    lines.push(`${c.id}: constructions reach ${known.join(', ')} of the bound's constant.`);
  }
  for (const c of cards.filter((card) => card.status === 'no counterexample')) {
    lines.push('', `${c.id}: ${survivalText(c)}.`);
  }
  for (const c of cards.filter((card) => card.status === 'inconclusive')) {
    const searched = c.search === undefined ? '' : ` (and ${c.search.undecided} of the targeted search's ${c.search.judged} finalists)`;
    lines.push('', `${c.id} inconclusive: ${c.levels.undecided} of ${c.cases} cases undecided${searched}, none contradicts it at 99%${c.power ? `; ${c.power}` : ''}.`);
  }
  // A card whose constants the user changed is a claim of the user's: its "holds" rests on the search, whose power is cited.
  for (const c of cards.filter((card) => card.status === 'holds' && card.power !== undefined)) {
    lines.push('', `${c.id} holds in ${c.cases} cases with ${c.rerun.match(/--constant \S+/g)?.join(' ') ?? 'its constants changed'}; ${c.power}.`);
  }
  // A check that erred is a bug of the suite: what it was doing, and how to make it happen again.
  for (const c of cards.filter((card) => card.status === 'error')) {
    lines.push('', `${c.id} error: ${c.error ?? 'no message'}`);
    if (c.counterexample !== undefined) lines.push(`  on the instance: ${JSON.stringify(c.counterexample.instance)}`, `  fast-check: seed ${c.seed}, path "${c.counterexample.path}"`);
    lines.push(`  rerun: ${c.rerun}`);
  }
  for (const c of cards.filter((card) => card.counterexample !== undefined && card.status !== 'error')) {
    const found = c.counterexample!;
    lines.push('', `${c.id} ${c.status}: observed/bound = ${showDigits(found.ratio, 12)} (${found.level})`);
    lines.push(`  instance: ${JSON.stringify(found.instance)}`);
    if (found.notSaved) lines.push(`  NOT saved: ${found.notSaved}`);
    if (found.file) lines.push(`  ${found.written === false ? 'already saved (the same case, found before)' : 'saved'}: ${found.file}`);
    if (found.file && found.replay?.reproduced !== false) lines.push(`  replay: ${replayCommandFor(found.file, c.id)}`);
    if (found.file && found.replay?.reproduced === false) lines.push(`  the file does not replay: ${found.replay.problem ?? 'unknown reason'}`);
    lines.push(found.path === '' && c.search !== undefined ? `  found by the targeted search after ${c.cases} cases (fast-check seed ${c.seed}, ${c.search.evaluations} evaluations)` : `  fast-check: seed ${c.seed}, path "${found.path}"`);
  }
  return lines;
}

export const LEVELS_LEGEND = [
  'Levels: certified (intervals), verified (two decimal precisions agree), float (float64, clear margin),',
  `statistical (${CONFIDENCE_METHOD}; 99% familywise per card; the worst case is the one whose lower bound is highest: its mean's ratio, then that bound's), undecided.`,
];
