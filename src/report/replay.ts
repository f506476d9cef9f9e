/**
 * A replay of a counterexample file in words.
 */
import type { ExpectedValue, ObservedValue } from '../check/counterexamples.js';
import type { ReplayResult } from '../check/replay.js';
import { observableName } from '../constructions/construction.js';
import { showDigits } from './text.js';

/** A replay's outcome in a few words, for progress lines: reproduced (level), NOT reproduced, INVALID, ERROR. */
export function replayOutcome(r: ReplayResult): string {
  return r.error ? `ERROR ${r.error}` : r.invalid ? `INVALID ${r.invalid}` : r.reproduced ? `reproduced (${r.level})` : 'NOT reproduced';
}

/** One line on a replay: reproduced or not, how sure, and what was compared. */
export function replayText(r: ReplayResult): string {
  if (r.error) return `ERROR ${r.error}`;
  if (r.invalid) return `INVALID (proves nothing about its card) ${r.invalid}`;
  const verdict = `${r.reproduced ? 'reproduced' : 'NOT reproduced'}${r.level ? ` (${r.level})` : ''}`;
  if (r.kind === 'construction') {
    const expected = r.expected as ExpectedValue[];
    const observed = r.observed as ObservedValue[];
    return `${verdict}: ${expected.map((e, i) => `${observableName(e)} ${observedText(e, observed[i]!)}`).join(', ')}`;
  }
  if (r.kind === 'interpolated') {
    const o = r.observed as { value?: string; problem?: string };
    const recorded = (r.expected as { value: string }).value;
    if (o.value === undefined) return `${verdict}: ${o.problem}`;
    return `${verdict}: every interpolation condition proven; value >= ${showDigits(o.value, 12)} (recorded ${showDigits(recorded, 12)})${o.problem ? `; but ${o.problem}` : ''}`;
  }
  const o = r.observed as { ratio: string; at: number };
  return `${verdict}: observed/bound = ${showDigits(o.ratio, 12)} at ${o.at}`;
}

function observedText(e: ExpectedValue, o: ObservedValue): string {
  if ('digits' in o) return `${o.digits}/${e.digits} digits`;
  const level = `${(e.level ?? 0.99) * 100}%`;
  return e.test === 'interval'
    ? `mean ${showDigits(o.mean, 6)}, ${level} interval [${showDigits(o.lower, 6)}, ${showDigits(o.upper, 6)}] ${o.passed ? 'contains' : 'misses'} ${showDigits(e.value, 6)}`
    : `mean ${showDigits(o.mean, 6)}, ${level} lower bound ${showDigits(o.lower, 6)} ${o.passed ? '>' : '<='} ${showDigits(e.value, 6)}`;
}
