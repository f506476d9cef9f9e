/**
 * The report of the main job: one self-contained HTML page (inline CSS, charts as inline SVG, no
 * script, no fetch), readable offline.
 */
import { float64 } from '../../arith/float64.js';
import { replayCommandFor } from '../../theorems/catalog.js';
import type { CheckedCard } from '../../check/check-all.js';
import type { ReplayResult } from '../../check/replay.js';
import { CONFIDENCE_METHOD } from '../../check/statistical.js';
import type { ConstructionCase } from '../../constructions/construction.js';
import type { MainJobResult } from '../../job/main-job.js';
import { constructionKey, type Figure } from '../../job/charts.js';
import type { Card } from '../../theorems/card.js';
import { replayText } from '../replay.js';
import { auditKey, type AuditSummary } from '../../audit/record.js';
import { describeRun } from '../describe.js';
import { showDigits, showRatio } from '../text.js';
import { BAND_LEVEL, shownCase } from './figures.js';
import { aboveOneReason, levelsText, LEVELS_HEADER, searchedText, searchText, survivalText, tightnessInterval, worstText } from '../verdicts.js';
import { classWideResults, type ClassWideResult } from '../../interpolation/files.js';

export interface PageContext {
  readonly result: MainJobResult;
  readonly cards: readonly Card[];
  readonly constructions: readonly ConstructionCase[];
  /** The command that reruns this job. */
  readonly command: string;
  readonly generated: Date;
  readonly environment: string;
  /** When the page is built from the parts of a sharded job (samcheck report). */
  readonly shards?: PageShards;
}

export interface PageShards {
  readonly count: number;
  readonly present: number;
  /** What the missing shards leave out, when some are missing: said at the top of the page. */
  readonly incomplete?: string;
}

export function reportPage(ctx: PageContext): string {
  const { result } = ctx;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>samcheck report</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>samcheck report</h1>
<p>Numerical checks of Si &amp; Yun, <em>Practical Sharpness-Aware Minimization Cannot Converge All the Way to Optima</em> (NeurIPS 2023), claim by claim (IDs of THEOREMS.md).</p>
<p class="meta">Generated ${esc(ctx.generated.toISOString())} in ${result.seconds} s${ctx.shards ? ` (the shards' times added)` : ''}; seed ${result.seed}; ${result.runs ?? 'default'} cases per check; verification at ${result.precision} and ${2 * result.precision} digits; ${esc(ctx.environment)}.<br>Rerun: <code>${esc(ctx.command)}</code></p>
${ctx.shards ? shardsNote(ctx.shards) : ''}
${summary(result)}
</header>
<main>
<section id="verdicts">
<h2>Verdicts</h2>
${verdictTable(ctx)}
<p class="legend">${LEGEND}</p>
</section>
${result.replays.length > 0 ? replaySection(result.replays) : ''}
<section id="cards">
<h2>Cards and conjectures</h2>
${result.checks.map((c) => cardSection(c, ctx.cards.find((card) => card.id === c.id)!, result.cardFigures.find((f) => f.id === c.id))).join('\n')}
</section>
${ctx.constructions.length > 0 ? constructionSection(ctx.constructions, result.constructionFigures) : ''}
${result.audits.length > 0 ? auditSection(result.audits, result.auditFigures) : ''}
${classWideSection(classWideResults(result.replays), result.classFigures ?? [])}
</main>
</body>
</html>
`;
}

function shardsNote(shards: PageShards): string {
  const merged = `<p class="meta">Merged from ${shards.present} of ${shards.count} shards (<code>npx samcheck --shard i/${shards.count}</code>, then <code>npx samcheck report</code>); the same seed gives the same results in one run.</p>`;
  return shards.incomplete === undefined ? merged : `${merged}\n<p class="summary bad">Incomplete: ${esc(shards.incomplete)}.</p>`;
}

function summary(result: MainJobResult): string {
  const count = (status: string) => result.checks.filter((c) => c.status === status).length;
  const reproduced = result.replays.filter((r) => r.reproduced).length;
  const items = [
    `${count('holds')} hold`,
    count('no counterexample') > 0 ? `${count('no counterexample')} ${count('no counterexample') === 1 ? 'conjecture' : 'conjectures'} without a counterexample` : '',
    count('violated') > 0 ? `<span class="bad">${count('violated')} violated</span>` : '0 violated',
    count('error') > 0 ? `<span class="bad">${count('error')} errors</span>` : '',
    count('falsified') > 0 ? `${count('falsified')} ${count('falsified') === 1 ? 'conjecture' : 'conjectures'} falsified` : '',
    count('inconclusive') > 0 ? `${count('inconclusive')} inconclusive` : '',
    result.replays.length > 0 ? `${reproduced}/${result.replays.length} counterexample files reproduced` : '',
  ].filter((s) => s !== '');
  return `<p class="summary">${items.join(' · ')}</p>`;
}

function verdictTable(ctx: PageContext): string {
  const classWide = classWideResults(ctx.result.replays);
  const rows = ctx.result.checks.map((c) => {
    const card = ctx.cards.find((k) => k.id === c.id)!;
    return `<tr>
<td><a href="#card-${esc(c.id)}">${esc(c.id)}</a></td>
<td>${esc(card.title)}</td>
<td class="status ${statusClass(c.status)}"${c.status === 'no counterexample' ? ` title="${esc(survivalText(c))}"` : ''}>${c.status}</td>
<td class="num">${c.cases}</td>
<td class="num">${searchedText(c)}</td>
<td class="num"${aboveOneReason(c) ? ` title="${esc(aboveOneReason(c)!)}"` : ''}>${esc(worstText(c))}${c.worst ? ` <span class="at">at ${c.worst.at}</span>` : ''}</td>
<td class="num">${levelsText(c)}</td>
<td class="num">${esc(tightnessInterval(c, classWide))}</td>
</tr>`;
  });
  return `<div class="scroll"><table>
<thead><tr><th>ID</th><th>claim</th><th>status</th><th>cases</th><th>searched</th><th>worst ratio</th><th>${LEVELS_HEADER}</th><th>tightness</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`;
}

const LEGEND = [
  '<b>worst ratio</b>: the largest observed/bound over the cases (1 means the bound is attained); for stochastic cards the case whose one-sided lower confidence bound comes closest, as mean/bound (&gt;= lower bound/bound); for a conjecture about a limit, the measure at 16T over 3/4 of the measure at 4T.',
  '<b>levels</b>: how each case was decided: certified (interval arithmetic), verified (decimal at p and 2p digits agree), float (float64 with a clear margin), statistical (' +
    esc(CONFIDENCE_METHOD) +
    ', 99% familywise per card), undecided.',
  '<b>tightness</b>: [the largest fraction of the stated constant a lower-bound construction, or a certified worst case over the whole class (<i>class, T &lt;= N</i>), reaches, the stated constant]; the constant a bound really needs lies in it.',
].join('<br>');

function replaySection(replays: readonly ReplayResult[]): string {
  const rows = replays.map(
    (r) => `<tr><td><code>${esc(r.file)}</code></td><td class="status ${r.reproduced ? 'holds' : 'violated'}">${r.reproduced ? 'reproduced' : 'not reproduced'}</td><td>${esc(replayText(r))}</td></tr>`,
  );
  return `<section id="replays">
<h2>Counterexample files</h2>
<p>Every file of the store, rerun from its exact spec (<code>npx samcheck replay FILE</code>).</p>
<table>
<thead><tr><th>file</th><th>replay</th><th>what was compared</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`;
}

function cardSection(c: CheckedCard, card: Card, figure: Figure | undefined): string {
  const found = c.counterexample;
  const shown = shownCase(c);
  return `<article id="card-${esc(c.id)}">
<h3>${esc(c.id)} <span class="status ${statusClass(c.status)}">${c.status}</span></h3>
<p>${esc(card.title)}</p>
<p class="claim"><code>${esc(card.claim)}</code></p>
<p class="meta">Source: ${esc(card.source)}. Class: ${esc(card.requires)}; method: ${esc(card.algorithm)}. Tightness: ${esc(card.tightness)}</p>
<p>${c.cases} ${c.cases === 1 ? 'case' : 'cases'} (seed ${c.seed}), ${c.seconds} s; worst ratio ${esc(worstText(c))}${c.worst ? ` at ${c.worst.at} (${c.worst.level})` : ''}.${aboveOneReason(c) ? ` * ${esc(aboveOneReason(c)!)}.` : ''}${
    found ? ` Counterexample (${esc(found.level)}, ratio ${esc(found.ratio)})${found.file ? `: <code>${esc(found.file)}</code>, replay with <code>${esc(replayCommandFor(found.file, c.id))}</code>` : ''}.` : ''
  }${c.error ? ` Error: ${esc(c.error)}` : ''}</p>
<p class="meta">${esc(capitalized(searchText(c)))}.</p>
${figureHtml(figure, figureCaption(card, found !== undefined))}
${shown ? `<details><summary>${found ? 'counterexample' : 'worst case'}: ${esc(describeRun(shown))}</summary><pre>${esc(JSON.stringify(shown, null, 2))}</pre></details>` : ''}
</article>`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function figureCaption(card: Card, counterexample: boolean): string {
  const which = counterexample ? 'the counterexample' : 'the worst case found';
  switch (card.scope) {
    case 'step':
      return `The lemma's two sides along 200 SAM steps from ${which} (float64); step 0 is the case itself.`;
    case 'run':
      return `The measure of ${which} against the horizon, with the bound (dashed), float64.`;
    case 'stochastic':
      return `The mean over the case's paths with its ${BAND_LEVEL * 100}% band (pointwise, two-sided Student-t), and the bound (dashed), float64.`;
    case 'limit':
      return `The measure at log-spaced horizons up to 16T, each run with its own step size${counterexample ? '; it does not tend to 0' : ''} (float64; stochastic: mean with ${BAND_LEVEL * 100}% band).`;
  }
}

function constructionSection(constructions: readonly ConstructionCase[], figures: readonly Figure[]): string {
  const parts = constructions.map((c) => {
    const key = constructionKey(c);
    return `<article id="construction-${esc(key)}">
<h3>${esc(key)}</h3>
<p>${esc(c.title)}</p>
<p class="meta">Reaches ${c.tight.map((t) => `${esc(t.card)}: ${Number(t.constant(float64).toPrecision(6))} of ${esc(t.formula)}${t.robust ? '' : ' (exact start only)'}`).join('; ')}.</p>
${figureHtml(figures.find((f) => f.id === key), 'The run (solid) and the values THEOREMS.md predicts (dotted lines).')}
</article>`;
  });
  return `<section id="constructions">
<h2>Lower-bound constructions</h2>
${parts.join('\n')}
</section>`;
}

function auditSection(audits: readonly AuditSummary[], figures: readonly Figure[]): string {
  const parts = audits.map(({ best: a, searches, evaluations }) => {
    const c = a.confidence;
    const [constructed] = a.tightness;
    return `<article id="audit-${esc(auditKey(a))}">
<h3>Audit of ${esc(a.id)}${a.constant ? `, constant ${esc(a.constant)}` : ''}</h3>
${searches > 1 ? `<p>The best of ${searches} searches, ${evaluations} evaluations in all${a.shard ? `: shard ${a.shard.index}/${a.shard.count}'s, whose seed ${a.seed} is derived from --seed ${a.shard.baseSeed}` : ''}.</p>\n` : ''}<p>${a.constant ? `The most demanding case needs ${esc(showRatio(String(a.bestRatio)))} of the stated ${esc(a.constant)}` : `Best ratio ${esc(showRatio(String(a.bestRatio)))}`} (${esc(a.level)}${c ? `; mean ${esc(c.mean)}, lower confidence bound ${esc(c.lower)}, bound ${esc(c.bound)} on ${c.paths} fresh paths` : ''}), after ${a.evaluations} evaluations in ${a.seconds} s (budget ${a.budgetSeconds === null ? `${a.evaluations} evaluations` : `${a.budgetSeconds} s`}, seed ${a.seed}); the float64 search saw ${esc(showRatio(String(a.searchRatio)))}. ${
      a.holds === false ? '<span class="bad">The best case violates the card.</span>' : a.holds === null ? 'Undecided on the best case.' : 'The card holds on it.'
    } Tightness: [${constructed === null ? 'no construction' : Number(constructed.toPrecision(6))}, 1].${a.counterexample ? ` Counterexample: <code>${esc(a.counterexample)}</code>.` : ''}</p>
${figureHtml(figures.find((f) => f.id === auditKey(a)), 'The best observed/bound found so far against the evaluations (sampling, then local search), with the stated constant and the best construction (dotted).')}
<details><summary>best instance: ${esc(describeRun(a.instance))}</summary><pre>${esc(JSON.stringify(a.instance, null, 2))}</pre></details>
</article>`;
  });
  return `<section id="audits">
<h2>Audits</h2>
<p>Searches for the case closest to each bound (<code>npx samcheck audit ID --budget 60s</code>): fast-check sampling, local search over the continuous parameters, then the best cases confirmed in full.</p>
${parts.join('\n')}
</section>`;
}

/** The certified worst cases over whole classes (the store's interpolated files), per card, with a chart against T. */
function classWideSection(results: readonly ClassWideResult[], figures: readonly Figure[]): string {
  if (results.length === 0) return '';
  const rows = results.map(
    (r) => `<tr><td>${esc(r.card)}</td><td>${r.constant === null ? 'observed/bound' : `fraction of ${esc(r.constant)} needed`}</td><td class="num">${esc(showDigits(String(r.value), 8))}</td><td>${esc(r.instance)}</td><td><code>${esc(r.file)}</code></td></tr>`,
  );
  const charts = figures.map((f) => figureHtml(f, 'The certified lower bound on the worst case over the whole class at each horizon T, against the stated constant and the best fraction a construction reaches (dotted).'));
  return `<section id="class-wide">
<h2>Worst cases over the whole class</h2>
<p>Certified lower bounds over every function of a card's class, not only the suite's families (<code>npx samcheck audit ID --class --steps T</code>): the data of SAM's run on a member of the class, found by maximizing over everything the class's interpolation conditions allow, and proven in interval arithmetic. Each is a file of the store that <code>samcheck replay</code> certifies again.</p>
<div class="scroll"><table>
<thead><tr><th>card</th><th>value</th><th>certified &gt;=</th><th>instance</th><th>file</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>
${charts.join('\n')}
</section>`;
}

function figureHtml(figure: Figure | undefined, caption: string): string {
  if (figure === undefined) return '';
  if (figure.svg === null) return `<p class="note">No chart: ${esc(figure.note ?? '')}</p>`;
  return `<figure>${figure.svg}<figcaption>${esc(caption)}</figcaption></figure>`;
}

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1100px; padding: 1rem 1.5rem 4rem; color: #1b1b1b; line-height: 1.45; }
h1 { margin-bottom: .2rem; } h2 { border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2.5rem; }
h3 { margin-bottom: .3rem; } article { margin: 1.5rem 0 2.5rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
.scroll { overflow-x: auto; } /* a wide table scrolls inside its box on a narrow page */
th, td { border-bottom: 1px solid #e3e3e3; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f4f4f4; } td.num { text-align: right; white-space: nowrap; }
.status { font-weight: 600; white-space: nowrap; } .holds { color: #1a7f37; } .violated, .error, .bad { color: #c62828; }
.falsified { color: #8250df; } .inconclusive, .no-counterexample { color: #9a6700; }
.meta, .legend, figcaption, .at { color: #555; font-size: .85rem; } .summary { font-size: 1.05rem; font-weight: 600; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; font-size: .85rem; }
.claim code { background: #f6f8fa; padding: .15rem .3rem; border-radius: 3px; }
pre { background: #f6f8fa; padding: .6rem; overflow-x: auto; }
figure { margin: .8rem 0; } figure svg { max-width: 100%; height: auto; }
`;

/** A status as a CSS class ("no counterexample" -> "no-counterexample"). */
function statusClass(status: string): string {
  return status.replace(/ /g, '-');
}
