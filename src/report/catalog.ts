/**
 * The catalog of every card, construction and conjecture, written from the objects themselves
 * (`samcheck catalog`, and docs/catalog.md, which a test keeps equal to what this writes): a
 * clone of the repository carries the statements it checks, with their constants, sources,
 * proof ideas and what the constructions show of their tightness.
 */
import { findMethod } from '../algorithms/methods.js';
import type { UserMethod } from '../extend/method.js';
import { isStochasticConstruction, type ConstructionCase } from '../constructions/construction.js';
import { knownTightness } from '../constructions/tightness.js';
import type { Card, StepRange } from '../theorems/card.js';

export interface CatalogContents {
  readonly cards: readonly Card[];
  readonly constructions: readonly ConstructionCase[];
  readonly conjectures: readonly Card[];
}

export function catalogMarkdown(contents: CatalogContents): string {
  const lines: string[] = [
    '# The catalog of samcheck',
    '',
    'Every statement samcheck checks, written from the card objects themselves by `samcheck catalog`',
    '(a test fails when this page and the cards disagree: regenerate it with `npm run catalog`). IDs are',
    "the suite's (Si & Yun, *Practical Sharpness-Aware Minimization Cannot Converge All the Way to Optima*,",
    'NeurIPS 2023, and the constants derived for this suite). Step sizes and radii are in units of 1/β.',
    '',
    '## Contents',
    '',
    `- [Cards](#cards): ${contents.cards.map((c) => link(c.id)).join(', ')}`,
    `- [Constructions](#constructions): ${unique(contents.constructions.map((c) => c.construction)).map(link).join(', ')}`,
    `- [Conjectures](#conjectures): ${contents.conjectures.map((c) => link(c.id)).join(', ')}`,
    '',
    '## Cards',
    '',
    ...contents.cards.flatMap(cardEntry),
    '## Constructions',
    '',
    ...constructionEntries(contents.constructions),
    '## Conjectures',
    '',
    ...contents.conjectures.flatMap(cardEntry),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

function cardEntry(card: Card): string[] {
  const known = knownTightness(card.id);
  const constants = Object.entries(card.constants);
  const method = findMethod(card.algorithm) as Partial<UserMethod> | undefined;
  const methodText = method?.description !== undefined && method.description !== card.algorithm ? `\`${card.algorithm}\` (${method.description})` : `\`${card.algorithm}\``;
  const rows: [string, string][] = [
    ['kind', card.kind + ('expected' in card ? ` (expected ${String((card as { expected: unknown }).expected)})` : '')],
    ['class', card.requires + (card.families ? `; families ${card.families.join(', ')}` : '')],
    ['method', methodText],
    ['claim', code(card.claim)],
    ...(card.formula !== undefined && !card.claim.endsWith(card.formula) ? [['computed as', code(card.formula)] as [string, string]] : []),
    ['step size', 'rule' in card.eta ? `the rule of ${card.eta.rule}` : rangeText(card.eta, 'η')],
    ...(card.rho ? [['radius', rangeText(card.rho, 'ρ')] as [string, string]] : []),
    ...(card.rhoDecay ? [['radius schedule', card.rhoDecay === 'inverse' ? 'ρ_t = ρ0/(t+1)' : 'ρ_t = ρ0/√(t+1)'] as [string, string]] : []),
    ...restrictions(card),
    ['constants', constants.length === 0 ? 'none' : constants.map(([name, value]) => `${name} = ${value}`).join(', ')],
    ['source', card.source],
    ['proof idea', card.proof ?? '—'],
    ['tightness', card.tightness],
  ];
  if (known.length > 0) {
    const stated = constants.length === 1 ? `${constants[0]![0]} = ${constants[0]![1]}` : 'the stated constants';
    const low = Math.max(...known.map((k) => k.constant));
    const reached = known.map((k) => `${link(k.construction)} ${fraction(k.constant)}${k.robust ? ' (from a set of starts)' : ' (from an exact start)'}`).join('; ');
    rows.push(['tightness interval', `[${fraction(low)}, 1] as fractions of ${stated}; the constructions reach ${reached}`]);
  }
  return [`### ${card.id}`, '', card.title, '', '| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${cell(v)} |`), ''];
}

function constructionEntries(constructions: readonly ConstructionCase[]): string[] {
  const byName = new Map<string, ConstructionCase[]>();
  for (const c of constructions) byName.set(c.construction, [...(byName.get(c.construction) ?? []), c]);
  return [...byName.entries()].flatMap(([name, cases]) => [
    `### ${name}`,
    '',
    ...cases.flatMap((c) => {
      const run = c.run;
      const arithmetic = isStochasticConstruction(c) ? `${run.algorithm}, ${c.run.paths} paths, tested statistically` : `${run.algorithm}, replayed in decimal at ${c.precision} digits${c.certify ? ' and certified in intervals' : ''}`;
      const tight = c.tight.map((t) => `${link(t.card)}: ${t.formula} (${t.robust ? 'from a set of starts' : 'from an exact start'})`).join('; ');
      return [`- ${c.title}. Run: ${arithmetic}, ${run.steps} steps, on ${run.function.family}.${tight ? ` Shows: ${tight}.` : ''}`];
    }),
    '',
  ]);
}

/** "0 < η <= 1/β", "(1/4)/β <= η <= (1/2)/β", "η = 1/β" and the like, from a range in units of 1/β. */
function rangeText(range: StepRange, symbol: string): string {
  const over = (text: string) => (text === '1' ? '1/β' : text.includes('/') ? `(${text})/β` : `${text}/β`);
  if (range.min !== undefined && range.min === range.max) return `${symbol} = ${over(range.max)}`;
  const low = range.min === undefined ? `0 < ${symbol}` : `${over(range.min)} <= ${symbol}`;
  return `${low} ${range.includeMax ? '<=' : '<'} ${over(range.max)}`;
}

/** The pins and caps a claim keeps to, beyond its step size and radius. */
function restrictions(card: Card): [string, string][] {
  const rows: [string, string][] = [];
  const { min, max } = card.horizon ?? {};
  if (min !== undefined || max !== undefined) rows.push(['horizons', min === max ? `T = ${min}` : `${min ?? 1} <= T${max === undefined ? '' : ` <= ${max}`}`]);
  if (card.start === 'optimum') rows.push(['start', 'x0 = x*']);
  if (card.maxCondition !== undefined) rows.push(['condition', `β/μ <= ${card.maxCondition}`]);
  if (card.noise !== undefined) rows.push(['noise', card.noise.join(', ')]);
  return rows;
}

function fraction(x: number): string {
  return String(Number(x.toPrecision(4)));
}

/** A markdown anchor link to an entry of this page. */
function link(id: string): string {
  return `[${id}](#${id.toLowerCase().replace(/[^a-z0-9-]/g, '')})`;
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
