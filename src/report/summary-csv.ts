/**
 * The summary as CSV: one row a metric — metric, actor, estimate, lo, hi, n, seed, scenario_sha256,
 * overrides — for spreadsheets. `n` is the metric's denominator (runs, or runs talking at the round's start,
 * or agreements for the deal). Every row carries the seed, the scenario file's sha256 and the `--set`
 * overrides written out in full (command-line.ts; empty when none), so rows pasted together from several
 * runs stay attributable to exactly what made them.
 */
import type { Estimate, MeanEstimate, Summary } from '../stats/summary.js';
import { overridesText } from './command-line.js';
import { csvRows } from './csv.js';

export const SUMMARY_HEADER = ['metric', 'actor', 'estimate', 'lo', 'hi', 'n', 'seed', 'scenario_sha256', 'overrides'];

export type SummaryRow = [string, string, number, number, number, number, number, string, string];

export function summaryRows(s: Summary): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const made = [s.seed, s.scenario.hash, overridesText(s.scenario.overrides)] as const;
  const p = (metric: string, actor: string, e: Estimate) => rows.push([metric, actor, e.p, e.lo, e.hi, e.n, ...made]);
  const m = (metric: string, actor: string, e: MeanEstimate) => rows.push([metric, actor, e.mean, e.lo, e.hi, e.n, ...made]);
  for (const [name, e] of Object.entries(s.outcomes)) p(`outcome.${name}`, '', e);
  for (const [id, a] of Object.entries(s.actors)) {
    if (a.attend) p('attend', id, a.attend);
    if (a.withdraw) p('withdraw', id, a.withdraw);
    if (a.withdraw_on_exit) p('withdraw_on_exit', id, a.withdraw_on_exit);
  }
  for (const [id, ms] of Object.entries(s.measures)) {
    if (ms.kind === 'ceasefire') {
      for (const [fate, e] of Object.entries(ms.fate)) p(`${id}.${fate}`, '', e);
      p(`${id}.accepted`, '', ms.accepted);
      for (const [who, e] of Object.entries(ms.broken_by)) p(`${id}.broken_by`, who, e);
      m(`${id}.rounds_kept`, '', ms.rounds_kept);
    } else {
      p(`${id}.carried_out`, '', ms.carried_out);
    }
  }
  for (const [issue, d] of Object.entries(s.deal)) m(`deal.${issue}`, '', d);
  return rows;
}

export function summaryCsv(s: Summary): string {
  return csvRows(SUMMARY_HEADER, summaryRows(s));
}
