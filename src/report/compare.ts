/**
 * `negsim compare` output: a terminal table, JSON, and a long-layout CSV — one row a (seed or scenario,
 * metric, actor): compared, metric, actor, estimate, lo, hi, n, seed.
 */
import { isOutcomeDifference, type ScenarioComparison, type SeedComparison } from '../stats/comparison.js';
import { PLAIN, type Paint } from './color.js';
import { csvRows, type CsvField } from './csv.js';
import { jsonText } from './json.js';

type Comparison = SeedComparison | ScenarioComparison;

/** Width of an estimate cell: "100.0% [99.7%, 100.0%]" and a space. */
const CELL = 23;
const pct = (x: number) => (Number.isFinite(x) ? (100 * x).toFixed(1) + '%' : '-');
const pp = (x: number) => (x >= 0 ? '+' : '') + (100 * x).toFixed(1);
/** An estimate with its interval: `46.6% [45.7%, 47.6%]`. */
const estimate = (e: { p: number; lo: number; hi: number }) => `${pct(e.p)} [${pct(e.lo)}, ${pct(e.hi)}]`;

export function compareJson(c: Comparison): string {
  return jsonText(c);
}

/** `paint` colours the column headings and the `*` flags (color.ts); plain by default. */
export function compareTable(c: Comparison, paint: Paint = PLAIN): string {
  const out: string[] = [];
  const names = c.kind === 'seeds' ? Object.keys(c.seeds[0]?.outcomes ?? {}) : Object.keys(c.scenarios[0].outcomes);
  if (c.kind === 'seeds') {
    const s = c.scenario;
    out.push(`scenario ${s.id} (${s.file}, sha256 ${s.hash.slice(0, 12)})`);
    if (s.overrides) out.push(`overrides: ${Object.entries(s.overrides).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}`);
    out.push(`${c.seeds.length} seeds, ${c.runs} runs each, ${c.rng}; 95% Wilson intervals`);
    out.push('');
    out.push(paint.heading(`${'seed'.padStart(8)}  ${names.map((n) => n.padEnd(CELL)).join('')}`.trimEnd()));
    for (const r of c.seeds) {
      out.push(`${String(r.seed).padStart(8)}  ${names.map((n) => estimate(r.outcomes[n as keyof typeof r.outcomes]).padEnd(CELL)).join('')}`);
    }
    out.push('');
    out.push(paint.heading('outcome        pooled [95% interval]      sd across seeds  sd from MC error  chi-square (df)  p-value'));
    for (const n of names) {
      const h = c.homogeneity[n as keyof typeof c.homogeneity];
      out.push(`  ${n.padEnd(12)} ${estimate(h.pooled).padEnd(26)} ${pct(h.sd_across).padStart(15)}  ${pct(h.sd_expected).padStart(16)}  ${`${h.chi_square.toFixed(2)} (${h.df})`.padStart(15)}  ${h.p_value.toFixed(3).padStart(7)}`);
    }
    out.push('');
    out.push(c.verdict);
    return out.map((l) => l.trimEnd()).join('\n') + '\n';
  }
  out.push(`seed ${c.seed}, ${c.runs} runs each, ${c.rng}; runs paired by common random numbers`);
  c.scenarios.forEach((s, i) => {
    const ov = s.overrides ? ` with ${Object.entries(s.overrides).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}` : '';
    out.push(`  ${String.fromCharCode(65 + i)}: ${s.label} (${s.id}, sha256 ${s.hash.slice(0, 12)})${ov}`);
  });
  out.push('');
  out.push(paint.heading(`${'outcome'.padEnd(12)}  ${c.scenarios.map((_, i) => `${String.fromCharCode(65 + i)}`.padEnd(CELL)).join('')}`.trimEnd()));
  for (const n of names) {
    out.push(`${n.padEnd(12)}  ${c.scenarios.map((s) => estimate(s.outcomes[n as keyof typeof s.outcomes]).padEnd(CELL)).join('')}`);
  }
  // Parties and measures, in the first scenario's order, then those only later scenarios have.
  const events: string[] = [];
  for (const s of c.scenarios) for (const e of s.events) if (!events.includes(eventLabel(e))) events.push(eventLabel(e));
  if (events.length > 0) {
    const heading = 'party / measure';
    const width = Math.max(heading.length, ...events.map((e) => e.length));
    out.push('');
    out.push(paint.heading(`${heading.padEnd(width)}  ${c.scenarios.map((_, i) => `${String.fromCharCode(65 + i)}`.padEnd(CELL)).join('')}`.trimEnd()));
    for (const label of events) {
      out.push(`${label.padEnd(width)}  ${c.scenarios.map((s) => {
        const e = s.events.find((x) => eventLabel(x) === label);
        return (e ? estimate(e) : '-').padEnd(CELL);
      }).join('')}`);
    }
  }
  out.push('');
  out.push('difference from A, percentage points [95% paired Newcombe interval]; * = the interval excludes 0');
  const width = Math.max(12, ...c.differences.map((d) => eventLabel(d).length));
  c.scenarios.slice(1).forEach((s, i) => {
    for (const d of c.differences.filter((x) => x.scenario === s.label)) {
      out.push(`  ${String.fromCharCode(66 + i)} - A  ${eventLabel(d).padEnd(width)} ${pp(d.d).padStart(6)} [${pp(d.lo)}, ${pp(d.hi)}]${d.flagged ? ` ${paint.flag('*')}` : ''}`);
    }
  });
  const flagged = c.differences.filter((d) => d.flagged);
  out.push('');
  out.push(flagged.length === 0
    ? 'No difference is distinguishable from Monte Carlo error at these run counts.'
    : `${flagged.length} difference${flagged.length === 1 ? '' : 's'} beyond Monte Carlo error: ${flagged.map((d) => `${eventLabel(d)} (${d.scenario})`).join(', ')}.`);
  return out.map((l) => l.trimEnd()).join('\n') + '\n';
}

/** `attend gov`, `aleppo_ceasefire.held`, `agreement`. */
function eventLabel(e: { metric: string; actor: string }): string {
  return e.actor ? `${e.metric} ${e.actor}` : e.metric;
}

export const COMPARE_HEADER = ['compared', 'metric', 'actor', 'estimate', 'lo', 'hi', 'n', 'seed'];

export function compareCsv(c: Comparison): string {
  const rows: CsvField[][] = [];
  if (c.kind === 'seeds') {
    for (const r of c.seeds) for (const [n, e] of Object.entries(r.outcomes)) rows.push([String(r.seed), `outcome.${n}`, '', e.p, e.lo, e.hi, e.n, r.seed]);
    const seeds = c.seeds.map((s) => s.seed).join(' ');
    for (const [n, h] of Object.entries(c.homogeneity)) {
      rows.push(['pooled', `outcome.${n}`, '', h.pooled.p, h.pooled.lo, h.pooled.hi, h.pooled.n, seeds]);
      rows.push(['pooled', `outcome.${n}.homogeneity_p`, '', h.p_value, null, null, h.pooled.n, seeds]);
    }
  } else {
    for (const s of c.scenarios) {
      for (const [n, e] of Object.entries(s.outcomes)) rows.push([s.label, `outcome.${n}`, '', e.p, e.lo, e.hi, e.n, c.seed]);
      for (const e of s.events) rows.push([s.label, e.metric, e.actor, e.p, e.lo, e.hi, e.n, c.seed]);
    }
    for (const d of c.differences) {
      const metric = isOutcomeDifference(d) ? `difference.outcome.${d.metric}` : `difference.${d.metric}`;
      rows.push([`${d.scenario} - ${d.baseline}`, metric, d.actor, d.d, d.lo, d.hi, d.n, c.seed]);
    }
  }
  return csvRows(COMPARE_HEADER, rows);
}
