/**
 * The report of `negsim explain --report F`: what a forecast hinges on (explain-section.ts), headed by
 * what was run and how to run it again, followed by the scenario with every quotation
 * (scenario-section.ts). Made from the same Explanation that `negsim explain --json` prints.
 *
 * @example
 * await explainReportHtml(explanation, scenario)
 * // '<!doctype html>...<h1>Geneva II, Montreux, 22 January 2014: what drives the forecast</h1>...'
 */
import type { Scenario } from '../../scenario/types.js';
import type { Explanation } from '../../stats/explanation.js';
import { overridesText, scenarioWord, setArgs } from '../command-line.js';
import { escapeHtml } from './escape.js';
import { explainSection } from './explain-section.js';
import { facts, htmlPage } from './page.js';
import { scenarioSection } from './scenario-section.js';

export async function explainReportHtml(e: Explanation, scenario: Scenario): Promise<string> {
  const s = e.scenario, sv = e.sensitivity;
  const b: string[] = [];
  b.push(`<header>\n<h1>${escapeHtml(s.title)}: what drives the forecast</h1>`);
  const sub = ['Sensitivity of each outcome to the scenario’s uncertain inputs, and each preference switched off, by negsim'];
  if (scenario.asOf) sub.push(`as of ${escapeHtml(scenario.asOf)}`);
  if (scenario.source) sub.push(`source: ${escapeHtml(scenario.source.title)}`);
  b.push(`<p class="sub">${sub.join(' · ')}</p>`);
  const cf = e.counterfactual ? ` --cf-runs ${e.counterfactual.runs}` : ' --cf-runs 0';
  const rows: [string, string][] = [
    ['Seed', String(e.seed)],
    ['Runs', `${sv.model_runs.toLocaleString('en-US')} for the sensitivity design${e.counterfactual ? `, ${e.counterfactual.runs.toLocaleString('en-US')} for the scenario and each counterfactual` : ''}`],
    ['negsim', escapeHtml(e.negsim)],
    ['Generator', `${escapeHtml(e.rng)}; run r of seed s seeded from (s, r) alone, design row j from (s, j)`],
    ['Scenario file', `<code>${escapeHtml(s.file)}</code>, sha256 <code>${escapeHtml(s.hash)}</code>`],
  ];
  if (s.overrides) rows.push(['Changed with --set', escapeHtml(overridesText(s.overrides))]);
  rows.push(['Run it again', `<code>${escapeHtml(`negsim explain ${scenarioWord(s.file)} --seed ${e.seed} --runs ${sv.runs} --inner ${sv.inner}${cf} --group ${sv.grouping}${setArgs(s.overrides)} --report FILE`)}</code> (in the scenario's folder)`]);
  b.push(facts(rows), '</header>');
  b.push(await explainSection(e));
  b.push(scenarioSection(scenario));
  b.push(`<footer>Made by negsim ${escapeHtml(e.negsim)} from seed ${e.seed} of <code>${escapeHtml(s.file)}</code> (sha256 ${escapeHtml(s.hash.slice(0, 12))}). The same command, seed and scenario give the same numbers on any machine and any number of workers; they are those of <code>negsim explain --json</code> with the same flags.</footer>`);
  return htmlPage({ title: `${s.title} — what drives the forecast — negsim`, body: b.join('\n'), generator: `negsim ${e.negsim}` });
}
