/**
 * Every card of the suite, in the order of THEOREMS.md.
 */
import { CONJECTURES } from '../conjectures/catalog.js';
import { InputError } from '../errors.js';
import type { Card } from './card.js';
import { D_C } from './d-c.js';
import { D_NC } from './d-nc.js';
import { D_SC } from './d-sc.js';
import { D_SC_RATE } from './d-sc-rate.js';
import { L1 } from './l1.js';
import { L2 } from './l2.js';
import { L3 } from './l3.js';
import { L4 } from './l4.js';
import { L5 } from './l5.js';
import { L6 } from './l6.js';
import { L7 } from './l7.js';
import { S_NC_M } from './s-nc-m.js';
import { S_NC_N } from './s-nc-n.js';
import { S_SC_M } from './s-sc-m.js';
import { S_SC_N } from './s-sc-n.js';

export const CARDS: readonly Card[] = [L1, L2, L3, L4, L5, L6, L7, D_SC, D_SC_RATE, D_C, D_NC, S_SC_N, S_SC_M, S_NC_N, S_NC_M];

let userConjectures: readonly Card[] = [];
let skipped: readonly SkippedConjecture[] = [];
let sources: readonly string[] = [];
let userFolders: Readonly<Record<string, string>> = {};

/** A conjecture file that could not be used (src/conjectures/load.ts says why, in one line). */
export interface SkippedConjecture {
  readonly file: string;
  readonly id?: string;
  readonly message: string;
  /** From a folder the user named (--conjectures, samcheck.config.json): every checking command reports it. */
  readonly named?: boolean;
}

/**
 * Adds the conjectures of properties/conjectures/ (see src/conjectures/load.ts) to the checks;
 * an ID that is already taken is an error. `problems` are the files that could not be loaded: the
 * commands that would have used them say so and exit 2.
 */
export function registerConjectures(conjectures: readonly Card[], problems: readonly SkippedConjecture[] = [], folders: Readonly<Record<string, string>> = {}, loadedFrom: readonly string[] = []): void {
  skipped = problems;
  sources = loadedFrom;
  userFolders = folders;
  const taken = new Set([...CARDS, ...CONJECTURES].map((c) => c.id));
  for (const c of conjectures) {
    if (taken.has(c.id)) throw new InputError('conjecture id', c.id, 'is already the ID of another card or conjecture');
    taken.add(c.id);
  }
  userConjectures = conjectures;
}

/** Every check `samcheck run` knows: the cards, then the conjectures (built in, then the users'). */
export function allChecks(): readonly Card[] {
  return [...CARDS, ...CONJECTURES, ...userConjectures];
}

export function cardById(id: string): Card {
  const card = allChecks().find((c) => c.id === id);
  if (card === undefined) throw new InputError('card', id, `must be one of ${allChecks().map((c) => c.id).join(', ')}`);
  return card;
}

/**
 * The command that replays a counterexample file of `id`: a conjecture loaded with --conjectures
 * DIR is only known to a command that loads DIR again.
 */
export function replayCommandFor(file: string, id: string): string {
  return `npx samcheck replay ${shellWord(file)}${conjecturesOption(id)}`;
}

/**
 * The command that checks `id` again exactly as a job did (the same seed, cases, precision and
 * constants): each check draws only from its own seed, so it repeats alone what it did among others.
 */
export function rerunCheckCommand(id: string, settings: { readonly seed: number; readonly runs?: number; readonly precision: number; readonly constants?: Readonly<Record<string, string>> }): string {
  const constants = Object.entries(settings.constants ?? {}).map(([name, value]) => ` --constant ${shellWord(`${name}=${value}`)}`);
  return `npx samcheck run ${shellWord(id)} --seed ${settings.seed}${settings.runs === undefined ? '' : ` --runs ${settings.runs}`} --precision ${settings.precision}${constants.join('')}${conjecturesOption(id)}`;
}

/** " --conjectures DIR" for a conjecture loaded from a folder the user named: only a command that loads DIR again knows it. */
function conjecturesOption(id: string): string {
  const folder = userFolders[id];
  return folder === undefined ? '' : ` --conjectures ${shellWord(folder)}`;
}

/** A word as a POSIX shell reads it back: as it is when it is safe, else single-quoted. */
function shellWord(word: string): string {
  return /^[\w./@:+=-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

/** The folders the conjectures were loaded from, in order (a worker thread loads them again). */
export function conjectureSources(): readonly string[] {
  return sources;
}

/** The conjecture files skipped at start-up, with the reason. */
export function skippedConjectures(): readonly SkippedConjecture[] {
  return skipped;
}

/**
 * The skipped files a checking command answers for: all of them when it checks everything; else
 * those of folders the user named on purpose (a broken file of properties/conjectures/ does not
 * fail `samcheck run L1`, but one of `--conjectures ./mine` does).
 */
export function skippedFor(everything: boolean): readonly SkippedConjecture[] {
  return everything ? skipped : skipped.filter((p) => p.named === true);
}
