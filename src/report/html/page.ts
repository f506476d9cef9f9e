/**
 * The report of the main job: one self-contained HTML page (inline CSS, charts as inline SVG, no
 * script, no fetch), readable offline.
 */
import { float64 } from '../../arith/float64.js';
import { replayCommandFor } from '../../theorems/catalog.js';
import type { CheckedCard } from '../../check/check-all.js';
import { CONFIDENCE_METHOD } from '../../check/statistical.js';
import type { ConstructionCase } from '../../constructions/construction.js';
import type { MainJobResult } from '../../job/main-job.js';
import type { NotRun } from '../../parallel/jobs.js';
import { casesKey, classKey, constructionKey, type Figure } from '../../job/charts.js';
import { PARAMETER_TITLES } from '../../check/case-row.js';
import type { Card } from '../../theorems/card.js';
import { replayText } from '../replay.js';
import { auditKey, type AuditSummary } from '../../audit/record.js';
import { describeRun } from '../describe.js';
import { showDigits, showRatio } from '../text.js';
import { BAND_LEVEL, GOVERNING, shownCase, SMALLEST_MARGIN } from './figures.js';
import { aboveOneReason, levelsText, LEVELS_HEADER, searchedText, searchText, survivalText, tightnessInterval, tightnessSource, worstText } from '../verdicts.js';
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
<body id="top">
<header>
<h1>samcheck report</h1>
<p>Numerical checks of Si &amp; Yun, <em>Practical Sharpness-Aware Minimization Cannot Converge All the Way to Optima</em> (NeurIPS 2023), claim by claim (IDs of THEOREMS.md).</p>
<p class="meta">Generated ${esc(ctx.generated.toISOString())} in ${result.seconds} s${ctx.shards ? ` (the shards' times added)` : ''}; seed ${result.seed}; ${result.runs ?? 'default'} cases per check; verification at ${result.precision} and ${2 * result.precision} digits; ${esc(ctx.environment)}.<br>Rerun: <code>${esc(ctx.command)}</code></p>
${ctx.shards ? shardsNote(ctx.shards) : ''}
${result.interrupted ? interruptedNote(result.interrupted) : ''}
${summary(result)}
${tableOfContents(ctx)}
</header>
<main>
<section id="verdicts">
<h2>Verdicts${TOP}</h2>
${verdictTable(ctx)}
<p class="legend">${LEGEND}</p>
</section>
${result.replays.length > 0 ? replaySection(ctx) : ''}
<section id="cards">
<h2>Cards and conjectures${TOP}</h2>
${result.checks.map((c) => cardSection(c, ctx.cards.find((card) => card.id === c.id)!, result.cardFigures.find((f) => f.id === c.id), result.caseFigures?.find((f) => f.id === casesKey(c.id)))).join('\n')}
</section>
${ctx.constructions.length > 0 ? constructionSection(ctx.constructions, result.constructionFigures) : ''}
${result.audits.length > 0 ? auditSection(result.audits, result.auditFigures) : ''}
${classWideSection(classWideResults(result.replays), result.classFigures ?? [], new Set(result.checks.map((c) => c.id)))}
</main>
</body>
</html>
`;
}

/** An interrupted job's page says so first: what it shows is what finished, and what it lacks. */
function interruptedNote(notRun: NotRun): string {
  const list = (ids: readonly string[]) => ids.map((id) => `<code>${esc(id)}</code>`).join(', ');
  const checks = notRun.checks.length === 0 ? 'every check finished' : `${notRun.checks.length} check${notRun.checks.length === 1 ? '' : 's'} not run: ${list(notRun.checks)}`;
  const files = notRun.files.length === 0 ? '' : `; ${notRun.files.length} counterexample file${notRun.files.length === 1 ? '' : 's'} not replayed: ${list(notRun.files)}`;
  return `<p class="interrupted" role="alert"><strong>Interrupted</strong> (Ctrl-C or SIGTERM): this page shows what finished, with no charts; ${checks}${files}.</p>`;
}

/** The link back to the table of contents, at the end of every section's heading. */
const TOP = ' <a class="top" href="#top" title="back to the top">↑ top</a>';

/** The sections of the page that exist, linked; under each, the IDs of its articles; and the data file. */
function tableOfContents(ctx: PageContext): string {
  const { result } = ctx;
  const link = (href: string, text: string) => `<a href="${esc(href)}">${esc(text)}</a>`;
  const section = (id: string, title: string, parts: string[] = []) => ({ href: `#${id}`, title, parts });
  const entries = [section('verdicts', 'Verdicts')];
  if (result.replays.length > 0) entries.push(section('replays', `Counterexample files (${result.replays.length})`));
  entries.push(section('cards', 'Cards and conjectures', result.checks.map((c) => link(`#card-${c.id}`, c.id))));
  if (ctx.constructions.length > 0) entries.push(section('constructions', 'Lower-bound constructions', ctx.constructions.map((c) => link(`#construction-${constructionKey(c)}`, constructionKey(c)))));
  if (result.audits.length > 0) entries.push(section('audits', 'Audits', result.audits.map(({ best }) => link(`#audit-${auditKey(best)}`, auditKey(best)))));
  const classFigures = (result.classFigures ?? []).map((f) => f.id);
  if (classWideResults(result.replays).length > 0) entries.push(section('class-wide', 'Worst cases over the whole class', classFigures.map((id) => link(`#${id}`, id.replace(/^class-/, '')))));
  // Written beside the page by the same command (cli/job-output.ts writeReport).
  entries.push({ href: 'results.json', title: 'Data: results.json, every case drawn, one row each', parts: [] });
  const items = entries.map((e) => `<li>${link(e.href, e.title)}${e.parts.length > 0 ? `<br><span class="ids">${e.parts.join(' ')}</span>` : ''}</li>`);
  return `<nav class="toc" aria-label="contents"><ul>
${items.join('\n')}
</ul></nav>`;
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
  // Each cell carries its column's name: on a narrow page the rows stack as labelled blocks.
  const cell = (label: string, html: string, attributes = '') => `<td data-label="${esc(label)}"${attributes}><span>${html}</span></td>`;
  const rows = ctx.result.checks.map((c) => {
    const card = ctx.cards.find((k) => k.id === c.id)!;
    return `<tr>
${cell('ID', `<a href="#card-${esc(c.id)}">${esc(c.id)}</a>`, ' class="id"')}
${cell('claim', esc(card.title))}
${cell('status', c.status, ` class="status ${statusClass(c.status)}"${c.status === 'no counterexample' ? ` title="${esc(survivalText(c))}"` : ''}`)}
${cell('cases', String(c.cases), ' class="num"')}
${cell('searched', searchedText(c), ' class="num"')}
${cell('worst ratio', `${esc(worstText(c)).replace(' (&gt;= ', '<br>(&gt;= ')}${c.worst ? ` <span class="at">at ${c.worst.at}</span>` : ''}`, ` class="num"${aboveOneReason(c) ? ` title="${esc(aboveOneReason(c)!)}"` : ''}`)}
${cell(LEVELS_HEADER, levelsText(c), ' class="num"')}
${cell('tightness', tightnessCell(c, ctx, classWide), ' class="num"')}
</tr>`;
  });
  return `<div class="scroll"><table class="verdicts">
<thead><tr><th>ID</th><th>claim</th><th>status</th><th>cases</th><th>searched</th><th>worst ratio</th><th>${LEVELS_HEADER.replaceAll('/', '/<wbr>')}</th><th>tightness</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`;
}

/** The tightness interval, linked to what sets its lower end (a construction's section, or the class-wide chart). */
function tightnessCell(c: CheckedCard, ctx: PageContext, classWide: readonly ClassWideResult[]): string {
  // The interval on one line, what the class adds on the next.
  const text = esc(tightnessInterval(c, classWide)).replace(' (', '<br><span class="at">(').replace(/\)$/, ')</span>');
  const source = tightnessSource(c, classWide);
  if (source === undefined) return text;
  if (source.kind === 'class') {
    const key = classKey(c.id, source.constant);
    const shown = (ctx.result.classFigures ?? []).some((f) => f.id === key && f.svg !== null);
    return `<a href="#${esc(shown ? key : 'class-wide')}" title="set by a certified worst case over the whole class">${text}</a>`;
  }
  const reach = (k: ConstructionCase) => Math.max(...k.tight.filter((t) => t.card === c.id).map((t) => t.constant(float64)));
  const shown = ctx.constructions.filter((k) => k.construction === source.name).sort((a, b) => reach(b) - reach(a))[0];
  return shown === undefined ? text : `<a href="#construction-${esc(constructionKey(shown))}" title="set by ${esc(source.name)}">${text}</a>`;
}

const LEGEND = [
  '<b>worst ratio</b>: the largest observed/bound over the cases (1 means the bound is attained); for stochastic cards the case whose one-sided lower confidence bound comes closest, as mean/bound (&gt;= lower bound/bound); for a conjecture about a limit, the measure at 16T over 3/4 of the measure at 4T.',
  '<b>levels</b>: how each case was decided: certified (interval arithmetic), verified (decimal at p and 2p digits agree), float (float64 with a clear margin), statistical (' +
    esc(CONFIDENCE_METHOD) +
    ', 99% familywise per card), undecided.',
  '<b>tightness</b>: [the largest fraction of the stated constant a lower-bound construction, or a certified worst case over the whole class (<i>class, T &lt;= N</i>), reaches, the stated constant]; the constant a bound really needs lies in it. Beside it, <i>class &gt;= v, T &lt;= N</i>: the certified worst case over the class, when a construction reaches more. The interval links to what sets its lower end.',
].join('<br>');

/**
 * The section a counterexample file speaks of, by its name (ID-hash.json, ID-class-hash.json): the
 * card's, else the construction's (its first run when several share the ID); null when the page has
 * neither.
 */
function fileClaimLink(file: string, ctx: PageContext): string | null {
  const name = (file.split('/').pop() ?? file).replace(/\.json$/, '').replace(/-[0-9a-f]{12}$/, '').replace(/-class$/, '');
  if (ctx.result.checks.some((c) => c.id === name)) return `<a href="#card-${esc(name)}">${esc(name)}</a>`;
  const construction = ctx.constructions.find((c) => c.construction === name);
  return construction === undefined ? null : `<a href="#construction-${esc(constructionKey(construction))}">${esc(name)}</a>`;
}

function replaySection(ctx: PageContext): string {
  const rows = ctx.result.replays.map(
    (r) => `<tr><td class="id">${fileClaimLink(r.file, ctx) ?? ''}</td><td><code>${esc(r.file)}</code></td><td class="status ${r.reproduced ? 'holds' : 'violated'}">${r.reproduced ? 'reproduced' : 'not reproduced'}</td><td>${esc(replayText(r))}</td></tr>`,
  );
  return `<section id="replays">
<h2>Counterexample files${TOP}</h2>
<p>Every file of the store, rerun from its exact spec (<code>npx samcheck replay FILE</code>).</p>
<div class="scroll"><table>
<thead><tr><th>claim</th><th>file</th><th>replay</th><th>what was compared</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>
</section>`;
}

function cardSection(c: CheckedCard, card: Card, figure: Figure | undefined, cases: Figure | undefined): string {
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
${figureHtml(cases, casesCaption(card), casesKey(c.id))}
${figureHtml(figure, figureCaption(card, found !== undefined))}
${shown ? `<details id="instance-${esc(c.id)}"><summary>${found ? 'counterexample' : 'worst case'}: ${esc(describeRun(shown))}</summary><pre>${esc(JSON.stringify(shown, null, 2))}</pre></details>` : ''}
</article>`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What a scatter of cases shows, and why against that parameter (figures.ts GOVERNING). */
function casesCaption(card: Card): string {
  const why = {
    step: 'the lemma compares SAM\'s ascent with the gradient it perturbs, so its sides meet where βρ is small or large against ‖∇f‖',
    run: 'the constants multiply terms in η (2Δ0/(ηT), the floors in η and ρ²)',
    stochastic: 'the constants multiply terms in η (the floors in η, ρ² and σ²)',
    limit: 'the claim is about T → ∞',
  }[card.scope];
  const statistic = card.scope === 'stochastic' ? " (for this stochastic card, the one-sided lower confidence bound's ratio: the statistic the verdict uses)" : '';
  return `Every case the sampling drew, one dot each, coloured by family, against ${PARAMETER_TITLES[GOVERNING[card.scope].parameter]}: ${why}. The ratio${statistic} is drawn as its margin 1 − ratio on a log axis when the cases approach the bound (a margin below ${SMALLEST_MARGIN} at ${SMALLEST_MARGIN}), else as it is. The large dark dot is the worst case the sampling drew: when it is the card's worst case, a click on it opens its exact instance, under "worst case" below. The targeted search's cases are not dots. Every case's numbers: results.json.`;
}

function figureCaption(card: Card, counterexample: boolean): string {
  const which = counterexample ? 'the counterexample' : 'the worst case found';
  switch (card.scope) {
    case 'step':
      return ''; // a lemma has its scatter only (job/charts.ts)
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
<h2>Lower-bound constructions${TOP}</h2>
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
<h2>Audits${TOP}</h2>
<p>Searches for the case closest to each bound (<code>npx samcheck audit ID --budget 60s</code>): fast-check sampling, local search over the continuous parameters, then the best cases confirmed in full.</p>
${parts.join('\n')}
</section>`;
}

/** The certified worst cases over whole classes (the store's interpolated files), per card, with a chart against T. */
function classWideSection(results: readonly ClassWideResult[], figures: readonly Figure[], checked: ReadonlySet<string>): string {
  if (results.length === 0) return '';
  const rows = results.map(
    (r) => `<tr><td class="id">${checked.has(r.card) ? `<a href="#card-${esc(r.card)}">${esc(r.card)}</a>` : esc(r.card)}</td><td>${r.constant === null ? 'observed/bound' : `fraction of ${esc(r.constant)} needed`}</td><td class="num">${esc(showDigits(String(r.value), 8))}</td><td>${esc(r.instance)}</td><td><code>${esc(r.file)}</code></td></tr>`,
  );
  const charts = figures.map((f) => figureHtml(f, 'The certified lower bound on the worst case over the whole class at each horizon T, against the stated constant and the best fraction a construction reaches (dotted).', f.id));
  return `<section id="class-wide">
<h2>Worst cases over the whole class${TOP}</h2>
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

/** A chart with its caption; `id` makes it a link target (a chart that is its own section's only anchor). */
function figureHtml(figure: Figure | undefined, caption: string, id?: string): string {
  if (figure === undefined) return '';
  const anchor = id === undefined ? '' : ` id="${esc(id)}"`;
  if (figure.svg === null) return `<p class="note"${anchor}>No chart: ${esc(figure.note ?? '')}</p>`;
  // The data drawn, downloadable from the page itself (a data: link: still offline).
  const data = figure.csv === undefined ? '' : ` <a class="data" download="${esc(figure.id)}.csv" href="data:text/csv;charset=utf-8,${esc(encodeURIComponent(figure.csv))}">data (CSV)</a>`;
  return `<figure${anchor}>${figure.svg}<figcaption>${esc(caption)}${data}</figcaption></figure>`;
}

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1200px; padding: 1rem 1.5rem 4rem; color: #1b1b1b; line-height: 1.45; }
h1 { margin-bottom: .2rem; } h2 { border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2.5rem; }
h3 { margin-bottom: .3rem; } article { margin: 1.5rem 0 2.5rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
.scroll { overflow-x: auto; } /* a wide table scrolls inside its box on a narrow page */
th, td { border-bottom: 1px solid #e3e3e3; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f4f4f4; } td.num { text-align: right; white-space: nowrap; }
.status { font-weight: 600; white-space: nowrap; } .holds { color: #1a7f37; } .violated, .error, .bad { color: #c62828; }
.falsified { color: #8250df; } .inconclusive, .no-counterexample { color: #9a6700; }
.meta, .legend, figcaption, .at { color: #555; font-size: .85rem; } .summary { font-size: 1.05rem; font-weight: 600; }
.interrupted { border-left: 4px solid #b00; padding: .3rem .6rem; background: #fff4f4; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; font-size: .85rem; }
.claim code { background: #f6f8fa; padding: .15rem .3rem; border-radius: 3px; }
pre { background: #f6f8fa; padding: .6rem; overflow-x: auto; }
figure { margin: .8rem 0; } figure svg { max-width: 100%; height: auto; }
nav.toc { background: #f6f8fa; border: 1px solid #e3e3e3; border-radius: 4px; padding: .4rem 1rem; margin-top: 1rem; font-size: .9rem; }
nav.toc ul { margin: .2rem 0; padding-left: 1.1rem; } nav.toc li { margin: .25rem 0; } nav.toc .ids a { margin-right: .5rem; white-space: nowrap; font-size: .85rem; }
h2 a.top { font-size: .75rem; font-weight: normal; margin-left: .6rem; color: #555; text-decoration: none; }
td.id { white-space: nowrap; } table.verdicts td:nth-child(2) { min-width: 10rem; }
/* A narrow page (a phone, a split screen): the verdict table's rows stack as labelled blocks, the
   other tables wrap their cells; nothing is cut off. */
@media (max-width: 760px) {
  body { padding: .5rem .6rem 3rem; }
  table { font-size: .85rem; } th, td { padding: .25rem .3rem; } td.num, .status { white-space: normal; }
  table.verdicts thead { display: none; }
  table.verdicts tr { display: block; border-bottom: 2px solid #ccc; padding: .3rem 0; }
  table.verdicts td { display: flex; justify-content: space-between; gap: 1rem; border: 0; text-align: right; min-width: 0; }
  table.verdicts td:nth-child(2) { min-width: 0; }
  table.verdicts td::before { content: attr(data-label); font-weight: 600; color: #555; text-align: left; white-space: nowrap; }
}
`;

/** A status as a CSS class ("no counterexample" -> "no-counterexample"). */
function statusClass(status: string): string {
  return status.replace(/ /g, '-');
}
