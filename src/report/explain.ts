/**
 * `negsim explain` output for people and programs: a terminal text within 80 columns (what each outcome
 * hinges on, in a sentence; then, outcome by outcome, the inputs ranked by total Sobol index with both
 * indices and their intervals, each named by its path and quotation; then the preferences ranked by how
 * much switching one off moves the outcomes), JSON (the whole Explanation), and a long-layout CSV, one
 * row a number, every row with the seed, the run counts, the scenario's sha256 and the overrides.
 *
 * @example
 * hingeSentence(agreement, input)
 * // "P(agreement) hinges on the belief of Syrian National Coalition (al-Maleh) that Syrian government
 * //  (al-Moallem) is sincere ('... declaring cease-fires only to buy time.'): 40% of its variance alone,
 * //  52% with its interactions."
 */
import { measurable, type Explanation, type InputInfo, type OutcomeSensitivity, type PreferenceCounterfactual } from '../stats/explanation.js';

export { measurable };
import { PLAIN, type Paint } from './color.js';
import { overridesText } from './command-line.js';
import { csvRows, type CsvField } from './csv.js';
import { jsonText } from './json.js';
import { abbreviate, TERMINAL_WIDTH, wrap } from './text-layout.js';

/** Inputs shown per outcome in the terminal (--top). */
export const DEFAULT_TOP = 5;

const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(Math.abs(x) < 0.01 && x !== 0 ? 2 : 1)}%` : '-');
/** An index: two decimals, fewer for the wild estimates of small designs, so that a cell never outgrows its column. */
const ix = (x: number) => (Number.isFinite(x) ? x.toFixed(Math.abs(x) >= 99.5 ? 0 : Math.abs(x) >= 9.995 ? 1 : 2) : '-');
const pp = (x: number) => (Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}` : '-');
const int = (n: number) => n.toLocaleString('en-US');
/** An index with its interval: `0.41 [0.30, 0.52]`. */
const withInterval = (e: { estimate: number; lo: number; hi: number }) => `${ix(e.estimate)} [${ix(e.lo)}, ${ix(e.hi)}]`;

/** The words of an outcome after "P(": `agreement`, `Syrian government (al-Moallem) withdraws`. */
function outcomeWords(o: { outcome: string; label: string }): string {
  return o.label.replace(/ \(.*\)$/, (m) => (o.outcome.includes('.') ? m : ''));
}

/**
 * An index whose interval is narrow enough to read as a share in a sentence (at most half the scale wide):
 * with few rows, or an outcome the inputs barely move, the ratio estimates stray far beyond [0, 1].
 */
function pinned(e: { lo: number; hi: number }): boolean {
  return Number.isFinite(e.lo) && Number.isFinite(e.hi) && e.hi - e.lo <= 0.5;
}

/** An index read as a share in words: an estimate a little past 0 or 1 (sampling error) is said as 0% or 100%. */
function asShare(x: number): number {
  return Math.min(1, Math.max(0, x));
}


/**
 * The sentence of the issue: what P(outcome) hinges on most (the largest total index), with the quotation
 * behind it, when that index's interval excludes 0; otherwise it says no input measurably does.
 */
export function hingeSentence(o: OutcomeSensitivity, inputs: readonly InputInfo[]): string {
  const what = `P(${outcomeWords(o)})`;
  if (o.p === 0 || o.p === 1) return `${what}: it ${o.p === 0 ? 'never' : 'always'} happened in the design's runs; nothing to explain.`;
  const top = o.indices[0];
  if (!measurable(o) || !(top.total.lo > 0)) {
    return `${what}: no input accounts for a measurable share of its variance at this sample size.`;
  }
  const input = inputs.find((i) => i.path === top.input);
  const quote = input?.quote ? ` ('${input.quote}')` : ' (no quotation: the analyst\'s judgement)';
  const name = `${input?.label ?? top.input}${quote}`;
  if (!pinned(top.total)) {
    return `${what} hinges most on ${name}, by how much is not pinned down at this sample size (total index ${withInterval(top.total)}; more --runs).`;
  }
  const share = top.first.lo > 0 && pinned(top.first)
    ? `${pct(asShare(top.first.estimate))} of its variance alone, ${pct(asShare(top.total.estimate))} with its interactions`
    : `${pct(asShare(top.total.estimate))} of its variance with its interactions (alone: ${top.first.lo > 0 ? 'not pinned down' : 'not distinguishable from 0'})`;
  return `${what} hinges on ${name}: ${share}.`;
}

export function explainJson(e: Explanation): string {
  return jsonText(e);
}

/** The largest change switching the preference off makes to a headline outcome, for ranking. */
function largestEffect(p: PreferenceCounterfactual): number {
  return Math.max(0, ...p.effects.map((x) => (x.flagged ? Math.abs(x.difference.d) : 0)));
}

export function explainTable(e: Explanation, paint: Paint = PLAIN, top = DEFAULT_TOP): string {
  const out: string[] = [];
  const s = e.scenario;
  const sv = e.sensitivity;
  for (const line of wrap(`What drives the forecast: ${s.title}`)) out.push(paint.heading(line));
  out.push(...wrap(`scenario ${s.id} (${s.file}, sha256 ${s.hash.slice(0, 12)})`, TERMINAL_WIDTH, '', '  '));
  if (s.overrides) out.push(...wrap(`overrides: ${overridesText(s.overrides)}`, TERMINAL_WIDTH, '', '  '));
  out.push(...wrap(`seed ${e.seed}, ${e.rng}. Sensitivity: ${int(sv.runs)} rows x ${sv.evaluations} evaluations x ${sv.inner} runs = ` +
    `${int(sv.model_runs)} runs (Saltelli's design; ${sv.inputs.length} uncertain inputs, grouped by ${sv.grouping}).` +
    (e.counterfactual ? ` Counterfactuals: ${int(e.counterfactual.runs)} runs each, paired with the scenario's.` : '')));
  out.push('');

  out.push(paint.heading('What each outcome hinges on'));
  for (const o of sv.outcomes) out.push(...wrap(hingeSentence(o, sv.inputs), TERMINAL_WIDTH, '  ', '    '));
  out.push('');

  out.push(paint.heading('Sensitivity: shares of the variance of P(outcome | inputs)'));
  out.push(...wrap(`Sobol indices, first order (the input alone) and total (with its interactions), 95% bootstrap intervals over the ${int(sv.runs)} rows; inputs ranked by total index. Chance: what a run draws itself (hidden types, whether red lines bind, every equilibrium draw).`));
  // '  1  ' + label + 2 + two cells of at most 20 ('-0.03 [-0.11, -0.01]') + 1: 80 columns
  const LABEL = 32;
  for (const o of sv.outcomes) {
    out.push('');
    if (o.p === 0 || o.p === 1) {
      out.push(...wrap(`${o.outcome}: it ${o.p === 0 ? 'never' : 'always'} happened in the design's runs: no variance to share`, TERMINAL_WIDTH, '', '  '));
      continue;
    }
    if (!measurable(o)) {
      out.push(...wrap(o.input_variance > 0
        ? `${o.outcome}: ${pct(o.p)} of runs; chance carries ${pct(o.chance.estimate)} of a run's variance, and the inputs' part sits in too few rows of the design to share out (the bootstrap cannot bound it): more --runs`
        : `${o.outcome}: ${pct(o.p)} of runs; the inputs' share of a run's variance is estimated at ${pct(1 - o.chance.estimate)}: none measurable at this sample size (more --runs), chance carries it all`, TERMINAL_WIDTH, '', '  '));
      continue;
    }
    out.push(...wrap(`${o.outcome}: ${pct(o.p)} of runs; chance carries ${pct(o.chance.estimate)} [${pct(o.chance.lo)}, ${pct(o.chance.hi)}] of a run's variance`, TERMINAL_WIDTH, '', '  '));
    out.push(paint.heading(`  #  ${'input'.padEnd(LABEL)}  ${'first order'.padEnd(20)} total`));
    const shown = o.indices.slice(0, top);
    shown.forEach((x, r) => {
      const input = sv.inputs.find((i) => i.path === x.input);
      const label = abbreviate(input?.short ?? x.input, LABEL).padEnd(LABEL);
      out.push(`${String(r + 1).padStart(3)}  ${label}  ${withInterval(x.first).padEnd(20)} ${withInterval(x.total)}`);
      out.push(pathAndQuote(x.input, input?.quote));
    });
    const rest = o.indices.slice(top);
    if (rest.length > 0) {
      const most = Math.max(...rest.map((x) => (Number.isFinite(x.total.estimate) ? x.total.estimate : 0)));
      out.push(`     (${rest.length} more, each with a total index of ${ix(most)} or less)`);
    }
  }

  if (e.counterfactual) {
    const cf = e.counterfactual;
    out.push('');
    out.push(paint.heading('Counterfactuals: each preference switched off in turn'));
    out.push(...wrap(`The outcomes without it, beside the scenario as it is (${int(cf.runs)} runs each, the same seed: every run paired with its counterpart); difference in percentage points [95% paired Newcombe interval]; only differences whose interval excludes 0 are listed.`));
    const order = cf.preferences.map((p, i) => ({ p, i })).sort((a, b) => largestEffect(b.p) - largestEffect(a.p) || a.i - b.i);
    order.forEach(({ p }, r) => {
      out.push('');
      out.push(`${String(r + 1).padStart(3)}  ${abbreviate(p.short, TERMINAL_WIDTH - 5)}`);
      out.push(pathAndQuote(p.path, p.quote));
      const flagged = p.effects.filter((x) => x.flagged);
      for (const x of flagged) {
        const name = abbreviate(x.outcome, 26).padEnd(26);
        out.push(`     ${name} ${pct(x.baseline.p).padStart(6)} -> ${pct(x.switched_off.p).padStart(6)}  ${pp(x.difference.d).padStart(6)} [${pp(x.difference.lo)}, ${pp(x.difference.hi)}] ${paint.flag('*')}`);
      }
      const same = p.effects.length - flagged.length;
      if (same > 0) out.push(`     (${flagged.length === 0 ? 'every outcome' : `${same} other outcome${same === 1 ? '' : 's'}`} within Monte Carlo error)`);
    });
  }
  out.push('');
  out.push(...wrap('Every number, with every input and outcome: --json, or --csv FILE.'));
  return out.map((l) => l.trimEnd()).join('\n') + '\n';
}

/** `     actors.snc.beliefs.gov 'The opposition has accused…'`: a quotation cut to the line keeps its closing quote. */
function pathAndQuote(path: string, quote: string | undefined): string {
  const line = `     ${path}${quote ? ` '${quote}'` : ''}`;
  if (line.length <= TERMINAL_WIDTH) return line;
  return quote ? `${abbreviate(line, TERMINAL_WIDTH - 1)}'` : abbreviate(line, TERMINAL_WIDTH);
}

export const EXPLAIN_HEADER = ['view', 'outcome', 'input', 'label', 'statistic', 'estimate', 'lo', 'hi', 'n', 'inner', 'seed', 'scenario_sha256', 'overrides', 'quote'];

export function explainCsv(e: Explanation): string {
  const rows: CsvField[][] = [];
  const made = [e.seed, e.scenario.hash, overridesText(e.scenario.overrides)];
  const sv = e.sensitivity;
  for (const o of sv.outcomes) {
    rows.push(['sensitivity', o.outcome, '', o.label, 'p', o.p, null, null, sv.runs, sv.inner, ...made, '']);
    rows.push(['sensitivity', o.outcome, '', o.label, 'chance', o.chance.estimate, o.chance.lo, o.chance.hi, sv.runs, sv.inner, ...made, '']);
    for (const x of o.indices) {
      const input = sv.inputs.find((i) => i.path === x.input);
      for (const [stat, v] of [['first_order', x.first], ['total', x.total]] as const) {
        rows.push(['sensitivity', o.outcome, x.input, input?.label ?? '', stat, v.estimate, v.lo, v.hi, sv.runs, sv.inner, ...made, input?.quote ?? '']);
      }
    }
  }
  if (e.counterfactual) {
    const n = e.counterfactual.runs;
    for (const p of e.counterfactual.preferences) {
      for (const x of p.effects) {
        rows.push(['counterfactual', x.outcome, p.path, p.label, 'baseline', x.baseline.p, x.baseline.lo, x.baseline.hi, n, null, ...made, p.quote ?? '']);
        rows.push(['counterfactual', x.outcome, p.path, p.label, 'switched_off', x.switched_off.p, x.switched_off.lo, x.switched_off.hi, n, null, ...made, p.quote ?? '']);
        rows.push(['counterfactual', x.outcome, p.path, p.label, 'difference', x.difference.d, x.difference.lo, x.difference.hi, n, null, ...made, p.quote ?? '']);
      }
    }
  }
  return csvRows(EXPLAIN_HEADER, rows);
}
