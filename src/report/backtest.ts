/**
 * `negsim backtest` in the terminal, within 80 columns: under each scenario one row a question (question,
 * what it asks, negsim's forecast with its 95% interval, what happened, the squared error), then the mean
 * Brier score and log loss per scenario and over all questions, beside the two baselines, then the mean
 * absolute error of the position forecasts. Headings are painted by `paint` (color.ts; plain by default).
 *
 * @example
 * backtestText(backtest([{ scenario, summary, held: null }])).split('\n')[0]
 * // 'Backtest: 1 scenario, 10 questions; seed 1, 10000 runs a scenario'
 */
import type { BacktestResult, QuestionResult, ScoreSet } from '../backtest/backtest.js';
import { POSITION_MODELS, type PositionError } from '../backtest/positions.js';
import type { Scores } from '../backtest/score.js';
import { PLAIN, type Paint } from './color.js';
import { jsonText } from './json.js';
import { abbreviate, TERMINAL_WIDTH, wrap } from './text-layout.js';

const f4 = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : 'n/a');
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');

/** What a question asks, in a few words: `attends gov`, `held aleppo_ceasefire >= 3 rounds`, `agreement`. */
export function askLabel(q: Pick<QuestionResult, 'ask' | 'actor' | 'measure' | 'rounds'>): string {
  const who = q.actor || q.measure;
  const rounds = q.ask === 'held' ? (q.rounds > 0 ? ` >= ${q.rounds} rounds` : ' to the end') : '';
  return `${q.ask}${who ? ` ${who}` : ''}${rounds}`;
}

/** Ids longer than this are abbreviated in the terminal tables (the CSV and JSON have them whole). */
const ID = 24;

/**
 * The backtest for a terminal, within 80 columns: the questions grouped under their scenario (what each
 * asks abbreviated to the room left, whole in the CSV), scores and position errors with long ids
 * abbreviated, notes wrapped.
 */
export function backtestText(r: BacktestResult, paint: Paint = PLAIN): string {
  const out: string[] = [];
  const qs = r.scenarios.flatMap((s) => s.questions);
  const seeds = [...new Set(r.scenarios.map((s) => s.seed))];
  const runs = [...new Set(r.scenarios.map((s) => s.runs))];
  const ns = r.scenarios.length;
  out.push(...wrap(`Backtest: ${ns} scenario${ns === 1 ? '' : 's'}, ${qs.length} question${qs.length === 1 ? '' : 's'}; ` +
    `seed ${seeds.join(', ')}, ${runs.join(', ')} runs a scenario`));

  const wQ = Math.min(ID, Math.max(8, ...qs.map((q) => q.question.length)));
  const cells = (q: QuestionResult) => {
    const f = q.forecast;
    return `${`${f3(f.p)} [${f3(f.lo)}, ${f3(f.hi)}]`.padEnd(21)}  ${(q.observed ? 'yes' : 'no').padEnd(3)}  ${f4(q.brier).padStart(6)}`;
  };
  const numbers = 'forecast [95% Wilson]  obs  sq.err';
  // what a question asks gets the room the other columns leave (at least its heading's)
  const wAsk = Math.max(4, Math.min(Math.max(4, ...qs.map((q) => askLabel(q).length)), TERMINAL_WIDTH - 2 - wQ - 2 - 2 - numbers.length));
  for (const s of r.scenarios) {
    out.push('');
    out.push(...wrap(`${s.id}: ${s.title} (${s.file}, sha256 ${s.hash.slice(0, 12)}; encoded as of ${s.asOf ?? '-'}, observed ${s.observedAsOf})`,
      TERMINAL_WIDTH, '', '  '));
    out.push(paint.heading(`  ${'question'.padEnd(wQ)}  ${'asks'.padEnd(wAsk)}  ${numbers}`));
    for (const q of s.questions) {
      out.push(`  ${abbreviate(q.question, wQ).padEnd(wQ)}  ${abbreviate(askLabel(q), wAsk).padEnd(wAsk)}  ${cells(q)}`);
    }
  }
  out.push('');

  const wS = Math.min(ID, Math.max(8, ...r.scenarios.map((s) => s.id.length)));
  const pair = (x: Scores) => `${f4(x.brier).padStart(6)}  ${f3(x.logLoss).padStart(6)}`;
  const row = (label: string, x: ScoreSet) => `${abbreviate(label, wS).padEnd(wS)}  ${String(x.negsim.n).padStart(3)}   ${pair(x.negsim)}    ${pair(x.half)}    ${pair(x.baseRate)}`;
  out.push(paint.heading('Scores: mean over questions, lower is better'));
  out.push(paint.heading(`${''.padEnd(wS)}    n   ${'negsim'.padEnd(14)}    ${'always 0.5'.padEnd(14)}    base rate*`));
  out.push(paint.heading(`${''.padEnd(wS)}         ${'Brier  logloss'}    ${'Brier  logloss'}    Brier  logloss`));
  for (const s of r.scenarios) out.push(row(s.id, s.scores));
  if (r.scenarios.length > 1) out.push(row('overall', r.overall));
  const rates = Object.entries(r.baseRates).map(([ask, b]) => `${ask} ${b.yes}/${b.n}`).join(', ');
  out.push(...wrap(`* base rate: the share of yes answers of each kind of question across the ${ns} file${ns === 1 ? '' : 's'} given (${rates}). ` +
    'It is in-sample: computed from the very answers it is scored on, which flatters it, the more so the fewer the files.', TERMINAL_WIDTH, '', '  '));
  out.push(...wrap(`Log loss clips forecasts to [${r.clip.toExponential()}, 1 - ${r.clip.toExponential()}]: a probability of 0 or 1 that misses costs ${f3(-Math.log(r.clip))}, not infinity.`));
  out.push('');

  out.push(paint.heading('Position forecasts: mean absolute error on the 0-100 scale (issues forecast)'));
  const cell = (e: PositionError) => (e.n > 0 ? `${f1(e.mae)} (${e.n})` : 'n/a').padStart(11);
  out.push(paint.heading(`${''.padEnd(wS)}  ${POSITION_MODELS.map((m) => m.padStart(11)).join('  ')}`));
  for (const s of r.scenarios) out.push(`${abbreviate(s.id, wS).padEnd(wS)}  ${POSITION_MODELS.map((m) => cell(s.positionErrors[m])).join('  ')}`);
  if (r.scenarios.length > 1) out.push(`${'overall'.padEnd(wS)}  ${POSITION_MODELS.map((m) => cell(r.positionErrors[m])).join('  ')}`);
  const positions = r.scenarios.reduce((n, s) => n + s.positions.length, 0);
  if (positions === 0) out.push('  (no file gives observed positions: n/a throughout)');
  out.push(...wrap('compromise: weighted mean; median: weighted median; eum: expected-utility model, last round; negsim: mean deal when agreed (n/a if no run agreed)'));
  return out.map((l) => l.trimEnd()).join('\n') + '\n';
}

/**
 * `negsim backtest --json`: the backtest with what made it (negsim's version, the generator, the seed and
 * the runs a scenario) in front; scores with nothing to average are null.
 */
export function backtestJson(r: BacktestResult, made: { negsim: string; rng: string; seed: number; runs: number }): string {
  return jsonText({ negsim: made.negsim, rng: made.rng, seed: made.seed, runs: made.runs, ...r });
}
