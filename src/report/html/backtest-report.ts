/**
 * The report of `negsim backtest --report F`: what was scored (cases, questions, the share on attendance,
 * yes and no for each kind of question), negsim's Brier score and log loss beside the three baselines
 * (always 0.5, the base rate in sample, the base rate with the case left out) — over all questions, on
 * attendance and on the rest, by kind and by case — and negsim's calibration: the reliability diagram, its
 * table and the expected calibration error of every forecaster. Made from the same BacktestResult that
 * `backtest --json` prints; every number cell carries its JSON path and value (tables.ts).
 *
 * @example
 * await backtestReportHtml(result, { negsim: '0.1.0', rng: 'xor4096', seed: 1, runs: 10000 })
 * // '<!doctype html>...<h1>Backtest: 34 cases, 350 questions</h1>...<figure class="chart" ... data-chart="reliability">...'
 */
import { FORECASTERS, type BacktestResult, type Forecaster } from '../../backtest/backtest.js';
import type { Scores } from '../../backtest/score.js';
import type { Scorecard } from '../../backtest/scorecard.js';
import { escapeHtml } from './escape.js';
import { plain } from './format.js';
import { facts, figure, htmlPage } from './page.js';
import { renderSvg } from './render-svg.js';
import { reliabilitySpec } from './specs.js';
import { numberCell, rowHead, table } from './tables.js';

/** Each forecaster as the report names it. */
export const FORECASTER_LABELS: Record<Forecaster, string> = {
  negsim: 'negsim', half: 'Always 0.5', baseRate: 'Base rate, in sample', outOfSampleBaseRate: 'Base rate, case left out',
};

/** What made the backtest: the facts every output carries. */
export interface BacktestMade {
  negsim: string;
  rng: string;
  seed: number;
  runs: number;
}

const fixed = (x: number, d: number) => (Number.isFinite(x) ? x.toFixed(d) : '–');

/** A table of one score (Brier or log loss) by group of questions, a column a forecaster. */
function scoreTable(r: BacktestResult, score: 'brier' | 'logLoss'): string {
  const cards = r.scorecards;
  const digits = score === 'brier' ? 4 : 3;
  const rows: string[][] = [];
  const row = (head: string, path: (who: Forecaster) => string, pick: (c: Scorecard) => Scores) => {
    const n = pick(cards.negsim).n;
    rows.push([head, `<td class="num">${n}</td>`, ...FORECASTERS.map((f) => {
      const x = pick(cards[f])[score];
      return numberCell({ path: path(f), metric: score }, { [score]: x }, fixed(x, digits));
    })]);
  };
  row(rowHead('All questions'), (f) => `scorecards.${f}.overall`, (c) => c.overall);
  row(rowHead('Attendance', 'attends, talks'), (f) => `scorecards.${f}.attendance`, (c) => c.attendance);
  row(rowHead('Other questions'), (f) => `scorecards.${f}.nonAttendance`, (c) => c.nonAttendance);
  for (const k of Object.keys(cards.negsim.byKind)) row(rowHead(`Kind: ${k}`), (f) => `scorecards.${f}.byKind.${k}`, (c) => c.byKind[k]);
  for (const id of Object.keys(cards.negsim.byCase)) row(rowHead(`Case: ${id}`), (f) => `scorecards.${f}.byCase.${id}`, (c) => c.byCase[id]);
  const name = score === 'brier' ? 'Brier score (mean of (p − answer)², lower is better; always 0.5 scores 0.25)' : 'Log loss (mean of −ln p(answer), p clipped to [1e-6, 1 − 1e-6]; lower is better; always 0.5 scores 0.693)';
  return table(name, ['Questions', 'n', ...FORECASTERS.map((f) => escapeHtml(FORECASTER_LABELS[f]))], rows);
}

export async function backtestReportHtml(r: BacktestResult, made: BacktestMade): Promise<string> {
  const b: string[] = [];
  const c = r.counts;
  const negsim = r.scorecards.negsim;
  b.push(`<header>\n<h1>Backtest: ${c.cases} case${c.cases === 1 ? '' : 's'}, ${c.questions} question${c.questions === 1 ? '' : 's'}</h1>`);
  b.push(`<p class="sub">negsim’s forecasts of what really happened, scored as forecasters are scored: Brier score, log loss and calibration, beside three baselines. Attendance questions (mostly near-certain) are scored apart, so they cannot flatter a score.</p>`);
  b.push(facts([
    ['Cases', String(c.cases)],
    ['Questions', `${c.questions}: ${c.attendance} on attendance (${plain(100 * c.attendanceShare, 1)}%), ${c.questions - c.attendance} others; ${c.yes} answered yes, ${c.no} no`],
    ['Runs a case', made.runs.toLocaleString('en-US')],
    ['Seed', String(made.seed)],
    ['negsim', escapeHtml(made.negsim)],
    ['Generator', escapeHtml(made.rng)],
    ['Baselines', 'always 0.5; the base rate of each kind of question in sample (every case, its own answer included: it flatters itself); the same base rate with the question’s case left out (a kind no other case asks: the share of yes over the other cases’ questions; a single case: 0.5)'],
    ['Run it again', `<code>${escapeHtml(`negsim backtest FILES.. --runs ${made.runs} --seed ${made.seed} --report FILE`)}</code>, FILES being the cases listed at the end`],
  ]), '</header>');

  b.push('<section id="counts">', '<h2>What was scored</h2>');
  b.push(table('Questions by kind, and their answers', ['Kind of question', 'Questions', 'Yes', 'No'], [
    ...Object.entries(c.byKind).map(([ask, k]) => [rowHead(ask), numberCell({ path: `counts.byKind.${ask}`, metric: 'n' }, { n: k.n }, String(k.n)),
      numberCell({ path: `counts.byKind.${ask}`, metric: 'yes' }, { yes: k.yes }, String(k.yes)), numberCell({ path: `counts.byKind.${ask}`, metric: 'no' }, { no: k.no }, String(k.no))]),
    [rowHead('All'), numberCell({ path: 'counts', metric: 'questions' }, { questions: c.questions }, String(c.questions)),
      numberCell({ path: 'counts', metric: 'yes' }, { yes: c.yes }, String(c.yes)), numberCell({ path: 'counts', metric: 'no' }, { no: c.no }, String(c.no))],
  ]));
  b.push('</section>');

  b.push('<section id="scores">', '<h2>Scores</h2>');
  b.push('<p>Each forecaster’s mean score over the questions of each group; lower is better. A forecast that does not beat the base rate with the case left out has learnt nothing a count of past answers would not tell.</p>');
  b.push(scoreTable(r, 'brier'), scoreTable(r, 'logLoss'));
  b.push('</section>');

  b.push('<section id="calibration">', '<h2>Calibration</h2>');
  b.push(figure('reliability', 'Reliability of negsim’s forecasts',
    ' Questions grouped by negsim’s forecast in tenths: the share answered yes (with its 95% Wilson interval) against their mean forecast, labelled yes/questions. A calibrated forecaster’s points lie on the dashed diagonal. Below: how many questions each tenth holds.',
    await renderSvg(reliabilitySpec(negsim), 'c-reliability'),
    table('negsim’s reliability table', ['Forecast', 'Questions', 'Mean forecast', 'Yes', 'Share yes [95% interval]'], negsim.reliability.map((bin, i) => {
      const path = `scorecards.negsim.reliability.${i}`;
      return [
        rowHead(`${bin.lo.toFixed(1)}–${bin.hi.toFixed(1)}`),
        numberCell({ path, metric: 'n' }, { lo: bin.lo, hi: bin.hi, n: bin.n }, String(bin.n)),
        numberCell({ path, metric: 'meanP' }, { meanP: bin.meanP }, fixed(bin.meanP, 3)),
        numberCell({ path, metric: 'yes' }, { yes: bin.yes }, String(bin.yes)),
        numberCell({ path, metric: 'freq' }, { freq: bin.freq, freqLo: bin.freqLo, freqHi: bin.freqHi },
          bin.n > 0 ? `${fixed(bin.freq, 3)}<span class="ci">${fixed(bin.freqLo, 3)}–${fixed(bin.freqHi, 3)}</span>` : '–'),
      ];
    }))));
  b.push(table('Expected calibration error (the questions’ mean distance from their tenth’s share of yes; 0 is calibrated)',
    ['Forecaster', 'ECE'], FORECASTERS.map((f) => [rowHead(FORECASTER_LABELS[f]), numberCell({ path: `scorecards.${f}`, metric: 'ece' }, { ece: r.scorecards[f].ece }, fixed(r.scorecards[f].ece, 3))])));
  b.push('</section>');

  b.push('<section id="cases">', '<h2>The cases</h2>');
  b.push(table('Each case scored: its file and what it was encoded from', ['Case', 'File', 'As of', 'Questions', 'negsim Brier'], r.scenarios.map((s, i) => [
    rowHead(s.title, s.id),
    `<td><code>${escapeHtml(s.file)}</code><br><span class="id">sha256 ${escapeHtml(s.hash.slice(0, 12))}</span></td>`,
    `<td>${escapeHtml(s.asOf ?? '–')}</td>`,
    `<td class="num">${s.questions.length}</td>`,
    numberCell({ path: `scenarios.${i}.scores.negsim`, metric: 'brier' }, { brier: s.scores.negsim.brier }, fixed(s.scores.negsim.brier, 4)),
  ])));
  b.push('</section>');
  b.push(`<footer>Made by negsim ${escapeHtml(made.negsim)}. The numbers are those of <code>negsim backtest --json</code> with the same flags; the same command gives the same numbers on any machine and any number of workers.</footer>`);
  return htmlPage({ title: `Backtest: ${c.cases} cases, ${c.questions} questions — negsim report`, body: b.join('\n'), generator: `negsim ${made.negsim}` });
}
