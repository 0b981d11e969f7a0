/**
 * `negsim sweep` output for people and programs: a terminal table (one row a grid point: the varied
 * values, then the four outcome probabilities in percent with the wider side of their 95% Wilson
 * interval; within 80 columns while the varied values are short, as grid values are) and JSON (the
 * whole SweepResult; numbers undefined at a point, as a deal mean over no agreements, are null).
 *
 * @example
 * sweepTable(result).split('\n')[6] // '  0.1     0.3 ±0.1   47.0 ±1.0   52.6 ±1.0    0.1 ±0.1'
 */
import { OUTCOMES } from '../sim/run-record.js';
import type { SweepResult } from '../stats/sweep-summary.js';
import { PLAIN, type Paint } from './color.js';
import { jsonText } from './json.js';
import { overridesText } from './command-line.js';
import { blockTable, TERMINAL_WIDTH, wrap } from './text-layout.js';

const cell = (p: number, lo: number, hi: number) => {
  if (!Number.isFinite(p)) return '-'.padStart(5);
  const half = Math.max(p - lo, hi - p);
  return `${(100 * p).toFixed(1).padStart(5)} ±${(100 * half).toFixed(1)}`;
};

export function sweepTable(r: SweepResult, paint: Paint = PLAIN): string {
  const out: string[] = [];
  const s = r.scenario;
  for (const line of wrap(s.title)) out.push(paint.heading(line));
  out.push(...wrap(`scenario ${s.id} (${s.file}, sha256 ${s.hash.slice(0, 12)})`, TERMINAL_WIDTH, '', '  '));
  if (s.overrides) out.push(...wrap(`overrides: ${overridesText(s.overrides)}`, TERMINAL_WIDTH, '', '  '));
  out.push(...wrap(`${r.points.length} points, seed ${r.seed} and ${r.runs} runs at each (common random numbers), ${r.rng}`));
  r.vary.forEach((v, k) => out.push(...wrap(`[${k + 1}] ${v.path}: ${v.from} to ${v.to} step ${v.step} (${v.values.length} values)`, TERMINAL_WIDTH, '  ', '      ')));
  out.push('');
  // The varied values are the rows' labels; outcome columns that do not fit beside them continue below.
  const texts = r.points.map((p) => p.values.map(String));
  const widths = r.vary.map((_, k) => Math.max(3, ...texts.map((t) => t[k].length)));
  const head = r.vary.map((_, k) => `[${k + 1}]`.padEnd(widths[k])).join('  ');
  const labels = texts.map((t) => t.map((x, k) => x.padEnd(widths[k])).join('  '));
  const columns = OUTCOMES.map((n) => ({ heading: n, cells: r.points.map((p) => cell(p.summary.outcomes[n].p, p.summary.outcomes[n].lo, p.summary.outcomes[n].hi)) }));
  out.push(...blockTable(head, labels, columns, paint.heading, TERMINAL_WIDTH - 2).map((l) => (l === '' ? l : `  ${l}`)));
  out.push('');
  out.push('percent of runs, ± the wider side of the 95% Wilson interval');
  out.push('every metric at every point: --json, or --csv F (--layout table or wide)');
  return out.map((l) => l.trimEnd()).join('\n') + '\n';
}

export function sweepJson(r: SweepResult): string {
  return jsonText(r);
}
