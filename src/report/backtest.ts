/**
 * `negsim backtest` in the terminal, within 80 columns: under each scenario one row a question (question,
 * what it asks, negsim's forecast with its 95% interval, what happened, the squared error); then the counts
 * (cases, questions, attendance, yes and no per kind); the mean Brier score, then the mean log loss, of
 * negsim beside the three baselines over all questions, attendance and the rest, by kind and by case;
 * negsim's reliability table and every forecaster's expected calibration error; then the mean absolute
 * error of the position forecasts. Headings are painted by `paint` (color.ts; plain by default).
 *
 * @example
 * backtestText(backtest([{ scenario, summary, held: null }])).split('\n')[0]
 * // 'Backtest: 1 scenario, 10 questions; seed 1, 10000 runs a scenario'
 */
import { FORECASTERS, type BacktestResult, type Forecaster, type KindCount, type QuestionResult } from '../backtest/backtest.js';
import type { Scorecard } from '../backtest/scorecard.js';
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

  out.push(...countsText(r, paint), '');
  out.push(...scoresText(r, 'brier', paint), '');
  out.push(...scoresText(r, 'logLoss', paint));
  out.push(...baselineNotes(r), '');
  out.push(...reliabilityText(r, paint), '');

  const wS = Math.min(ID, Math.max(8, ...r.scenarios.map((s) => s.id.length)));
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

/** The forecasters' names in the score tables, over two header lines. */
const HEAD: Record<Forecaster, [string, string]> = {
  negsim: ['', 'negsim'], half: ['always', '0.5'], baseRate: ['base rate', 'in sample'], outOfSampleBaseRate: ['base rate', 'case out'],
};
/** Columns of the score tables after the label: n, then one a forecaster. */
const NUM = [8, 10, 10, 10];

/**
 * How much was scored: cases, questions, the share on attendance, and yes and no for each kind of
 * question (so a reader sees whether both answers are well represented).
 */
export function countsText(r: BacktestResult, paint: Paint = PLAIN): string[] {
  const c = r.counts;
  const out = wrap(`Questions: ${c.questions} in ${c.cases} case${c.cases === 1 ? '' : 's'}; ${c.attendance} on attendance ` +
    `(${pct(c.attendanceShare)}; asks attends and talks), ${c.questions - c.attendance} others; ${c.yes} answered yes, ${c.no} no`);
  const w = Math.max(18, ...Object.keys(c.byKind).map((k) => k.length + 2));
  out.push(paint.heading(`${'  kind of question'.padEnd(w)}  questions    yes     no`));
  const row = (label: string, k: KindCount) => `${label.padEnd(w)}  ${String(k.n).padStart(9)}  ${String(k.yes).padStart(5)}  ${String(k.no).padStart(5)}`;
  for (const [ask, k] of Object.entries(c.byKind)) out.push(row(`  ${ask}`, k));
  out.push(row('  all', { n: c.questions, yes: c.yes, no: c.no }));
  return out;
}

const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : 'n/a');

/**
 * One score (Brier or log loss) of negsim beside the three baselines: over all questions, attendance and
 * the rest, each kind of question and each case. Within 80 columns; case ids are abbreviated.
 */
export function scoresText(r: BacktestResult, score: 'brier' | 'logLoss', paint: Paint = PLAIN): string[] {
  const cards = r.scorecards;
  const fmt = score === 'brier' ? f4 : f3;
  const kinds = Object.keys(cards.negsim.byKind);
  const cases = Object.keys(cards.negsim.byCase);
  const w = Math.min(ID + 2, Math.max(17, ...kinds.map((k) => k.length + 2), ...cases.map((c) => c.length + 2)));
  const out: string[] = [];
  out.push(paint.heading(score === 'brier'
    ? 'Brier score: mean over questions of (p - answer)^2; lower is better'
    : 'Log loss: mean over questions of -ln p(answer); lower is better'));
  out.push(paint.heading(`${''.padEnd(w)}      ${FORECASTERS.map((f, k) => `  ${HEAD[f][0].padStart(NUM[k])}`).join('')}`));
  out.push(paint.heading(`${''.padEnd(w)}     n${FORECASTERS.map((f, k) => `  ${HEAD[f][1].padStart(NUM[k])}`).join('')}`));
  const row = (label: string, pick: (c: Scorecard) => Scores | undefined) => {
    const n = pick(cards.negsim)?.n ?? 0;
    return `${abbreviate(label, w).padEnd(w)}  ${String(n).padStart(4)}${FORECASTERS.map((f, k) => `  ${fmt(pick(cards[f])?.[score] ?? NaN).padStart(NUM[k])}`).join('')}`;
  };
  out.push(row('all questions', (c) => c.overall));
  out.push(row('  attendance', (c) => c.attendance));
  out.push(row('  other questions', (c) => c.nonAttendance));
  out.push('by kind of question');
  for (const k of kinds) out.push(row(`  ${k}`, (c) => c.byKind[k]));
  out.push('by case');
  for (const id of cases) out.push(row(`  ${id}`, (c) => c.byCase[id]));
  return out;
}

/** What the baselines are, with the base rates used and how often the out-of-sample one fell back. */
function baselineNotes(r: BacktestResult): string[] {
  const ns = r.counts.cases;
  const qs = r.scenarios.flatMap((s) => s.questions);
  const pooled = qs.filter((q) => q.outOfSampleBasis === 'pooled').length;
  const half = qs.filter((q) => q.outOfSampleBasis === 'half').length;
  const rates = Object.entries(r.baseRates).map(([ask, b]) => `${ask} ${b.yes}/${b.n}`).join(', ');
  const fallback = pooled + half === 0 ? 'every question had its kind asked in another file'
    : [pooled > 0 ? `${pooled} question${pooled === 1 ? '' : 's'} of a kind no other file asks took the share of yes over all the other files' questions` : '',
      half > 0 ? `${half} question${half === 1 ? '' : 's'} with no other file at all took 0.5` : ''].filter((x) => x).join('; ');
  return [
    ...wrap(`Base rate in sample: the share of yes answers of each kind of question across the ${ns} file${ns === 1 ? '' : 's'} given (${rates}), ` +
      'the question\'s own answer included: it flatters itself, the more so the fewer the files.', TERMINAL_WIDTH, '', '  '),
    ...wrap(`Base rate, case out: the same share over the other files only (leave one case out), a forecast that could have been made without the case's answers; ${fallback}.`, TERMINAL_WIDTH, '', '  '),
    ...wrap(`Attendance: the asks attends and talks, mostly near-certain; scored apart so they cannot flatter a score. ` +
      `Log loss clips forecasts to [${r.clip.toExponential()}, 1 - ${r.clip.toExponential()}]: a probability of 0 or 1 that misses costs ${f3(-Math.log(r.clip))}, not infinity.`, TERMINAL_WIDTH, '', '  '),
  ];
}

/**
 * negsim's reliability table: its forecasts in tenths, each with the questions in it, their mean
 * forecast and how many were answered yes, that share with its 95% Wilson interval; then the expected
 * calibration error of negsim and of each baseline.
 */
export function reliabilityText(r: BacktestResult, paint: Paint = PLAIN): string[] {
  const out: string[] = [];
  out.push(paint.heading('Reliability: negsim\'s forecasts in tenths against how often the answer was yes'));
  out.push(paint.heading('  forecast      n   mean forecast    yes   share yes [95% Wilson]'));
  for (const b of r.scorecards.negsim.reliability) {
    const range = `${b.lo.toFixed(1)}-${b.hi.toFixed(1)}`;
    const share = b.n > 0 ? `${f3(b.freq)} [${f3(b.freqLo)}, ${f3(b.freqHi)}]` : '-';
    out.push(`  ${range.padEnd(9)}  ${String(b.n).padStart(4)}   ${(b.n > 0 ? f3(b.meanP) : '-').padStart(13)}  ${String(b.yes).padStart(5)}   ${share}`);
  }
  const ece = (f: Forecaster) => f3(r.scorecards[f].ece);
  out.push(...wrap(`Expected calibration error (the questions' mean distance from their tenth's share of yes; 0 is calibrated): ` +
    `negsim ${ece('negsim')}; always 0.5 ${ece('half')}; base rate in sample ${ece('baseRate')}, case out ${ece('outOfSampleBaseRate')}`, TERMINAL_WIDTH, '', '  '));
  return out;
}

/**
 * `negsim backtest --json`: the backtest with what made it (negsim's version, the generator, the seed and
 * the runs a scenario, and the model defaults of --params when given) in front; scores with nothing to
 * average are null.
 */
export function backtestJson(r: BacktestResult, made: { negsim: string; rng: string; seed: number; runs: number; params?: Record<string, number> }): string {
  const params = made.params ? { params: made.params } : {};
  return jsonText({ negsim: made.negsim, rng: made.rng, seed: made.seed, runs: made.runs, ...params, ...r });
}
