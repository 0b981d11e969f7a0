/**
 * "What drives the forecast": the section of an HTML report made from an Explanation (`negsim explain
 * --report F`, and `negsim report --explain`). The sentences of what each outcome hinges on; a chart of
 * each outcome's most influential inputs (first-order and total Sobol indices with their bootstrap
 * intervals) and the table of its numbers, each input named by path and quotation; a chart of what each
 * preference switched off does to the outcomes it moves, and the table of its paired differences. Every
 * number cell carries its path in `negsim explain --json` (tables.ts); every string from the scenario is
 * escaped.
 *
 * @example
 * await explainSection(explanation)
 * // '<section id="explain">\n<h2>What drives the forecast</h2>...<figure class="chart" ... data-chart="sensitivity">...'
 */
import { hingeSentence, measurable } from '../explain.js';
import type { Explanation } from '../../stats/explanation.js';
import { escapeHtml } from './escape.js';
import { percent, points } from './format.js';
import { facts, figure } from './page.js';
import { renderSvg } from './render-svg.js';
import { counterfactualRows, counterfactualSpec, SENSITIVITY_TOP, sensitivitySpec } from './specs.js';
import { estimateCell, numberCell, table } from './tables.js';

const int = (n: number) => n.toLocaleString('en-US');
const ix = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');

/** An input or preference as a row header: its short name, its path, its quotation. */
function nameCell(short: string, path: string, quote: string | undefined): string {
  const q = quote ? `<blockquote>“${escapeHtml(quote)}”</blockquote>` : '<div class="judgement">no quotation: the analyst’s judgement</div>';
  return `<th scope="row">${escapeHtml(short)} <span class="id">${escapeHtml(path)}</span>${q}</th>`;
}

export async function explainSection(e: Explanation, idPrefix = 'c-explain'): Promise<string> {
  const b: string[] = [];
  const sv = e.sensitivity;
  b.push('<section id="explain">', '<h2>What drives the forecast</h2>');
  b.push(`<p>How much of each outcome’s uncertainty each of the scenario’s uncertain inputs accounts for, and what the forecast would be without each stated preference. The probability of an outcome given the inputs, P(outcome | inputs), varies as the uncertain numbers are drawn; its variance is shared out among the inputs by Sobol indices (first order: the input alone; total: with every interaction it takes part in), estimated from Saltelli’s design. A single run varies further by chance — hidden types, whether red lines bind, every equilibrium draw — and the share of a run’s variance that chance carries is given for each outcome.</p>`);
  const rows: [string, string][] = [
    ['Design', `${int(sv.runs)} rows × ${sv.evaluations} evaluations × ${sv.inner} runs = ${int(sv.model_runs)} runs; ${sv.inputs.length} uncertain inputs, grouped by ${escapeHtml(sv.grouping)}`],
    ['Estimators', 'first order: Saltelli et al. (2010); total: Jansen (1999); products of batch means over distinct runs only (unbiased for the probability)'],
    ['Intervals', `95% bootstrap percentile intervals, ${int(sv.resamples)} resamples of the rows`],
  ];
  if (e.counterfactual) rows.push(['Counterfactuals', `${int(e.counterfactual.runs)} runs of the scenario and of each counterfactual, seed ${e.seed}: run by run pairs (common random numbers), Newcombe’s paired interval`]);
  rows.push(['Seed', String(e.seed)]);
  b.push(facts(rows));

  if (sv.inputs.length === 0) {
    b.push('<p>Every number of the scenario is fixed: it has no uncertain input to rank; only chance moves a run.</p>');
  } else {
    b.push('<h3>What each outcome hinges on</h3>');
    b.push(`<ul>\n${sv.outcomes.map((o) => `<li>${escapeHtml(hingeSentence(o, sv.inputs))}</li>`).join('\n')}\n</ul>`);
    const shown = sv.outcomes.map((o, q) => ({ o, q })).filter(({ o }) => measurable(o) && o.p > 0 && o.p < 1);
    const tableRows: string[][] = [];
    for (const { o, q } of shown) {
      const top = o.indices.filter((x) => x.total.estimate > 0).slice(0, SENSITIVITY_TOP);
      const head = `<th scope="row" rowspan="${top.length + 1}">${escapeHtml(o.outcome)}<span class="id"> ${percent(o.p)} of runs</span></th>`;
      tableRows.push([head, '<td><em>chance</em></td>', numberCell({ path: `sensitivity.outcomes.${q}.chance`, metric: 'chance' }, { ...o.chance },
        `${percent(o.chance.estimate)}<span class="ci">${percent(o.chance.lo)}–${percent(o.chance.hi)}</span>`), '<td class="num">–</td>']);
      top.forEach((x, r) => {
        const input = sv.inputs.find((i) => i.path === x.input);
        const cell = (what: 'first' | 'total') => numberCell({ path: `sensitivity.outcomes.${q}.indices.${r}.${what}`, metric: what === 'first' ? 'first_order' : 'total' }, { ...x[what] },
          `${ix(x[what].estimate)}<span class="ci">${ix(x[what].lo)} to ${ix(x[what].hi)}</span>`);
        tableRows.push([nameCell(`${r + 1}. ${input?.short ?? x.input}`, x.input, input?.quote), cell('first'), cell('total')]);
      });
    }
    if (shown.length > 0) {
      b.push(figure('sensitivity', 'What each outcome’s probability hinges on',
        ` For each outcome, the ${SENSITIVITY_TOP} inputs with the largest total index (above 0): the share of the variance of P(outcome | inputs) the input accounts for alone (first order) and with its interactions (total); whiskers are 95% bootstrap intervals (the axis stops at −0.1 and 1.1). Outcomes the inputs do not measurably move are left out.`,
        await renderSvg(sensitivitySpec(e), `${idPrefix}-sensitivity`),
        table(`Sobol indices: share of the variance of P(outcome | inputs) [95% interval]; the ${SENSITIVITY_TOP} largest total indices above 0 of each outcome (all of them: negsim explain --json)`,
          ['Outcome', 'Input', 'First order', 'Total'], tableRows)));
    }
  }

  const cf = e.counterfactual;
  if (cf) {
    b.push('<h3>Without each preference</h3>');
    const moved = [...new Set(counterfactualRows(e).map((r) => r.outcome))];
    if (moved.length === 0) {
      b.push(`<p>No preference, switched off on its own, moves any outcome beyond Monte Carlo error at ${int(cf.runs)} runs.</p>`);
    } else {
      const rowsHtml = cf.preferences.map((p, i) => [
        nameCell(p.short, p.path, p.quote),
        ...moved.map((outcome) => {
          const q = p.effects.findIndex((x) => x.outcome === outcome);
          const x = p.effects[q];
          return numberCell({ path: `counterfactual.preferences.${i}.effects.${q}.difference`, metric: outcome }, { ...x.difference },
            `${x.flagged ? '<strong>' : ''}${points(x.difference.d)}${x.flagged ? '</strong>' : ''}<span class="ci">${points(x.difference.lo)} to ${points(x.difference.hi)}</span>`);
        }),
      ]);
      const baseline = cf.preferences[0];
      const baseRow = baseline ? [`<th scope="row">as it is (share of runs)</th>`, ...moved.map((outcome) => {
        const q = baseline.effects.findIndex((x) => x.outcome === outcome);
        return estimateCell({ path: `counterfactual.preferences.0.effects.${q}.baseline`, metric: outcome }, baseline.effects[q].baseline);
      })] : [];
      b.push(figure('counterfactual', 'Each preference switched off',
        ` The change in each outcome’s probability when one stated preference is removed from the scenario (a red line that always holds, an exit that never fires, a belief back to the common prior, a pressure or inclination of strength 0 ...), every other number as it is; ${int(cf.runs)} runs of each, paired run by run with the scenario’s. Whiskers: 95% paired Newcombe intervals; red where the interval excludes 0. Only outcomes that some preference moves are shown.`,
        await renderSvg(counterfactualSpec(e), `${idPrefix}-counterfactual`),
        table('Switched off − as it is, percentage points [95% paired interval]', ['Preference', ...moved.map(escapeHtml)], [baseRow, ...rowsHtml].filter((r) => r.length > 0))));
    }
  }
  b.push('</section>');
  return b.join('\n');
}
