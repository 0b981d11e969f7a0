/**
 * `negsim compare` output: a terminal table, JSON, and a long-layout CSV — one row a (seed or scenario,
 * metric, actor): compared, metric, actor, estimate, lo, hi, n, seed, scenario_sha256, overrides (the
 * `--set`s of the scenario the row is about, in full: `compare FILE --set ...` says which override).
 */
import { isOutcomeDifference, type ScenarioComparison, type SeedComparison } from '../stats/comparison.js';
import { PLAIN, type Paint } from './color.js';
import { csvRows, type CsvField } from './csv.js';
import { jsonText } from './json.js';
import { overridesText } from './command-line.js';
import { abbreviate, blockTable, TERMINAL_WIDTH, wrap } from './text-layout.js';

type Comparison = SeedComparison | ScenarioComparison;

const pct = (x: number) => (Number.isFinite(x) ? (100 * x).toFixed(1) + '%' : '-');
const num = (x: number) => (Number.isFinite(x) ? (100 * x).toFixed(1) : '-');
const pp = (x: number) => (x >= 0 ? '+' : '') + (100 * x).toFixed(1);
/** An estimate with its interval: `46.6% [45.7%, 47.6%]`. */
const estimate = (e: { p: number; lo: number; hi: number }) => `${pct(e.p)} [${pct(e.lo)}, ${pct(e.hi)}]`;
/** The same in percent without the signs, for the tables of many seeds: `46.6 [45.7,47.6]`. */
const compact = (e: { p: number; lo: number; hi: number }) => `${num(e.p)} [${num(e.lo)},${num(e.hi)}]`;
/** Party and measure labels longer than this are abbreviated in the terminal (the CSV has them whole). */
const LABEL = 30;
const letter = (i: number) => String.fromCharCode(65 + i);

export function compareJson(c: Comparison): string {
  return jsonText(c);
}

/**
 * The comparison for a terminal, within 80 columns: columns that do not fit side by side continue in a
 * block below (text-layout.ts), long labels are abbreviated and sentences wrapped; the CSV and JSON hold
 * everything whole. `paint` colours the column headings and the `*` flags (color.ts); plain by default.
 */
export function compareTable(c: Comparison, paint: Paint = PLAIN): string {
  const out: string[] = [];
  const names = c.kind === 'seeds' ? Object.keys(c.seeds[0]?.outcomes ?? {}) : Object.keys(c.scenarios[0].outcomes);
  if (c.kind === 'seeds') {
    const s = c.scenario;
    out.push(...wrap(`scenario ${s.id} (${s.file}, sha256 ${s.hash.slice(0, 12)})`, TERMINAL_WIDTH, '', '  '));
    if (s.overrides) out.push(...wrap(`overrides: ${overridesText(s.overrides)}`, TERMINAL_WIDTH, '', '  '));
    out.push(...wrap(`${c.seeds.length} seeds, ${c.runs} runs each, ${c.rng}; percentages, 95% Wilson intervals in brackets`));
    out.push('');
    out.push(...blockTable('seed', c.seeds.map((r) => String(r.seed).padStart(4)),
      names.map((n) => ({ heading: n, cells: c.seeds.map((r) => compact(r.outcomes[n as keyof typeof r.outcomes])) })), paint.heading));
    out.push('');
    const h = (n: string) => c.homogeneity[n as keyof typeof c.homogeneity];
    out.push(...blockTable('outcome', names, [
      { heading: 'pooled [95% interval]', cells: names.map((n) => compact(h(n).pooled)) },
      { heading: 'sd seeds', cells: names.map((n) => num(h(n).sd_across)), align: 'right' },
      { heading: 'sd MC', cells: names.map((n) => num(h(n).sd_expected)), align: 'right' },
      { heading: 'chi2 (df)', cells: names.map((n) => `${h(n).chi_square.toFixed(2)} (${h(n).df})`), align: 'right' },
      { heading: 'p-value', cells: names.map((n) => h(n).p_value.toFixed(3)), align: 'right' },
    ], paint.heading));
    out.push(...wrap('sd seeds: the spread of the seeds\' estimates; sd MC: the spread Monte Carlo error alone predicts; ' +
      'chi2: the test of homogeneity across seeds.'));
    out.push('');
    out.push(...wrap(c.verdict));
    return out.map((l) => l.trimEnd()).join('\n') + '\n';
  }
  out.push(...wrap(`seed ${c.seed}, ${c.runs} runs each, ${c.rng}; runs paired by common random numbers`));
  c.scenarios.forEach((s, i) => {
    const ov = s.overrides ? ` with --set ${overridesText(s.overrides)}` : '';
    out.push(...wrap(`${letter(i)}: ${s.label} (${s.id}, sha256 ${s.hash.slice(0, 12)})${ov}`, TERMINAL_WIDTH, '  ', '     '));
  });
  out.push('');
  const side = (labels: string[], cell: (s: ScenarioComparison['scenarios'][number], label: string) => string) =>
    c.scenarios.map((s, i) => ({ heading: letter(i), cells: labels.map((l) => cell(s, l)) }));
  out.push(...blockTable('outcome'.padEnd(12), names, side(names, (s, n) => estimate(s.outcomes[n as keyof typeof s.outcomes])), paint.heading));
  // Parties and measures, in the first scenario's order, then those only later scenarios have.
  const events: string[] = [];
  for (const s of c.scenarios) for (const e of s.events) if (!events.includes(eventLabel(e))) events.push(eventLabel(e));
  if (events.length > 0) {
    out.push('');
    out.push(...blockTable('party / measure', events.map((e) => abbreviate(e, LABEL)), side(events, (s, label) => {
      const e = s.events.find((x) => eventLabel(x) === label);
      return e ? estimate(e) : '-';
    }), paint.heading));
  }
  out.push('');
  out.push(...wrap('difference from A, percentage points [95% paired Newcombe interval]; * = the interval excludes 0'));
  const width = Math.min(LABEL, Math.max(12, ...c.differences.map((d) => eventLabel(d).length)));
  c.scenarios.slice(1).forEach((s, i) => {
    for (const d of c.differences.filter((x) => x.scenario === s.label)) {
      out.push(`  ${letter(i + 1)} - A  ${abbreviate(eventLabel(d), width).padEnd(width)} ${pp(d.d).padStart(6)} [${pp(d.lo)}, ${pp(d.hi)}]${d.flagged ? ` ${paint.flag('*')}` : ''}`);
    }
  });
  const flagged = c.differences.filter((d) => d.flagged);
  out.push('');
  out.push(...wrap(flagged.length === 0
    ? 'No difference is distinguishable from Monte Carlo error at these run counts.'
    : `${flagged.length} difference${flagged.length === 1 ? '' : 's'} beyond Monte Carlo error: ${flagged.map((d) => `${eventLabel(d)} (${d.scenario})`).join(', ')}.`));
  return out.map((l) => l.trimEnd()).join('\n') + '\n';
}

/** `attend gov`, `aleppo_ceasefire.held`, `agreement`. */
function eventLabel(e: { metric: string; actor: string }): string {
  return e.actor ? `${e.metric} ${e.actor}` : e.metric;
}

export const COMPARE_HEADER = ['compared', 'metric', 'actor', 'estimate', 'lo', 'hi', 'n', 'seed', 'scenario_sha256', 'overrides'];

export function compareCsv(c: Comparison): string {
  const rows: CsvField[][] = [];
  if (c.kind === 'seeds') {
    const made = [c.scenario.hash, overridesText(c.scenario.overrides)];
    for (const r of c.seeds) for (const [n, e] of Object.entries(r.outcomes)) rows.push([String(r.seed), `outcome.${n}`, '', e.p, e.lo, e.hi, e.n, r.seed, ...made]);
    const seeds = c.seeds.map((s) => s.seed).join(' ');
    for (const [n, h] of Object.entries(c.homogeneity)) {
      rows.push(['pooled', `outcome.${n}`, '', h.pooled.p, h.pooled.lo, h.pooled.hi, h.pooled.n, seeds, ...made]);
      rows.push(['pooled', `outcome.${n}.homogeneity_p`, '', h.p_value, null, null, h.pooled.n, seeds, ...made]);
    }
  } else {
    const made = (label: string) => {
      const s = c.scenarios.find((x) => x.label === label)!;
      return [s.hash, overridesText(s.overrides)];
    };
    for (const s of c.scenarios) {
      for (const [n, e] of Object.entries(s.outcomes)) rows.push([s.label, `outcome.${n}`, '', e.p, e.lo, e.hi, e.n, c.seed, ...made(s.label)]);
      for (const e of s.events) rows.push([s.label, e.metric, e.actor, e.p, e.lo, e.hi, e.n, c.seed, ...made(s.label)]);
    }
    // A difference row names the scenario compared with the baseline (its sha256 and overrides).
    for (const d of c.differences) {
      const metric = isOutcomeDifference(d) ? `difference.outcome.${d.metric}` : `difference.${d.metric}`;
      rows.push([`${d.scenario} - ${d.baseline}`, metric, d.actor, d.d, d.lo, d.hi, d.n, c.seed, ...made(d.scenario)]);
    }
  }
  return csvRows(COMPARE_HEADER, rows);
}
