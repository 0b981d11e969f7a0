/**
 * The report of one Monte Carlo (`negsim report`): the outcome probabilities, each party's attendance and
 * withdrawal, survival and withdrawal hazard over the rounds, the ceasefire's fate, the deal when there is
 * one, and the scenario with its evidence — each chart followed by the table of its numbers. It is made
 * from the same Summary that `negsim run --json` prints (every number cell carries its JSON path and
 * value; tables.ts), and from the Scenario that ran, for the scenario's description.
 *
 * @example
 * const html = await runReportHtml(scenario, summary)
 * // '<!doctype html>...<h1>Geneva II, Montreux, 22 January 2014</h1>...<figure class="chart" ... data-chart="outcomes">...'
 */
import type { Scenario } from '../../scenario/types.js';
import type { Summary } from '../../stats/summary.js';
import type { OutcomeName } from '../../sim/run-record.js';
import { overridesText, scenarioWord, setArgs } from '../command-line.js';
import { escapeHtml } from './escape.js';
import { dataNumber, interval, percent, plain } from './format.js';
import { facts, figure, htmlPage, keyFigures } from './page.js';
import { renderSvg } from './render-svg.js';
import type { Explanation } from '../../stats/explanation.js';
import { explainSection } from './explain-section.js';
import { scenarioSection } from './scenario-section.js';
import {
  breakerName, ceasefireRoundSpec, FATE_LABELS, hazardSpec, measureSpec, OUTCOME_COLORS, OUTCOME_LABELS, outcomeSpec, partySpec,
  survivalSpec,
} from './specs.js';
import { estimateCell, numberCell, rowHead, table } from './tables.js';

/** What was run and how to run it again: the facts every negsim output carries. */
export function runFacts(x: {
  file: string; hash: string; seed: number; runs: number; negsim: string; rng: string; overrides?: Record<string, unknown>; command: string;
}): string {
  const rows: [string, string][] = [
    ['Runs', x.runs.toLocaleString('en-US')],
    ['Seed', String(x.seed)],
    ['negsim', escapeHtml(x.negsim)],
    ['Generator', `${escapeHtml(x.rng)}; run r of seed s seeded from (s, r) alone`],
    ['Scenario file', `<code>${escapeHtml(x.file)}</code>`],
    ['sha256', `<code>${escapeHtml(x.hash)}</code>`],
  ];
  if (x.overrides) rows.push(['Changed with --set', escapeHtml(overridesText(x.overrides))]);
  rows.push(['Intervals', '95% Wilson score intervals (Wilson 1927) for every share of runs']);
  rows.push(['Run it again', `<code>${escapeHtml(x.command)}</code> (in the scenario's folder)`]);
  return facts(rows);
}

/** `explanation`: what drives the forecast (negsim report --explain), shown before the scenario. */
export async function runReportHtml(scenario: Scenario, s: Summary, explanation?: Explanation): Promise<string> {
  const b: string[] = [];
  const sc = s.scenario;
  const src = scenario.source;
  const outcomes = Object.keys(s.outcomes) as OutcomeName[];
  const parties = Object.entries(s.actors).filter(([, a]) => a.attend && a.withdraw);

  // ---- header
  b.push(`<header>\n<h1>${escapeHtml(sc.title)}</h1>`);
  const sub = [`Negotiation forecast by negsim from ${s.runs.toLocaleString('en-US')} simulated runs`];
  if (scenario.asOf) sub.push(`as of ${escapeHtml(scenario.asOf)}`);
  if (src) sub.push(`source: ${escapeHtml(src.title)}`);
  b.push(`<p class="sub">${sub.join(' · ')}</p>`);
  b.push(keyFigures(outcomes.map((o) => [OUTCOME_LABELS[o], percent(s.outcomes[o].p), `95% interval ${interval(s.outcomes[o].lo, s.outcomes[o].hi)}`, OUTCOME_COLORS[o]])));
  b.push(runFacts({
    file: sc.file, hash: sc.hash, seed: s.seed, runs: s.runs, negsim: s.negsim, rng: s.rng, overrides: sc.overrides,
    command: `negsim report ${scenarioWord(sc.file)} --seed ${s.seed} --runs ${s.runs}${setArgs(sc.overrides)}${explanation ? ` --explain --explain-runs ${explanation.sensitivity.runs} --explain-inner ${explanation.sensitivity.inner} --explain-group ${explanation.sensitivity.grouping}` : ''}`,
  }));
  b.push('</header>');

  // ---- outcomes
  b.push('<section id="outcomes">', '<h2>How the talks end</h2>');
  b.push(figure('outcomes', 'Outcome probabilities',
    ' Share of runs ending in each outcome. Agreement needs every essential party to accept the same proposal; a withdrawal ends the talks when an essential party walks out; stalemate means no deal by the last round.',
    await renderSvg(outcomeSpec(s), 'c-outcomes'),
    table('Outcomes: share of runs [95% interval]', ['Outcome', 'Share of runs', 'Runs'], outcomes.map((o) => [
      rowHead(OUTCOME_LABELS[o], o),
      estimateCell({ path: `outcomes.${o}`, metric: o }, s.outcomes[o]),
      `<td class="num">${s.outcomes[o].count.toLocaleString('en-US')} of ${s.outcomes[o].n.toLocaleString('en-US')}</td>`,
    ]))));
  b.push('</section>');

  // ---- parties
  if (parties.length > 0) {
    b.push('<section id="parties">', '<h2>Each party: attendance and withdrawal</h2>');
    b.push(figure('parties', 'Attendance and withdrawal by party',
      ' Share of all runs in which the party attended the talks, withdrew in some round, and withdrew with one of its stated exit triggers met.',
      await renderSvg(partySpec(s), 'c-parties'),
      table('Parties: share of all runs [95% interval]', ['Party', 'Attends', 'Withdraws', 'Withdraws on an exit trigger'], parties.map(([id, a]) => [
        rowHead(a.name, id),
        estimateCell({ path: `actors.${id}.attend`, metric: 'attend', actor: id }, a.attend!),
        estimateCell({ path: `actors.${id}.withdraw`, metric: 'withdraw', actor: id }, a.withdraw!),
        estimateCell({ path: `actors.${id}.withdraw_on_exit`, metric: 'withdraw_on_exit', actor: id }, a.withdraw_on_exit!),
      ]))));
    b.push('</section>');
  }

  // ---- rounds
  if (s.rounds.length > 0) {
    const cfIds = Object.keys(s.rounds[0].ceasefire_kept);
    const partyIds = Object.keys(s.rounds[0].withdrawal_by);
    b.push('<section id="rounds">', '<h2>Round by round</h2>');
    b.push(figure('survival', 'Still talking (survival)',
      ' Share of all runs in which the talks are still going at the start of each round; the band is the 95% interval.',
      await renderSvg(survivalSpec(s), 'c-survival')));
    b.push(figure('hazard', 'Withdrawal hazard by party',
      ' Of the runs still talking at the start of a round, the share in which the party walked out in that round; bands are 95% intervals.',
      await renderSvg(hazardSpec(s), 'c-hazard')));
    const e = s.end_round;
    b.push(`<p>Talks that began ended in round <span class="num" data-path="end_round" data-metric="end_round"${[['median', e.median], ['mean', e.mean], ['n', e.n]].map(([k, v]) => ` data-${k}="${dataNumber(v as number)}"`).join('')}>${plain(e.median, 0)} (median; mean ${plain(e.mean, 2)}) of ${s.rounds.length}</span>.</p>`);
    const name = (id: string) => s.actors[id]?.name ?? id;
    b.push(table('Per round: share still talking (of all runs), withdrawals and agreements (of runs talking at the round’s start), ceasefire kept (of all runs) [95% intervals]',
      ['Round', 'Still talking', 'Withdrawal (any party)', ...partyIds.map((id) => `${escapeHtml(name(id))} withdraws`), 'Agreement', ...cfIds.map((id) => `${escapeHtml(id)} kept`)],
      s.rounds.map((r, i) => [
        `<th scope="row">${r.round}</th>`,
        estimateCell({ path: `rounds.${i}.talking`, metric: 'talking', round: r.round }, r.talking),
        estimateCell({ path: `rounds.${i}.withdrawal_hazard`, metric: 'withdrawal_hazard', round: r.round }, r.withdrawal_hazard),
        ...partyIds.map((id) => estimateCell({ path: `rounds.${i}.withdrawal_by.${id}`, metric: 'withdrawal_by', actor: id, round: r.round }, r.withdrawal_by[id])),
        estimateCell({ path: `rounds.${i}.agreement_hazard`, metric: 'agreement_hazard', round: r.round }, r.agreement_hazard),
        ...cfIds.map((id) => estimateCell({ path: `rounds.${i}.ceasefire_kept.${id}`, metric: 'ceasefire_kept', measure: id, round: r.round }, r.ceasefire_kept[id])),
      ])));
    b.push('</section>');
  }

  // ---- measures
  const measures = Object.entries(s.measures);
  if (measures.length > 0) {
    b.push('<section id="measures">', '<h2>The ceasefire and other measures</h2>');
    if (s.rounds.length > 0 && Object.keys(s.rounds[0].ceasefire_kept).length > 0) {
      b.push(figure('ceasefire', 'The ceasefire over the rounds',
        ' Share of all runs in which the ceasefire is in force and kept (no violation) in each round; bands are 95% intervals.',
        await renderSvg(ceasefireRoundSpec(s), 'c-ceasefire')));
    }
    const rows: string[][] = [];
    for (const [id, m] of measures) {
      const key = (path: string, metric: string, actor?: string) => ({ path: `measures.${id}.${path}`, metric, measure: id, actor });
      const row = (label: string, cell: string) => rows.push([rowHead(label, id), cell]);
      if (m.kind === 'ceasefire') {
        // the order of the chart (specs.ts, measureRows)
        row('accepted', estimateCell(key('accepted', 'accepted'), m.accepted));
        row(FATE_LABELS.held, estimateCell(key('fate.held', 'fate.held'), m.fate.held));
        row(FATE_LABELS.broken, estimateCell(key('fate.broken', 'fate.broken'), m.fate.broken));
        for (const [who, e] of Object.entries(m.broken_by)) {
          row(`… over violations by ${breakerName(s, who)}`, estimateCell(key(`broken_by.${who}`, 'broken_by', who === 'both' ? undefined : who), e));
        }
        row(FATE_LABELS.rejected, estimateCell(key('fate.rejected', 'fate.rejected'), m.fate.rejected));
        row(FATE_LABELS.not_offered, estimateCell(key('fate.not_offered', 'fate.not_offered'), m.fate.not_offered));
        const k = m.rounds_kept;
        row('rounds kept when accepted (mean)', numberCell(key('rounds_kept', 'rounds_kept'), { mean: k.mean, lo: k.lo, hi: k.hi, sd: k.sd, n: k.n },
          `${plain(k.mean, 2)}<span class="ci">${plain(k.lo, 2)}–${plain(k.hi, 2)}</span>`));
      } else {
        row('carried out', estimateCell(key('carried_out', 'carried_out'), m.carried_out));
      }
    }
    b.push(figure('measures', 'How the measures ended',
      ' Share of all runs: whether the ceasefire was accepted, held to the end of the talks or was called off (and over whose violations, as the other side saw them), and whether each exchange was carried out.',
      await renderSvg(measureSpec(s), 'c-measures'),
      table('Measures: share of all runs [95% interval]', ['Measure', 'Share of runs'], rows)));
    b.push('</section>');
  }

  // ---- the deal
  const deals = Object.entries(s.deal);
  if (s.outcomes.agreement.count > 0 && deals.length > 0) {
    b.push('<section id="deal">', '<h2>The deal, when there is one</h2>');
    b.push(`<p>Where the ${s.outcomes.agreement.count.toLocaleString('en-US')} agreements settled on each issue (0–100 scales; the scenario section says what each end means).</p>`);
    b.push(table('The deal on each issue, over runs ending in agreement', ['Issue', 'Mean [95% interval of the mean]', 'Median', '5%–95% of deals'], deals.map(([issue, d]) => [
      rowHead(scenario.issues.find((i) => i.id === issue)?.name ?? issue, issue),
      numberCell({ path: `deal.${issue}`, metric: 'deal' }, { mean: d.mean, lo: d.lo, hi: d.hi, sd: d.sd, n: d.n, median: d.median, q05: d.q05, q95: d.q95 },
        `${plain(d.mean, 1)}<span class="ci">${plain(d.lo, 1)}–${plain(d.hi, 1)}</span>`),
      `<td class="num">${plain(d.median, 1)}</td>`,
      `<td class="num">${plain(d.q05, 1)}–${plain(d.q95, 1)}</td>`,
    ])));
    b.push('</section>');
  }

  if (explanation) b.push(await explainSection(explanation));
  b.push(scenarioSection(scenario));
  b.push(`<footer>Made by negsim ${escapeHtml(s.negsim)} from seed ${s.seed} and ${s.runs.toLocaleString('en-US')} runs of <code>${escapeHtml(sc.file)}</code> (sha256 ${escapeHtml(sc.hash.slice(0, 12))}). The same command, seed and scenario give the same numbers on any machine and any number of workers. The numbers are those of <code>negsim run --json</code> with the same flags.</footer>`);
  return htmlPage({ title: `${sc.title} — negsim report`, body: b.join('\n'), generator: `negsim ${s.negsim}` });
}
