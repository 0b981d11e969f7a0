/**
 * `negsim backtest` in the terminal: one row a question (scenario, question, what it asks, negsim's
 * forecast with its 95% interval, what happened, the squared error), then the mean Brier score and log
 * loss per scenario and over all questions, beside the two baselines, then the mean absolute error of the
 * position forecasts. Headings are painted by `paint` (color.ts; plain by default).
 *
 * @example
 * backtestText(backtest([{ scenario, summary, held: null }])).split('\n')[0]
 * // 'Backtest: 1 scenario, 10 questions; seed 1, 10000 runs a scenario; 95% Wilson intervals in brackets'
 */
import type { BacktestResult, QuestionResult, ScoreSet } from '../backtest/backtest.js';
import { POSITION_MODELS, type PositionError } from '../backtest/positions.js';
import type { Scores } from '../backtest/score.js';
import { PLAIN, type Paint } from './color.js';
import { jsonText } from './json.js';

const f4 = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : 'n/a');
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');

/** What a question asks, in a few words: `attends gov`, `held aleppo_ceasefire >= 3 rounds`, `agreement`. */
export function askLabel(q: Pick<QuestionResult, 'ask' | 'actor' | 'measure' | 'rounds'>): string {
  const who = q.actor || q.measure;
  const rounds = q.ask === 'held' ? (q.rounds > 0 ? ` >= ${q.rounds} rounds` : ' to the end') : '';
  return `${q.ask}${who ? ` ${who}` : ''}${rounds}`;
}

export function backtestText(r: BacktestResult, paint: Paint = PLAIN): string {
  const out: string[] = [];
  const qs = r.scenarios.flatMap((s) => s.questions);
  const seeds = [...new Set(r.scenarios.map((s) => s.seed))];
  const runs = [...new Set(r.scenarios.map((s) => s.runs))];
  const ns = r.scenarios.length;
  out.push(`Backtest: ${ns} scenario${ns === 1 ? '' : 's'}, ${qs.length} question${qs.length === 1 ? '' : 's'}; ` +
    `seed ${seeds.join(', ')}, ${runs.join(', ')} runs a scenario; 95% Wilson intervals in brackets`);
  for (const s of r.scenarios) {
    out.push(`  ${s.id}: ${s.title} (${s.file}, sha256 ${s.hash.slice(0, 12)}; encoded as of ${s.asOf ?? '-'}, observed ${s.observedAsOf})`);
  }
  out.push('');

  const wScen = Math.max(8, ...qs.map((q) => q.scenario.length));
  const wQ = Math.max(8, ...qs.map((q) => q.question.length));
  const wAsk = Math.max(3, ...qs.map((q) => askLabel(q).length));
  out.push(paint.heading(`${'scenario'.padEnd(wScen)}  ${'question'.padEnd(wQ)}  ${'asks'.padEnd(wAsk)}  forecast  [95% interval]     observed  sq. error`));
  for (const q of qs) {
    const f = q.forecast;
    out.push(`${q.scenario.padEnd(wScen)}  ${q.question.padEnd(wQ)}  ${askLabel(q).padEnd(wAsk)}  ${f4(f.p).padStart(8)}  ${`[${f4(f.lo)}, ${f4(f.hi)}]`.padEnd(17)}  ${(q.observed ? 'yes' : 'no').padEnd(8)}  ${f4(q.brier).padStart(9)}`);
  }
  out.push('');

  const wS = Math.max(8, ...r.scenarios.map((s) => s.id.length));
  const pair = (x: Scores) => `${f4(x.brier).padStart(6)}  ${f3(x.logLoss).padStart(6)}`;
  const row = (label: string, x: ScoreSet) => `${label.padEnd(wS)}  ${String(x.negsim.n).padStart(3)}   ${pair(x.negsim)}    ${pair(x.half)}    ${pair(x.baseRate)}`;
  out.push(paint.heading('Scores: mean over questions, lower is better'));
  out.push(paint.heading(`${''.padEnd(wS)}    n   ${'negsim'.padEnd(14)}    ${'always 0.5'.padEnd(14)}    base rate*`));
  out.push(paint.heading(`${''.padEnd(wS)}         ${'Brier  logloss'}    ${'Brier  logloss'}    Brier  logloss`));
  for (const s of r.scenarios) out.push(row(s.id, s.scores));
  if (r.scenarios.length > 1) out.push(row('overall', r.overall));
  const rates = Object.entries(r.baseRates).map(([ask, b]) => `${ask} ${b.yes}/${b.n}`).join(', ');
  out.push(`* base rate: the share of yes answers of each kind of question across the ${ns} file${ns === 1 ? '' : 's'} given (${rates}).`);
  out.push('  It is in-sample: computed from the very answers it is scored on, which flatters it, the more so the fewer the files.');
  out.push(`Log loss clips forecasts to [${r.clip.toExponential()}, 1 - ${r.clip.toExponential()}]: a probability of 0 or 1 that misses costs ${f3(-Math.log(r.clip))}, not infinity.`);
  out.push('');

  out.push(paint.heading('Position forecasts: mean absolute error on the 0-100 scale (issues forecast)'));
  const cell = (e: PositionError) => (e.n > 0 ? `${f1(e.mae)} (${e.n})` : 'n/a').padStart(11);
  out.push(paint.heading(`${''.padEnd(wS)}  ${POSITION_MODELS.map((m) => m.padStart(11)).join('  ')}`));
  for (const s of r.scenarios) out.push(`${s.id.padEnd(wS)}  ${POSITION_MODELS.map((m) => cell(s.positionErrors[m])).join('  ')}`);
  if (r.scenarios.length > 1) out.push(`${'overall'.padEnd(wS)}  ${POSITION_MODELS.map((m) => cell(r.positionErrors[m])).join('  ')}`);
  const positions = r.scenarios.reduce((n, s) => n + s.positions.length, 0);
  if (positions === 0) out.push('  (no file gives observed positions: n/a throughout)');
  out.push('compromise: weighted mean; median: weighted median; eum: expected-utility model, last round; negsim: mean deal when agreed (n/a if no run agreed)');
  return out.join('\n') + '\n';
}

/**
 * `negsim backtest --json`: the backtest with what made it (negsim's version, the generator, the seed and
 * the runs a scenario) in front; scores with nothing to average are null.
 */
export function backtestJson(r: BacktestResult, made: { negsim: string; rng: string; seed: number; runs: number }): string {
  return jsonText({ negsim: made.negsim, rng: made.rng, seed: made.seed, runs: made.runs, ...r });
}
