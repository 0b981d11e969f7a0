/**
 * `negsim fit` and `negsim fit --cv` for people (text within 80 columns) and for programs (JSON, CSV).
 *
 * The fit: what was fitted on (cases, questions, the record's sha256), seed and runs, the objective at
 * the defaults and at the fit, the search, then one row a parameter: the fitted value, its 95% interval,
 * the default it started from, its bounds. CSV (`--csv`): the same, one row a parameter.
 *
 * The cross-validation: per design (leave one case out; by time, one per year), negsim and the three
 * baselines side by side — Brier score and log loss over all questions, on attendance, on the rest, and
 * the expected calibration error; for leave one case out also by kind of question and each forecaster's
 * reliability table. CSVs: `--csv` one row a scored forecast, `--scores-csv` one row a design and group
 * of questions, `--reliability-csv` one row a design, forecaster and tenth of the forecast scale.
 * Every row and every JSON carries the seed and the runs.
 *
 * @example
 * fitText(params).split('\n')[0]
 * // 'negsim fit: 4 cases, 31 questions (record sha256 6ce449413cca)'
 */
import { isAttendance, type Scorecard } from '../backtest/scorecard.js';
import type { Scores } from '../backtest/score.js';
import { brierScore, logLoss } from '../backtest/score.js';
import { FORECASTERS, type CvForecaster, type CvScheme } from '../fit/cross-validate.js';
import type { ParamsFile } from '../fit/params-file.js';
import { PLAIN, type Paint } from './color.js';
import { csvRows, type CsvField } from './csv.js';
import { jsonText } from './json.js';
import { abbreviate, TERMINAL_WIDTH, wrap } from './text-layout.js';

const f4 = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : 'n/a');
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');

/** Four significant digits, without an exponent for the values a fit gives. */
export function sig(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1000) return x.toFixed(0);
  if (a < 1e-3) return x.toExponential(2);
  return String(Number(x.toPrecision(4)));
}

export function fitText(p: ParamsFile, paint: Paint = PLAIN): string {
  const out: string[] = [];
  out.push(...wrap(`negsim fit: ${p.record.cases.length} case${p.record.cases.length === 1 ? '' : 's'}, ${p.record.questions} questions ` +
    `(record sha256 ${p.record.sha256.slice(0, 12)})`));
  out.push(`seed ${p.seed}, ${p.runs} runs a case at each evaluation`);
  out.push(`mean log loss (forecasts (k + 1/2)/(n + 1)): ${f4(p.objective.start)} at the start, ${f4(p.objective.fitted)} fitted`);
  out.push(...wrap(`Nelder-Mead: ${p.search.evaluations} evaluations ` +
    (p.search.converged ? '(converged)' : `(the budget, --max-evaluations ${p.search.maxEvaluations}; not converged)`)));
  out.push('');
  const keys = Object.keys(p.parameters);
  const w = Math.max(9, ...keys.map((k) => k.length));
  out.push(paint.heading(`${'parameter'.padEnd(w)}  ${'fitted'.padStart(8)}  ${'95% interval'.padEnd(21)}  ${'start'.padStart(7)}  bounds`));
  for (const k of keys) {
    const x = p.parameters[k];
    const interval = x.identified ? `[${sig(x.lo)}, ${sig(x.hi)}]` : 'not identified';
    const bounds = `${sig(x.bounds[0])}-${sig(x.bounds[1])}${x.scale === 'log' ? ' (log)' : ''}`;
    out.push(`${k.padEnd(w)}  ${sig(x.value).padStart(8)}  ${interval.padEnd(21)}  ${sig(x.start).padStart(7)}  ${bounds}`);
  }
  out.push('');
  out.push(...wrap(`Intervals: ${p.intervals.method}, ${p.intervals.replicates} resamples of the ${p.record.cases.length} cases` +
    (keys.some((k) => !p.parameters[k].identified) ? '; "not identified": the record leaves it flat (its interval is its bounds)' : '') + '.'));
  return out.map((l) => l.trimEnd()).join('\n') + '\n';
}

export const FIT_CSV_HEADER = ['parameter', 'value', 'lo', 'hi', 'identified', 'start', 'bound_lo', 'bound_hi', 'scale',
  'log_loss', 'log_loss_start', 'evaluations', 'converged', 'cases', 'questions', 'record_sha256', 'seed', 'runs'];

export function fitCsv(p: ParamsFile): string {
  const rows: CsvField[][] = Object.entries(p.parameters).map(([k, x]) => [
    k, x.value, x.lo, x.hi, x.identified ? 1 : 0, x.start, x.bounds[0], x.bounds[1], x.scale,
    p.objective.fitted, p.objective.start, p.search.evaluations, p.search.converged ? 1 : 0,
    p.record.cases.length, p.record.questions, p.record.sha256, p.seed, p.runs,
  ]);
  return csvRows(FIT_CSV_HEADER, rows);
}

// ------------------------------------------------------------------ cross-validation

export interface CvReport {
  /** The full fit, as written to --out. */
  fit: ParamsFile;
  scoreRuns: number;
  foldEvaluations: number;
  schemes: CvScheme[];
}

/** Each forecaster's name in the CSV tables and the JSON. */
export const CV_FORECASTER: Record<CvForecaster, string> = { negsim: 'negsim', half: 'half', baseRate: 'base_rate', logistic: 'logistic' };
const LABEL: Record<CvForecaster, string> = { negsim: 'negsim', half: 'always 0.5', baseRate: 'base rate', logistic: 'logistic (kind)' };

function schemeHeading(s: CvScheme, r: CvReport): string {
  if (s.kind === 'case-out') {
    const how = r.foldEvaluations > 0
      ? `a Newton step from the full fit, then ${r.foldEvaluations} Nelder-Mead evaluations`
      : 'approximate leave-one-out: one Newton step from the full fit';
    return `Leave one case out: ${s.folds.length} folds, each fitted on ${s.trainCases} cases (${how})`;
  }
  const f = s.folds[0];
  const cases = (n: number) => `${n} case${n === 1 ? '' : 's'}`;
  return `By time: fitted on the ${cases(s.trainCases)} before ${s.year} (${f.evaluations} evaluations, from the defaults), ` +
    `scored on the ${cases(s.testCases)} from ${s.year} on`;
}

function summaryTable(s: CvScheme, paint: Paint): string[] {
  const out: string[] = [];
  out.push(paint.heading(`${''.padEnd(15)}       ${'all questions'.padEnd(15)}  ${'attendance'.padEnd(15)}  ${'other questions'.padEnd(15)}`));
  out.push(paint.heading(`${'forecaster'.padEnd(15)}    n   Brier  logloss    Brier  logloss    Brier  logloss    ECE`));
  const pair = (x: Scores) => `${f4(x.brier).padStart(6)}  ${f3(x.logLoss).padStart(7)}`;
  for (const f of FORECASTERS) {
    const c = s.scorecards[f];
    out.push(`${LABEL[f].padEnd(15)}  ${String(c.overall.n).padStart(3)}  ${pair(c.overall)}   ${pair(c.attendance)}   ${pair(c.nonAttendance)}  ${f3(c.ece).padStart(5)}`);
  }
  return out;
}

function byKindTable(s: CvScheme, score: 'brier' | 'logLoss', paint: Paint): string[] {
  const fmt = score === 'brier' ? f4 : f3;
  const kinds = Object.keys(s.scorecards.negsim.byKind);
  const w = Math.max(17, ...kinds.map((k) => k.length + 2));
  const out = [paint.heading(`${(score === 'brier' ? 'Brier by kind' : 'log loss by kind').padEnd(w)}    n  yes${FORECASTERS.map((f) => LABEL[f].padStart(f === 'logistic' ? 16 : 11)).join('')}`)];
  for (const k of kinds) {
    const pick = (c: Scorecard) => c.byKind[k];
    const n = pick(s.scorecards.negsim);
    out.push(`${abbreviate(`  ${k}`, w).padEnd(w)}  ${String(n.n).padStart(3)}  ${String(n.yes).padStart(3)}${FORECASTERS.map((f) => fmt(pick(s.scorecards[f])[score]).padStart(f === 'logistic' ? 16 : 11)).join('')}`);
  }
  return out;
}

function reliabilityRows(c: Scorecard): string[] {
  return c.reliability.filter((b) => b.n > 0).map((b) => {
    const range = `${b.lo.toFixed(1)}-${b.hi.toFixed(1)}`;
    return `  ${range.padEnd(9)}  ${String(b.n).padStart(4)}   ${f3(b.meanP).padStart(13)}  ${String(b.yes).padStart(5)}   ${f3(b.freq)} [${f3(b.freqLo)}, ${f3(b.freqHi)}]`;
  });
}

export function cvText(r: CvReport, paint: Paint = PLAIN): string {
  const out: string[] = [];
  const p = r.fit;
  out.push(...wrap(`negsim fit --cv: ${p.record.cases.length} cases, ${p.record.questions} questions (record sha256 ${p.record.sha256.slice(0, 12)}); ` +
    `seed ${p.seed}; fits with ${p.runs} runs a case, forecasts scored with ${r.scoreRuns}`));
  out.push(...wrap('Every forecast below was made without its case\'s answers: negsim fitted on the other cases (or the earlier ones), ' +
    'the baselines learnt from the same cases. Lower is better; ECE: expected calibration error (0 is calibrated).'));
  for (const s of r.schemes) {
    out.push('');
    out.push(...wrap(schemeHeading(s, r)).map((l) => paint.heading(l)));
    out.push(...summaryTable(s, paint));
    if (s.kind === 'case-out') {
      out.push('');
      out.push(...byKindTable(s, 'brier', paint));
      out.push('');
      out.push(...byKindTable(s, 'logLoss', paint));
      out.push('');
      out.push(...wrap('Reliability, leave one case out: forecasts in tenths against how often the answer was yes (tenths with no forecast left out)').map((l) => paint.heading(l)));
      out.push(paint.heading('  forecast      n   mean forecast    yes   share yes [95% Wilson]'));
      for (const f of FORECASTERS) {
        out.push(`${LABEL[f]} (ECE ${f3(s.scorecards[f].ece)})`);
        out.push(...reliabilityRows(s.scorecards[f]));
      }
    }
  }
  out.push('');
  out.push(...wrap('negsim: the share of runs in which what a question asks happened, at the fold\'s fitted parameters; ' +
    'log loss clips it to [1e-6, 1 - 1e-6]. Base rate: the share of yes of the question\'s kind in the training cases ' +
    '(all their questions when none is of that kind). Logistic: a ridge logistic regression on the kind (docs/MODEL.md, "Fitting"). ' +
    'Attendance: the asks attends and talks, scored apart.', TERMINAL_WIDTH));
  out.push('');
  out.push(...fitText(p, paint).trimEnd().split('\n'));
  return out.map((l) => l.trimEnd()).join('\n') + '\n';
}

/** `negsim fit --cv --json`: the full fit, then each design's folds, scorecards and forecasts. */
export function cvJson(r: CvReport): string {
  return jsonText({
    negsim: r.fit.negsim, rng: r.fit.rng, seed: r.fit.seed, runs: r.fit.runs, scoreRuns: r.scoreRuns, foldEvaluations: r.foldEvaluations,
    fit: r.fit,
    schemes: r.schemes.map((s) => ({
      kind: s.kind, year: s.year ?? null, label: s.label, trainCases: s.trainCases, testCases: s.testCases,
      folds: s.folds.map((f) => ({ ...f, values: Object.fromEntries(Object.keys(r.fit.parameters).map((k, i) => [k, f.values[i]])) })),
      scorecards: Object.fromEntries(FORECASTERS.map((f) => [CV_FORECASTER[f], s.scorecards[f]])),
      forecasts: Object.fromEntries(FORECASTERS.map((f) => [CV_FORECASTER[f], s.forecasts[f]])),
    })),
  });
}

const schemeName = (s: CvScheme) => (s.kind === 'case-out' ? 'case_out' : `before_${s.year}`);

export const CV_CSV_HEADER = ['design', 'forecaster', 'case', 'question', 'ask', 'as_of', 'attendance', 'p', 'observed', 'brier', 'logloss', 'seed', 'runs', 'score_runs'];

/** One row a scored forecast. */
export function cvCsv(r: CvReport): string {
  const rows: CsvField[][] = [];
  for (const s of r.schemes) {
    for (const f of FORECASTERS) {
      for (const q of s.forecasts[f]) {
        rows.push([schemeName(s), CV_FORECASTER[f], q.case, q.question, q.ask, q.asOf, isAttendance(q.ask) ? 1 : 0, q.p, q.observed ? 1 : 0,
          brierScore(q.p, q.observed), logLoss(q.p, q.observed), r.fit.seed, r.fit.runs, r.scoreRuns]);
      }
    }
  }
  return csvRows(CV_CSV_HEADER, rows);
}

export const CV_SCORES_HEADER = ['design', 'group', 'key', 'n', 'yes',
  ...FORECASTERS.map((f) => `${CV_FORECASTER[f]}_brier`), ...FORECASTERS.map((f) => `${CV_FORECASTER[f]}_logloss`), 'seed', 'runs', 'score_runs'];

/** One row a design and group of questions: all, attendance, other, each kind, each case. */
export function cvScoresCsv(r: CvReport): string {
  const rows: CsvField[][] = [];
  for (const s of r.schemes) {
    const qs = s.forecasts.negsim;
    const yes = (of: (q: (typeof qs)[number]) => boolean) => qs.filter((q) => of(q) && q.observed).length;
    const row = (group: string, key: string, count: number, pick: (c: Scorecard) => Scores | undefined) => {
      const x = FORECASTERS.map((f) => pick(s.scorecards[f]));
      rows.push([schemeName(s), group, key, pick(s.scorecards.negsim)?.n ?? 0, count,
        ...x.map((v) => v?.brier ?? NaN), ...x.map((v) => v?.logLoss ?? NaN), r.fit.seed, r.fit.runs, r.scoreRuns]);
    };
    row('all', '', yes(() => true), (c) => c.overall);
    row('attendance', '', yes((q) => isAttendance(q.ask)), (c) => c.attendance);
    row('other', '', yes((q) => !isAttendance(q.ask)), (c) => c.nonAttendance);
    for (const [ask, k] of Object.entries(s.scorecards.negsim.byKind)) row('kind', ask, k.yes, (c) => c.byKind[ask]);
    for (const id of Object.keys(s.scorecards.negsim.byCase)) row('case', id, yes((q) => q.case === id), (c) => c.byCase[id]);
  }
  return csvRows(CV_SCORES_HEADER, rows);
}

export const CV_RELIABILITY_HEADER = ['design', 'forecaster', 'lo', 'hi', 'n', 'mean_p', 'yes', 'freq', 'freq_lo', 'freq_hi', 'ece', 'seed', 'runs', 'score_runs'];

export function cvReliabilityCsv(r: CvReport): string {
  const rows: CsvField[][] = [];
  for (const s of r.schemes) {
    for (const f of FORECASTERS) {
      const c = s.scorecards[f];
      for (const b of c.reliability) {
        rows.push([schemeName(s), CV_FORECASTER[f], b.lo, b.hi, b.n, b.meanP, b.yes, b.freq, b.freqLo, b.freqHi, c.ece, r.fit.seed, r.fit.runs, r.scoreRuns]);
      }
    }
  }
  return csvRows(CV_RELIABILITY_HEADER, rows);
}
