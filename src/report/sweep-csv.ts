/**
 * A sweep as CSV, in one of two layouts (RFC 4180 via csv.ts, the seed on every row):
 *
 * - `table` (long; NetLogo BehaviorSpace's "table" output): one row a (grid point, metric) — a column a
 *   varied path holding its value, then `metric, actor, estimate, lo, hi, n, seed, scenario_sha256,
 *   overrides`, the rows of the summary CSV (summary-csv.ts) of that point (its overrides: the fixed
 *   `--set`s and the point's values). Made for filtering and pivoting (R, pandas, jq).
 * - `wide` (BehaviorSpace's "spreadsheet"): one row a grid point — the varied paths, `runs`, `seed`,
 *   `scenario_sha256`, `overrides` (the fixed `--set`s), then
 *   a column a metric with its estimate and two more, `<metric>_lo` and `<metric>_hi`, for its interval.
 *   A metric per actor is named `<metric>.<actor>` (`withdraw.snc`, `aleppo_ceasefire.broken_by.both`).
 *
 * @example
 * sweepCsv(result, 'table') // 'actors.snc.beliefs.gov.sincere,metric,actor,estimate,lo,hi,n,seed\r\n0.1,outcome.agreement,,0.002,...'
 * sweepCsv(result, 'wide')  // 'actors.snc.beliefs.gov.sincere,runs,seed,outcome.agreement,outcome.agreement_lo,outcome.agreement_hi,...'
 */
import type { SweepResult } from '../stats/sweep-summary.js';
import { csvRows, type CsvField } from './csv.js';
import { overridesText } from './command-line.js';
import { SUMMARY_HEADER, summaryRows } from './summary-csv.js';

export const SWEEP_LAYOUTS = ['table', 'wide'] as const;
export type SweepLayout = (typeof SWEEP_LAYOUTS)[number];

export function sweepCsv(r: SweepResult, layout: SweepLayout): string {
  const paths = r.vary.map((v) => v.path);
  if (layout === 'table') {
    const rows: CsvField[][] = [];
    for (const p of r.points) for (const row of summaryRows(p.summary)) rows.push([...p.values, ...row]);
    return csvRows([...paths, ...SUMMARY_HEADER], rows);
  }
  let names: string[] | null = null;
  const rows: CsvField[][] = [];
  for (const p of r.points) {
    const metrics = summaryRows(p.summary);
    const these = metrics.map(([metric, actor]) => (actor === '' ? metric : `${metric}.${actor}`));
    if (names === null) names = these;
    else if (these.join('\n') !== names.join('\n')) throw new Error('sweep points with different metrics: the grid changed the scenario\'s structure');
    const row: CsvField[] = [...p.values, r.runs, r.seed, r.scenario.hash, overridesText(r.scenario.overrides)];
    for (const [, , estimate, lo, hi] of metrics) row.push(estimate, lo, hi);
    rows.push(row);
  }
  const header = [...paths, 'runs', 'seed', 'scenario_sha256', 'overrides'];
  for (const m of names ?? []) header.push(m, `${m}_lo`, `${m}_hi`);
  return csvRows(header, rows);
}
