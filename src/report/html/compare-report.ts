/**
 * The report of `negsim compare --report F`: one scenario under several seeds (each seed's outcome
 * probabilities against the pooled estimate, the homogeneity test and its verdict), or several scenarios
 * side by side (their outcome probabilities, and each one's paired difference from the first with its 95%
 * Newcombe interval). Made from the same SeedComparison / ScenarioComparison that `compare --json`
 * prints; every number cell carries its JSON path and value (tables.ts).
 *
 * @example
 * await compareReportHtml(comparison, [scenario])
 * // '<!doctype html>...<h1>Geneva II, Montreux, 22 January 2014: 5 seeds compared</h1>...'
 */
import type { OutcomeName } from '../../sim/run-record.js';
import type { Scenario } from '../../scenario/types.js';
import { isOutcomeDifference, type ScenarioComparison, type SeedComparison } from '../../stats/comparison.js';
import { escapeHtml } from './escape.js';
import { plain, points } from './format.js';
import { facts, figure, htmlPage } from './page.js';
import { renderSvg } from './render-svg.js';
import { overridesText, scenarioWord, setArgs } from '../command-line.js';
import { scenarioSection } from './scenario-section.js';
import { differenceSpec, OUTCOME_LABELS, scenarioSpec, seedSpec } from './specs.js';
import { estimateCell, numberCell, rowHead, table } from './tables.js';

const letter = (i: number) => String.fromCharCode(65 + (i % 26));

/** `scenarios`: the scenarios that ran, in the comparison's order (one for seeds). */
export async function compareReportHtml(c: SeedComparison | ScenarioComparison, scenarios: readonly Scenario[]): Promise<string> {
  return c.kind === 'seeds' ? seedsPage(c, scenarios[0]) : scenariosPage(c, scenarios);
}

async function seedsPage(c: SeedComparison, scenario: Scenario): Promise<string> {
  const b: string[] = [];
  const outcomes = Object.keys(c.homogeneity) as OutcomeName[];
  const seeds = c.seeds.map((s) => s.seed);
  b.push(`<header>\n<h1>${escapeHtml(scenario.title)}: ${seeds.length} seeds compared</h1>`);
  b.push(`<p class="sub">The same scenario run under ${seeds.length} master seeds, ${c.runs.toLocaleString('en-US')} runs each: do they differ by more than Monte Carlo error?</p>`);
  b.push(`<p><strong>${c.agree ? 'Verdict: the seeds agree.' : 'Verdict: the seeds disagree.'}</strong> ${escapeHtml(c.verdict)}</p>`);
  const rows: [string, string][] = [
    ['Seeds', escapeHtml(seeds.join(', '))],
    ['Runs per seed', c.runs.toLocaleString('en-US')],
    ['negsim', escapeHtml(c.negsim)],
    ['Generator', escapeHtml(c.rng)],
    ['Scenario file', `<code>${escapeHtml(c.scenario.file)}</code>, sha256 <code>${escapeHtml(c.scenario.hash)}</code>`],
  ];
  if (c.scenario.overrides) rows.push(['Changed with --set', escapeHtml(overridesText(c.scenario.overrides))]);
  rows.push(['Run it again', `<code>${escapeHtml(`negsim compare ${scenarioWord(c.scenario.file)} --seeds ${seeds.join(',')} --runs ${c.runs}${setArgs(c.scenario.overrides)} --report FILE`)}</code> (in the scenario's folder)`]);
  b.push(facts(rows), '</header>');

  b.push('<section id="seeds">', '<h2>Each seed’s estimates</h2>');
  b.push(figure('seeds', 'Outcome probabilities by seed',
    ' Each dot is one seed’s estimate with its 95% Wilson interval; the dashed line and grey band are the estimate pooled over all seeds and its 95% interval. Seeds should scatter around it by chance alone.',
    await renderSvg(seedSpec(c), 'c-seeds'),
    table('Share of runs by seed [95% interval]', ['Seed', ...outcomes.map((o) => escapeHtml(OUTCOME_LABELS[o]))], c.seeds.map((s, i) => [
      `<th scope="row">${s.seed}</th>`,
      ...outcomes.map((o) => estimateCell({ path: `seeds.${i}.outcomes.${o}`, metric: o }, s.outcomes[o])),
    ]))));
  b.push(table('Pooled over all seeds, and the homogeneity test (chi-square, seeds x {outcome, other})',
    ['Outcome', 'Pooled [95% interval]', 'Spread across seeds (sd)', 'Spread Monte Carlo error predicts (sd)', 'Chi-square (df)', 'p-value'],
    outcomes.map((o) => {
      const h = c.homogeneity[o];
      return [
        rowHead(OUTCOME_LABELS[o], o),
        estimateCell({ path: `homogeneity.${o}.pooled`, metric: o }, h.pooled),
        numberCell({ path: `homogeneity.${o}`, metric: 'sd_across' }, { sd_across: h.sd_across }, `${plain(100 * h.sd_across, 2)} pp`),
        numberCell({ path: `homogeneity.${o}`, metric: 'sd_expected' }, { sd_expected: h.sd_expected }, `${plain(100 * h.sd_expected, 2)} pp`),
        numberCell({ path: `homogeneity.${o}`, metric: 'chi_square' }, { chi_square: h.chi_square, df: h.df }, `${plain(h.chi_square, 2)} (${h.df})`),
        numberCell({ path: `homogeneity.${o}`, metric: 'p_value' }, { p_value: h.p_value }, plain(h.p_value, 3)),
      ];
    })));
  b.push('</section>');
  b.push(scenarioSection(scenario));
  b.push(footer(c.negsim));
  return htmlPage({ title: `${scenario.title}: seeds compared — negsim report`, body: b.join('\n'), generator: `negsim ${c.negsim}` });
}

async function scenariosPage(c: ScenarioComparison, scenarios: readonly Scenario[]): Promise<string> {
  const b: string[] = [];
  const outcomes = Object.keys(c.scenarios[0].outcomes) as OutcomeName[];
  const base = c.scenarios[0];
  const flagged = c.differences.filter((d) => d.flagged).length;
  b.push(`<header>\n<h1>${c.scenarios.length} scenarios compared</h1>`);
  b.push(`<p class="sub">Every scenario run with seed ${c.seed} and ${c.runs.toLocaleString('en-US')} runs; run r of one scenario is paired with run r of the other (common random numbers), so differences are measured run by run.</p>`);
  b.push(`<p><strong>${flagged} of ${c.differences.length} differences</strong> from ${escapeHtml(base.label)} have a 95% interval that excludes zero.</p>`);
  const rows: [string, string][] = c.scenarios.map((s, i) => [
    `${letter(i)}${i === 0 ? ' (baseline)' : ''}`,
    `${escapeHtml(s.label)}: <code>${escapeHtml(s.file)}</code>, sha256 <code>${escapeHtml(s.hash.slice(0, 12))}</code>${s.overrides ? `, with --set ${escapeHtml(overridesText(s.overrides))}` : ''}`,
  ]);
  rows.push(['Seed', String(c.seed)], ['Runs each', c.runs.toLocaleString('en-US')], ['negsim', escapeHtml(c.negsim)], ['Generator', escapeHtml(c.rng)], ['Differences', escapeHtml(c.interval)]);
  b.push(facts(rows), '</header>');

  b.push('<section id="scenarios">', '<h2>Side by side</h2>');
  b.push(figure('scenarios', 'Outcome probabilities by scenario',
    ' Share of runs ending in each outcome, with 95% Wilson intervals.',
    await renderSvg(scenarioSpec(c), 'c-scenarios'),
    table('Share of runs by scenario [95% interval]', ['Outcome', ...c.scenarios.map((s, i) => `${letter(i)}: ${escapeHtml(s.label)}`)], outcomes.map((o) => [
      rowHead(OUTCOME_LABELS[o], o),
      ...c.scenarios.map((s, i) => estimateCell({ path: `scenarios.${i}.outcomes.${o}`, metric: o }, s.outcomes[o])),
    ]))));
  b.push(figure('differences', `Differences from ${base.label}`,
    ' Each outcome’s probability in a scenario minus the baseline’s, in percentage points, with the 95% interval for paired proportions (Newcombe 1998); an interval that does not cross zero is a difference Monte Carlo error does not explain.',
    await renderSvg(differenceSpec(c), 'c-differences'),
    table('Differences from the baseline, percentage points [95% interval]', ['Scenario', 'Outcome', 'Difference', 'Excludes 0'], c.differences.flatMap((d, i) => !isOutcomeDifference(d) ? [] : [[
      `<td>${escapeHtml(d.scenario)}</td>`,
      `<td>${escapeHtml(OUTCOME_LABELS[d.metric as OutcomeName])}</td>`,
      numberCell({ path: `differences.${i}`, metric: d.metric }, { d: d.d, lo: d.lo, hi: d.hi, n: d.n }, `${points(d.d)}<span class="ci">${points(d.lo)} to ${points(d.hi)}</span>`),
      `<td>${d.flagged ? '<span class="flag">yes</span>' : 'no'}</td>`,
    ]]))));
  b.push('</section>');
  b.push(...eventsSection(c));
  // One description a scenario file: `compare FILE --set ...` runs the same file twice.
  const seen = new Set<string>();
  scenarios.forEach((s, i) => {
    if (seen.has(s.hash)) return;
    seen.add(s.hash);
    b.push(scenarioSection(s, `Scenario ${letter(i)}: ${s.title}`, `scenario-${letter(i).toLowerCase()}`));
  });
  b.push(footer(c.negsim));
  return htmlPage({ title: `${c.scenarios.length} scenarios compared — negsim report`, body: b.join('\n'), generator: `negsim ${c.negsim}` });
}

/** `attend gov`, `aleppo_ceasefire.accepted`: a party's or measure's event as the terminal table names it. */
const eventName = (e: { metric: string; actor: string }) => (e.actor ? `${e.metric} ${e.actor}` : e.metric);

/**
 * Each party's attendance and withdrawal and each measure's fate side by side, and every one of their
 * differences from the baseline: with the outcome table above, every difference the header counts.
 */
function eventsSection(c: ScenarioComparison): string[] {
  const names: string[] = [];
  for (const s of c.scenarios) for (const e of s.events) if (!names.includes(eventName(e))) names.push(eventName(e));
  const diffs = c.differences.map((d, i) => ({ d, i })).filter(({ d }) => !isOutcomeDifference(d));
  if (names.length === 0 && diffs.length === 0) return [];
  return [
    '<section id="events">', '<h2>Parties and measures</h2>',
    table('Share of runs by scenario [95% interval]', ['Party / measure', ...c.scenarios.map((s, i) => `${letter(i)}: ${escapeHtml(s.label)}`)], names.map((n) => [
      `<th scope="row">${escapeHtml(n)}</th>`,
      ...c.scenarios.map((s, i) => {
        const k = s.events.findIndex((e) => eventName(e) === n);
        return k < 0 ? '<td class="num"><span class="none" title="not in this scenario">–</span></td>' : estimateCell({ path: `scenarios.${i}.events.${k}`, metric: s.events[k].metric, ...(s.events[k].actor ? { actor: s.events[k].actor } : {}) }, s.events[k]);
      }),
    ])),
    table('Differences from the baseline, percentage points [95% interval]', ['Scenario', 'Party / measure', 'Difference', 'Excludes 0'], diffs.map(({ d, i }) => [
      `<td>${escapeHtml(d.scenario)}</td>`,
      `<td>${escapeHtml(eventName(d))}</td>`,
      numberCell({ path: `differences.${i}`, metric: d.metric, ...(d.actor ? { actor: d.actor } : {}) }, { d: d.d, lo: d.lo, hi: d.hi, n: d.n }, `${points(d.d)}<span class="ci">${points(d.lo)} to ${points(d.hi)}</span>`),
      `<td>${d.flagged ? '<span class="flag">yes</span>' : 'no'}</td>`,
    ])),
    '</section>',
  ];
}

function footer(version: string): string {
  return `<footer>Made by negsim ${escapeHtml(version)}. The numbers are those of <code>negsim compare --json</code> with the same flags; the same command gives the same numbers on any machine and any number of workers.</footer>`;
}
