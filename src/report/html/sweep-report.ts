/**
 * The report of `negsim sweep --report F`: each headline metric (the four outcomes, each party's
 * attendance and withdrawal, each measure) against the varied value, with its 95% interval as a band; with
 * two or more varied values, a line for each combination of the others. Made from the same SweepResult
 * that `sweep --json` prints; every number cell carries its JSON path and value (tables.ts).
 *
 * @example
 * await sweepReportHtml(result, scenario)
 * // '<!doctype html>...<h1>Geneva II, Montreux, 22 January 2014: a sweep over actors.russia.pressure.0.strength</h1>...'
 */
import type { Scenario } from '../../scenario/types.js';
import type { SweepResult } from '../../stats/sweep-summary.js';
import { escapeHtml } from './escape.js';
import { plain } from './format.js';
import { facts, figure, htmlPage } from './page.js';
import { renderSvg } from './render-svg.js';
import { overridesText, scenarioWord, setArgs, shellQuote } from '../command-line.js';
import { scenarioSection } from './scenario-section.js';
import { sweepMetrics, sweepSpec } from './specs.js';
import { estimateCell, rowHead, table } from './tables.js';

/** Grid points a table: eight columns of estimates and the metric's name fit an A4 page. */
export const POINTS_PER_TABLE = 8;

/** `scenario`: the file swept, with the fixed `--set`s applied (the varied values at their file values). */
export async function sweepReportHtml(r: SweepResult, scenario: Scenario): Promise<string> {
  const b: string[] = [];
  const paths = r.vary.map((v) => v.path);
  const metrics = sweepMetrics(r);
  const varyArgs = r.vary.map((v) => ` --vary ${shellQuote(`${v.path}=${v.from}:${v.to}:${v.step}`)}`).join('');
  b.push(`<header>\n<h1>${escapeHtml(r.scenario.title)}: a sweep over ${escapeHtml(paths.join(' and '))}</h1>`);
  b.push(`<p class="sub">${r.points.length} grid points, each run ${r.runs.toLocaleString('en-US')} times with the same seed (common random numbers), so differences between points are the parameter’s doing, not the draw’s.</p>`);
  const rows: [string, string][] = r.vary.map((v) => [
    'Varied',
    `<code>${escapeHtml(v.path)}</code> from ${plain(v.from, 6)} to ${plain(v.to, 6)} in steps of ${plain(v.step, 6)} (${v.values.length} values)`,
  ]);
  rows.push(['Runs per point', r.runs.toLocaleString('en-US')], ['Seed', String(r.seed)], ['negsim', escapeHtml(r.negsim)], ['Generator', escapeHtml(r.rng)]);
  rows.push(['Scenario file', `<code>${escapeHtml(r.scenario.file)}</code>, sha256 <code>${escapeHtml(r.scenario.hash)}</code>`]);
  if (r.scenario.overrides) rows.push(['Held with --set', escapeHtml(overridesText(r.scenario.overrides))]);
  rows.push(['Run it again', `<code>${escapeHtml(`negsim sweep ${scenarioWord(r.scenario.file)}${varyArgs}${setArgs(r.scenario.overrides)} --runs ${r.runs} --seed ${r.seed} --report FILE`)}</code> (in the scenario's folder)`]);
  b.push(facts(rows), '</header>');

  b.push('<section id="sweep">', '<h2>How the forecast moves</h2>');
  b.push(figure('sweep', `Each metric against ${paths[0]}`,
    ` Share of runs at each grid point; the band is the 95% Wilson interval.${paths.length > 1 ? ` One line for each value of ${paths.slice(1).join(', ')}.` : ''}`,
    await renderSvg(sweepSpec(r), 'c-sweep')));
  // A column a grid point and a row a metric, POINTS_PER_TABLE points a table, so that it fits a page.
  for (let first = 0; first < r.points.length; first += POINTS_PER_TABLE) {
    const chunk = r.points.slice(first, first + POINTS_PER_TABLE);
    const caption = `Share of runs at each grid point [95% interval]${r.points.length > POINTS_PER_TABLE ? `, points ${first + 1}–${first + chunk.length} of ${r.points.length}` : ''}; a column a point: ${paths.join(' / ')}`;
    const head = ['Metric', ...chunk.map((p) => p.values.map((v, k) => `<span data-vary="${escapeHtml(paths[k])}" data-value="${JSON.stringify(v)}">${plain(v, 6)}</span>`).join('<br>'))];
    b.push(table(caption, head, metrics.map((m) => [
      rowHead(m.label),
      ...chunk.map((p, j) => {
        const e = m.get(p.summary);
        return e ? estimateCell({ path: `points.${first + j}.summary.${m.path}`, metric: m.key }, e) : '<td>–</td>';
      }),
    ])));
  }
  b.push('</section>');
  b.push(scenarioSection(scenario, 'The scenario (at its file values; the sweep varies the values above)'));
  b.push(`<footer>Made by negsim ${escapeHtml(r.negsim)}. The numbers are those of <code>negsim sweep --json</code> with the same flags; the same command gives the same numbers on any machine and any number of workers.</footer>`);
  return htmlPage({ title: `${r.scenario.title}: sweep — negsim report`, body: b.join('\n'), generator: `negsim ${r.negsim}` });
}
