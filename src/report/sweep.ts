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

const cell = (p: number, lo: number, hi: number) => {
  if (!Number.isFinite(p)) return '-'.padStart(11);
  const half = Math.max(p - lo, hi - p);
  return `${(100 * p).toFixed(1).padStart(5)} ±${(100 * half).toFixed(1)}`.padEnd(11);
};

export function sweepTable(r: SweepResult, paint: Paint = PLAIN): string {
  const out: string[] = [];
  const s = r.scenario;
  out.push(paint.heading(s.title));
  out.push(`scenario ${s.id} (${s.file}, sha256 ${s.hash.slice(0, 12)})`);
  if (s.overrides) out.push(`overrides: ${Object.entries(s.overrides).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}`);
  out.push(`${r.points.length} points, seed ${r.seed} and ${r.runs} runs at each (common random numbers), ${r.rng}`);
  r.vary.forEach((v, k) => out.push(`  [${k + 1}] ${v.path}: ${v.from} to ${v.to} step ${v.step} (${v.values.length} values)`));
  out.push('');
  const texts = r.points.map((p) => p.values.map(String));
  const widths = r.vary.map((_, k) => Math.max(3, ...texts.map((t) => t[k].length)));
  const head = r.vary.map((_, k) => `[${k + 1}]`.padEnd(widths[k])).join('  ');
  out.push(paint.heading(`  ${head}  ${OUTCOMES.map((o) => o.padEnd(11)).join(' ')}`.trimEnd()));
  r.points.forEach((p, i) => {
    const vals = texts[i].map((t, k) => t.padEnd(widths[k])).join('  ');
    const o = p.summary.outcomes;
    out.push(`  ${vals}  ${OUTCOMES.map((n) => cell(o[n].p, o[n].lo, o[n].hi)).join(' ')}`.trimEnd());
  });
  out.push('');
  out.push('percent of runs, ± the wider side of the 95% Wilson interval');
  out.push('every metric at every point: --json, or --csv F (--layout table or wide)');
  return out.join('\n') + '\n';
}

export function sweepJson(r: SweepResult): string {
  return jsonText(r);
}
